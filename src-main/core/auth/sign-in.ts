// Checking a login and password: the same answer for an unknown login and a wrong password, a lockout after
// repeated failures, and an audit event for every attempt.
import { eq } from 'drizzle-orm'
import { AppError } from '../../contract/errors'
import { appendAudit } from '../audit/audit'
import type { CoreDeps } from '../context'
import { inTransaction } from '../context'
import { users } from '../db/schema'
import { thisWorkstation } from '../settings/settings-service'
import { findUserByLogin } from '../users/user-service'
import { lockoutAfterFailure } from './password-rules'
import { verifyPassword } from './passwords'

const BAD_CREDENTIALS = 'Неверный логин или пароль'
// A well-formed hash that matches nothing: an unknown login costs as much time as a known one.
const DECOY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA'

export async function checkCredentials(deps: CoreDeps, login: string, password: string) {
  const user = findUserByLogin(deps, login)
  const ok = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH)
  const now = deps.clock.now()
  if (user?.lockedUntil && user.lockedUntil > now.toISOString()) {
    inTransaction(deps, () =>
      appendAudit(deps, null, { action: 'auth.sign_in_while_locked', entity: 'user', entityId: user.id })
    )
    const until = new Date(user.lockedUntil).toLocaleTimeString('ru-RU', {
      hour: '2-digit',
      minute: '2-digit'
    })
    throw new AppError('ACCOUNT_LOCKED', `Слишком много неверных попыток: вход заблокирован до ${until}`)
  }
  if (user && ok && !user.active) {
    inTransaction(deps, () =>
      appendAudit(deps, null, { action: 'auth.sign_in_inactive', entity: 'user', entityId: user.id })
    )
    throw new AppError('BAD_CREDENTIALS', 'Учётная запись отключена')
  }
  if (!user || !ok) {
    inTransaction(deps, () => {
      if (user) {
        const lockedUntil = lockoutAfterFailure(user.failedSignIns, now)
        deps.store.db
          .update(users)
          .set({ failedSignIns: lockedUntil ? 0 : user.failedSignIns + 1, lockedUntil })
          .where(eq(users.id, user.id))
          .run()
        if (lockedUntil) {
          appendAudit(deps, null, {
            action: 'auth.account_locked',
            entity: 'user',
            entityId: user.id,
            details: { until: lockedUntil }
          })
        }
      }
      appendAudit(deps, null, {
        action: 'auth.sign_in_failed',
        entity: 'user',
        entityId: user?.id ?? null,
        details: { login: login.slice(0, 40) }
      })
    })
    throw new AppError('BAD_CREDENTIALS', BAD_CREDENTIALS)
  }
  const ws = thisWorkstation(deps)
  inTransaction(deps, () => {
    deps.store.db
      .update(users)
      .set({ failedSignIns: 0, lockedUntil: null })
      .where(eq(users.id, user.id))
      .run()
    appendAudit(
      deps,
      { userId: user.id, fullName: user.fullName, role: user.role, workstationId: ws?.id ?? '' },
      { action: 'auth.sign_in', entity: 'user', entityId: user.id }
    )
  })
  return user
}
