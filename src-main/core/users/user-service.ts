// Staff accounts. Passwords are stored only as scrypt hashes.
import { eq } from 'drizzle-orm'
import { AppError } from '../../contract/errors'
import type { Role, UserView } from '../../contract/schemas'
import { appendAudit } from '../audit/audit'
import { assertPasswordAcceptable } from '../auth/password-rules'
import { hashPassword } from '../auth/passwords'
import type { Actor, CoreDeps } from '../context'
import { inTransaction, nowIso } from '../context'
import { users } from '../db/schema'
import { uuidv7 } from '../ids'
import { recordChange } from '../outbox/outbox'

type UserRow = typeof users.$inferSelect

export function toUserView(row: UserRow): UserView {
  return { id: row.id, login: row.login, fullName: row.fullName, role: row.role, active: row.active }
}

export function listUsers(deps: CoreDeps): UserView[] {
  return deps.store.db.select().from(users).orderBy(users.fullName).all().map(toUserView)
}

export function findUserByLogin(deps: CoreDeps, login: string): UserRow | undefined {
  return deps.store.db.select().from(users).where(eq(users.login, login.trim().toLowerCase())).get()
}

export function findUser(deps: CoreDeps, id: string): UserRow | undefined {
  return deps.store.db.select().from(users).where(eq(users.id, id)).get()
}

/** Hashing is slow by design, so it happens before the transaction opens. */
export async function createUser(
  deps: CoreDeps,
  actor: Actor | null,
  draft: { login: string; fullName: string; role: Role; password: string },
  options: { skipPasswordRules?: boolean } = {}
): Promise<UserView> {
  if (!options.skipPasswordRules) assertPasswordAcceptable(draft.password, draft.login)
  const passwordHash = await hashPassword(draft.password, deps.passwordCost)
  return inTransaction(deps, () => {
    const login = draft.login.trim().toLowerCase()
    if (findUserByLogin(deps, login)) throw new AppError('CONFLICT', `Логин «${login}» уже занят`)
    const now = nowIso(deps)
    const row: UserRow = {
      id: uuidv7(deps.clock.now().getTime()),
      login,
      fullName: draft.fullName,
      role: draft.role,
      passwordHash,
      active: true,
      failedSignIns: 0,
      lockedUntil: null,
      createdAt: now,
      updatedAt: now,
      version: 1
    }
    deps.store.db.insert(users).values(row).run()
    const { passwordHash: _secret, failedSignIns: _local, lockedUntil: _lock, ...synced } = row
    recordChange(deps, { entity: 'user', entityId: row.id, op: 'insert', fields: synced, baseVersion: 0 })
    appendAudit(deps, actor, {
      action: 'user.create',
      entity: 'user',
      entityId: row.id,
      details: { login, role: row.role }
    })
    return toUserView(row)
  })
}

export function updateUser(
  deps: CoreDeps,
  actor: Actor,
  input: { id: string; fullName: string; role: Role; active: boolean }
): UserView {
  return inTransaction(deps, () => {
    const row = findUser(deps, input.id)
    if (!row) throw new AppError('NOT_FOUND', 'Пользователь не найден')
    if (row.id === actor.userId && (!input.active || input.role !== 'admin')) {
      throw new AppError('FORBIDDEN', 'Нельзя отключить себя или снять с себя роль администратора')
    }
    const fields = { fullName: input.fullName, role: input.role, active: input.active }
    deps.store.db
      .update(users)
      .set({ ...fields, updatedAt: nowIso(deps), version: row.version + 1 })
      .where(eq(users.id, row.id))
      .run()
    recordChange(deps, { entity: 'user', entityId: row.id, op: 'update', fields, baseVersion: row.version })
    appendAudit(deps, actor, { action: 'user.update', entity: 'user', entityId: row.id, details: fields })
    return toUserView({ ...row, ...fields })
  })
}

export async function resetPassword(
  deps: CoreDeps,
  actor: Actor,
  id: string,
  password: string
): Promise<void> {
  const target = findUser(deps, id)
  if (!target) throw new AppError('NOT_FOUND', 'Пользователь не найден')
  assertPasswordAcceptable(password, target.login)
  const passwordHash = await hashPassword(password, deps.passwordCost)
  inTransaction(deps, () => {
    const row = findUser(deps, id)
    if (!row) throw new AppError('NOT_FOUND', 'Пользователь не найден')
    deps.store.db
      .update(users)
      .set({ passwordHash, failedSignIns: 0, lockedUntil: null, updatedAt: nowIso(deps) })
      .where(eq(users.id, id))
      .run()
    appendAudit(deps, actor, { action: 'user.password_reset', entity: 'user', entityId: id })
  })
}
