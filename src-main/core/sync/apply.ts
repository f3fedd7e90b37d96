// Applying what the server says to the desk's store. Rows are written directly, never through the services, so a
// pulled change writes no outbox row and never echoes back. Fields that a local change not yet back from the
// server touched keep the local value: the server will answer that change in its own log entry.
import { createHash } from 'node:crypto'
import { and, eq, isNull, or, gt, sql } from 'drizzle-orm'
import type { LogEntry } from '../../contract/sync-protocol'
import type { CoreDeps } from '../context'
import { outbox, syncCredentials, syncFieldHistory, syncTombstones, users } from '../db/schema'
import { applyRecord, columnValues, idColumn, recordTask } from './apply-record'
import { contactFields, specOf, type EntitySpec } from './entities'
import { rowStatements } from './row-statements'

type Row = Record<string, unknown>

/** Fields of this record that local changes not yet answered in the log (before `seq`) have set. */
function maskedFields(
  deps: CoreDeps,
  entity: string,
  entityId: string,
  seq: number,
  exceptOpId: string | null
) {
  const rows = deps.store.db
    .select({ opId: outbox.opId, fields: outbox.fields })
    .from(outbox)
    .where(
      and(
        eq(outbox.entity, entity),
        eq(outbox.entityId, entityId),
        or(isNull(outbox.ackSeq), gt(outbox.ackSeq, seq))
      )
    )
    .all()
  const masked = new Set<string>()
  for (const r of rows)
    if (r.opId !== exceptOpId) for (const k of Object.keys(JSON.parse(r.fields))) masked.add(k)
  return masked
}

/**
 * Whether any local change is not yet answered in the log after this position. Mostly none is: then a whole page is
 * applied without looking for masked fields entry by entry.
 */
export function anyUnanswered(deps: CoreDeps, afterSeq: number): boolean {
  return !!deps.store.db
    .select({ one: sql`1` })
    .from(outbox)
    .where(or(isNull(outbox.ackSeq), gt(outbox.ackSeq, afterSeq)))
    .limit(1)
    .get()
}

const noMask = new Set<string>()

function digest(hash: string): string {
  return createHash('sha256').update(hash).digest('hex')
}

function applyCredential(deps: CoreDeps, userId: string, fields: Row, masked: Set<string>): void {
  const hash = fields.passwordHash
  if (typeof hash !== 'string' || masked.has('passwordHash')) return
  deps.store.db.update(users).set({ passwordHash: hash }).where(eq(users.id, userId)).run()
  // What arrived is not a local change: the credential sweep must not send it back.
  deps.store.db
    .insert(syncCredentials)
    .values({ userId, digest: digest(hash) })
    .onConflictDoUpdate({ target: syncCredentials.userId, set: { digest: digest(hash) } })
    .run()
}

function tombstone(deps: CoreDeps, spec: EntitySpec, entityId: string, seq: number, at: string): void {
  deps.store.db
    .insert(syncTombstones)
    .values({ entity: spec.name, entityId, seq, deletedAt: at })
    .onConflictDoNothing()
    .run()
  try {
    deps.store.sqlite.transaction(() =>
      deps.store.db
        .delete(spec.table!)
        .where(eq(idColumn(spec.table!), entityId))
        .run()
    )()
  } catch {
    // Still referenced here (a request names this representative): the row stays, the tombstone marks it gone.
  }
}

function isTombstoned(deps: CoreDeps, entity: string, entityId: string): boolean {
  return !!rowStatements(deps.store.sqlite)
    .prepared('SELECT 1 FROM sync_tombstones WHERE entity = ? AND entity_id = ?')
    .get(entity, entityId)
}

function history(deps: CoreDeps, e: LogEntry, spec: EntitySpec, changed: string[]): void {
  const tracked = new Set<string>([...spec.identity, ...contactFields])
  // An insert's values are the record's first: they are the row itself, and history begins with the first change.
  const rows = [
    ...(e.op === 'insert' ? [] : changed)
      .filter((f) => tracked.has(f))
      .map((f) => ({
        field: f,
        value: e.fields[f],
        hlc: e.hlc,
        deviceId: e.deviceId,
        outcome: 'applied' as const
      })),
    ...e.lost.map((l) => ({
      ...l,
      outcome: spec.identity.includes(l.field) ? ('kept_server' as const) : ('lost' as const)
    }))
  ]
  const statements = rowStatements(deps.store.sqlite)
  for (const r of rows)
    statements.insert(syncFieldHistory, {
      entity: e.entity,
      entityId: e.entityId,
      field: r.field,
      value: JSON.stringify(r.value ?? null),
      hlc: r.hlc,
      deviceId: r.deviceId,
      seq: e.seq,
      outcome: r.outcome,
      at: e.at
    })
}

/** One log entry. The caller holds the page's transaction; a failure here is kept as a task, not thrown. */
export function applyEntry(deps: CoreDeps, e: LogEntry, ownDeviceId: string, masks = true): void {
  if (e.deviceId === ownDeviceId) {
    rowStatements(deps.store.sqlite)
      .prepared('UPDATE outbox SET ack_seq = ?, pushed_at = coalesce(pushed_at, ?) WHERE op_id = ?')
      .run(e.seq, e.at, e.opId)
  }
  if (e.deviceId !== 'server') deps.hlc.observe(e.hlc)
  const spec = specOf(e.entity)
  if (!spec || e.op === 'none') return
  try {
    deps.store.sqlite.transaction(() => {
      const masked = masks ? maskedFields(deps, e.entity, e.entityId, e.seq, e.opId) : noMask
      if (spec.kind === 'credential') return applyCredential(deps, e.entityId, e.fields, masked)
      if (e.op === 'delete') return tombstone(deps, spec, e.entityId, e.seq, e.at)
      if (isTombstoned(deps, e.entity, e.entityId)) return
      if (spec.kind === 'journal') {
        rowStatements(deps.store.sqlite).insert(
          spec.table!,
          { ...columnValues(spec, e.fields), id: e.entityId },
          { ignoreConflict: true }
        )
        return
      }
      const changed = applyRecord(
        deps,
        spec,
        e.entityId,
        e.fields,
        masked,
        e.at,
        e.op === 'insert' ? 'insert' : 'update'
      )
      history(deps, e, spec, changed)
    })()
  } catch (error) {
    recordTask(
      deps,
      'apply_failed',
      e.entity,
      e.entityId,
      `Изменение с сервера не удалось применить: ${String((error as Error).message ?? error).slice(0, 200)}`,
      e
    )
  }
}

/** One record of a snapshot, as the server holds it now. */
export function applySnapshotRecord(
  deps: CoreDeps,
  r: { entity: string; entityId: string; data: Row; deleted: boolean },
  upTo: number,
  at: string,
  masks = true
): void {
  const spec = specOf(r.entity)
  if (!spec) return
  try {
    deps.store.sqlite.transaction(() => {
      const masked = masks ? maskedFields(deps, r.entity, r.entityId, upTo, null) : noMask
      if (spec.kind === 'credential') return applyCredential(deps, r.entityId, r.data, masked)
      if (r.deleted) return tombstone(deps, spec, r.entityId, upTo, at)
      if (spec.kind === 'journal') {
        rowStatements(deps.store.sqlite).insert(
          spec.table!,
          { ...columnValues(spec, r.data), id: r.entityId },
          { ignoreConflict: true }
        )
        return
      }
      applyRecord(deps, spec, r.entityId, r.data, masked, at, 'snapshot')
    })()
  } catch (error) {
    recordTask(
      deps,
      'apply_failed',
      r.entity,
      r.entityId,
      `Запись из снимка не удалось применить: ${String((error as Error).message ?? error).slice(0, 200)}`,
      r
    )
  }
}
