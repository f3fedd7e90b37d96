// Append-only audit journal with a hash chain: each event stores the previous event's hash, and the chain head is
// kept apart, so an edited, deleted, reordered or cut-off event shows when the chain is recomputed.
import { createHash } from 'node:crypto'
import { asc, desc, eq } from 'drizzle-orm'
import type { AuditEvent, AuditVerification } from '../../contract/schemas'
import type { Actor, CoreDeps } from '../context'
import { nowIso } from '../context'
import { auditEvents, users } from '../db/schema'
import { uuidv7 } from '../ids'
import { readSetting, thisWorkstationId, writeSetting } from '../settings/settings-service'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditEntry {
  action: string
  entity: string
  entityId?: string | null
  patientId?: string | null
  details?: Record<string, unknown>
}

interface HashedFields {
  id: string
  at: string
  userId: string | null
  workstationId: string
  action: string
  entity: string
  entityId: string | null
  patientId: string | null
  details: string
}

/** The hash covers the event's content and its predecessor, not its row number: reordering breaks the links. */
export function hashEvent(prevHash: string, e: HashedFields): string {
  const canonical = JSON.stringify([
    e.id,
    e.at,
    e.userId,
    e.workstationId,
    e.action,
    e.entity,
    e.entityId,
    e.patientId,
    e.details
  ])
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex')
}

interface ChainHead {
  seq: number
  hash: string
}

export function appendAudit(deps: CoreDeps, actor: Actor | null, entry: AuditEntry): void {
  const { db } = deps.store
  const last = db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1)
    .get()
  const prevHash = last?.hash ?? GENESIS_HASH
  const fields: HashedFields = {
    id: uuidv7(deps.clock.now().getTime()),
    at: nowIso(deps),
    userId: actor?.userId ?? null,
    workstationId: actor?.workstationId ?? thisWorkstationId(deps),
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    patientId: entry.patientId ?? null,
    details: JSON.stringify(entry.details ?? {})
  }
  const hash = hashEvent(prevHash, fields)
  const inserted = db
    .insert(auditEvents)
    .values({ ...fields, prevHash, hash })
    .returning({ seq: auditEvents.seq })
    .get()
  writeSetting(deps, 'audit.head', { seq: inserted.seq, hash } satisfies ChainHead)
}

export function verifyAuditChain(deps: CoreDeps): AuditVerification {
  const rows = deps.store.db.select().from(auditEvents).orderBy(asc(auditEvents.seq)).all()
  const knownHashes = new Set(rows.map((r) => r.hash))
  const problems: AuditVerification['problems'] = []
  let expectedPrev = GENESIS_HASH
  for (const row of rows) {
    const recomputed = hashEvent(row.prevHash, { ...row, details: row.details })
    if (recomputed !== row.hash) {
      problems.push({ seq: row.seq, kind: 'edited', message: `Событие №${row.seq} изменено после записи` })
    } else if (row.prevHash !== expectedPrev) {
      const kind = knownHashes.has(row.prevHash) ? 'reordered' : 'missing'
      problems.push({
        seq: row.seq,
        kind,
        message:
          kind === 'reordered'
            ? `Порядок событий нарушен перед событием №${row.seq}`
            : `Перед событием №${row.seq} удалено одно или несколько событий`
      })
    }
    expectedPrev = row.hash
  }
  const head = readSetting<ChainHead>(deps, 'audit.head')
  const lastRow = rows[rows.length - 1]
  if (
    head &&
    (!lastRow || lastRow.seq < head.seq || (lastRow.seq === head.seq && lastRow.hash !== head.hash))
  ) {
    problems.push({
      seq: head.seq,
      kind: 'truncated',
      message: `Последние события журнала удалены: ожидалось событие №${head.seq}`
    })
  }
  return { ok: problems.length === 0, checked: rows.length, problems }
}

export function auditForPatient(deps: CoreDeps, patientId: string, limit: number): AuditEvent[] {
  return deps.store.db
    .select({
      seq: auditEvents.seq,
      at: auditEvents.at,
      userName: users.fullName,
      workstationId: auditEvents.workstationId,
      action: auditEvents.action,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      details: auditEvents.details
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(eq(auditEvents.patientId, patientId))
    .orderBy(desc(auditEvents.seq))
    .limit(limit)
    .all()
    .map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }))
}
