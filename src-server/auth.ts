// Who may talk to the server: desks and upstream systems enrol once with a one-time code an administrator made,
// then present their own secret with every request. Only hashes of codes and secrets are stored.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import type { EnrolRequest, EnrolResponse, SyncErrorCode } from '../src-main/contract/sync-protocol'
import { currentGeneration, isoNow, readMeta, writeMeta, type ServerContext } from './context'
import { enrolmentCodes, workstations } from './db/schema'

export class SyncServerError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly status: number
  ) {
    super(message)
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

// No 0/O, 1/I/L: the code is read aloud or copied off a screen.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '')
}

export async function createEnrolmentCode(
  ctx: ServerContext,
  input: { name: string; kind?: 'desk' | 'upstream'; ttlHours?: number }
): Promise<{ code: string; expiresAt: string }> {
  let raw = ''
  for (let i = 0; i < 12; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  const code = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`
  const expiresAt = new Date(ctx.now() + (input.ttlHours ?? 24) * 3_600_000).toISOString()
  await ctx.db.insert(enrolmentCodes).values({
    codeHash: sha256(normaliseCode(code)),
    name: input.name,
    kind: input.kind ?? 'desk',
    createdAt: isoNow(ctx),
    expiresAt
  })
  return { code, expiresAt }
}

export async function enrol(ctx: ServerContext, req: EnrolRequest): Promise<EnrolResponse> {
  return ctx.write(async (tx) => {
    const codeHash = sha256(normaliseCode(req.code))
    const found = await tx.select().from(enrolmentCodes).where(eq(enrolmentCodes.codeHash, codeHash))
    const code = found[0]
    if (!code || code.usedAt || code.expiresAt < isoNow(ctx)) {
      throw new SyncServerError(
        'ENROLMENT_REFUSED',
        'Код подключения неверен, уже использован или просрочен: попросите администратора сервера выдать новый',
        403
      )
    }
    let clinic = await readMeta<EnrolResponse['clinic']>(tx, 'clinic')
    let seededByThisDesk = false
    if (!clinic && code.kind === 'desk') {
      if (!req.clinic) {
        throw new SyncServerError(
          'NOT_SEEDED',
          'На сервере ещё нет клиники: сначала подключите рабочее место, на котором клиника уже настроена',
          409
        )
      }
      clinic = req.clinic
      seededByThisDesk = true
      await writeMeta(tx, 'clinic', clinic)
    }
    const token = randomBytes(32).toString('base64url')
    const existing = (await tx.select().from(workstations).where(eq(workstations.id, req.deviceId)))[0]
    let deskNumber = existing?.deskNumber
    if (existing) {
      // A new code for a known desk (a lost secret, or a desk the administrator let back in): same number and log.
      await tx
        .update(workstations)
        .set({ tokenHash: sha256(token), revokedAt: null, name: req.name })
        .where(eq(workstations.id, req.deviceId))
    } else {
      const next = (await readMeta<number>(tx, 'next_desk_number')) ?? 1
      await writeMeta(tx, 'next_desk_number', next + 1)
      deskNumber = String(next).padStart(2, '0')
      await tx.insert(workstations).values({
        id: req.deviceId,
        name: req.name,
        kind: code.kind,
        deskNumber,
        tokenHash: sha256(token),
        enrolledAt: isoNow(ctx)
      })
    }
    await tx
      .update(enrolmentCodes)
      .set({ usedAt: isoNow(ctx), usedBy: req.deviceId })
      .where(and(eq(enrolmentCodes.codeHash, codeHash), isNull(enrolmentCodes.usedAt)))
    const generation = await currentGeneration(tx)
    return {
      token,
      deviceId: req.deviceId,
      deskNumber: deskNumber ?? '00',
      generation: generation.id,
      clinic: clinic ?? req.clinic ?? missingClinic(),
      seededByThisDesk
    }
  })
}

function missingClinic(): never {
  throw new SyncServerError('NOT_SEEDED', 'На сервере ещё нет клиники', 409)
}

export type Workstation = typeof workstations.$inferSelect

export async function authenticate(ctx: ServerContext, header: string | undefined): Promise<Workstation> {
  const token = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header ?? '')?.[1]
  if (!token) throw new SyncServerError('UNAUTHENTICATED', 'Рабочее место не подключено к серверу', 401)
  const rows = await ctx.db
    .select()
    .from(workstations)
    .where(eq(workstations.tokenHash, sha256(token)))
  const ws = rows[0]
  if (!ws) {
    throw new SyncServerError(
      'UNAUTHENTICATED',
      'Сервер не узнал это рабочее место: подключите его заново кодом от администратора',
      401
    )
  }
  if (ws.revokedAt) {
    throw new SyncServerError(
      'REVOKED',
      'Рабочее место отключено администратором сервера: синхронизация остановлена, изменения сохранены на этом компьютере',
      403
    )
  }
  return ws
}

export async function revokeWorkstation(ctx: ServerContext, deviceId: string): Promise<boolean> {
  const rows = await ctx.db
    .update(workstations)
    .set({ revokedAt: isoNow(ctx) })
    .where(and(eq(workstations.id, deviceId), isNull(workstations.revokedAt)))
    .returning({ id: workstations.id })
  return rows.length > 0
}

export function adminTokenMatches(expected: string | null, header: string | undefined): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1]
  if (!expected || !given) return false
  const a = Buffer.from(sha256(given))
  const b = Buffer.from(sha256(expected))
  return timingSafeEqual(a, b)
}
