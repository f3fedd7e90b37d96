// Applying what the server says to the desk's store. Rows are written directly, never through the services, so a
// pulled change writes no outbox row and never echoes back. Fields that a local change not yet back from the
// server touched keep the local value: the server will answer that change in its own log entry.
import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { LogEntry } from '../../contract/sync-protocol'
import type { CoreDeps } from '../context'
import { syncCredentials, syncFieldHistory, syncTombstones, users } from '../db/schema'
import { applyRecord, columnValues, idColumn, recordTask } from './apply-record'
import { contactFields, specOf, type EntitySpec } from './entities'
import { keptAsSent } from './merge'
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
  const rows = rowStatements(deps.store.sqlite)
    .prepared(
      `SELECT op_id, fields FROM outbox
       WHERE entity = ? AND entity_id = ? AND (ack_seq IS NULL OR ack_seq > ?)`
    )
    .all(entity, entityId, seq) as { op_id: string; fields: string }[]
  const masked = new Set<string>()
  for (const r of rows)
    if (r.op_id !== exceptOpId) for (const k of Object.keys(JSON.parse(r.fields))) masked.add(k)
  return masked
}

/**
 * Whether any local change is not yet answered in the log after this position. Mostly none is: then a whole page is
 * applied without looking for masked fields entry by entry. Two lookups on the ack index: an OR of both would scan
 * the whole outbox, which holds every record of the clinic after its first desk's baseline.
 */
export function anyUnanswered(deps: CoreDeps, afterSeq: number): boolean {
  const statements = rowStatements(deps.store.sqlite)
  return (
    !!statements.prepared('SELECT 1 FROM outbox WHERE ack_seq IS NULL LIMIT 1').get() ||
    !!statements.prepared('SELECT 1 FROM outbox WHERE ack_seq > ? LIMIT 1').get(afterSeq)
  )
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

/** Journals are insert-only: an entry already here stays as it is. */
function insertJournal(deps: CoreDeps, spec: EntitySpec, id: string, fields: Row): void {
  rowStatements(deps.store.sqlite).insert(
    spec.table!,
    { ...columnValues(spec, fields), id },
    { ignoreConflict: true }
  )
}

/** One log entry's change to the store, without a guard of its own. */
function writeEntry(deps: CoreDeps, e: LogEntry, spec: EntitySpec, masks: boolean): void {
  const masked = masks ? maskedFields(deps, e.entity, e.entityId, e.seq, e.opId) : noMask
  if (spec.kind === 'credential') return applyCredential(deps, e.entityId, e.fields, masked)
  if (e.op === 'delete') return tombstone(deps, spec, e.entityId, e.seq, e.at)
  if (isTombstoned(deps, e.entity, e.entityId)) return
  if (spec.kind === 'journal') return insertJournal(deps, spec, e.entityId, e.fields)
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
}

/**
 * This desk's own entry, sent back short (asSent): its outbox row is marked answered unless the push's answer did
 * that already, which is the common case and then costs one look-up and no write. False when the outbox has no
 * such op, which only a server mixing up desks could cause.
 */
function ackShortEcho(deps: CoreDeps, e: LogEntry): boolean {
  const statements = rowStatements(deps.store.sqlite)
  const row = statements.prepared('SELECT ack_seq AS ackSeq FROM outbox WHERE op_id = ?').get(e.opId) as
    { ackSeq: number | null } | undefined
  if (!row) return false
  if (row.ackSeq !== e.seq)
    statements
      .prepared('UPDATE outbox SET ack_seq = ?, pushed_at = coalesce(pushed_at, ?) WHERE op_id = ?')
      .run(e.seq, e.at, e.opId)
  return true
}

/**
 * What every entry does before its change: its own change is marked answered, the clock hears the stamp. Returns
 * the entity's spec when the change is still to be written, null when there is nothing to write.
 */
function noteEntry(deps: CoreDeps, e: LogEntry, ownDeviceId: string): EntitySpec | null {
  const spec = specOf(e.entity)
  if (e.deviceId === ownDeviceId && e.asSent) {
    if (!ackShortEcho(deps, e))
      recordTask(
        deps,
        'apply_failed',
        e.entity,
        e.entityId,
        'Сервер вернул изменение этого рабочего места без значений, а в журнале изменений рабочего места его нет: ' +
          'сверьте запись с сервером',
        e
      )
  } else if (e.deviceId === ownDeviceId) {
    const sent = rowStatements(deps.store.sqlite)
      .prepared(
        'UPDATE outbox SET ack_seq = ?, pushed_at = coalesce(pushed_at, ?) WHERE op_id = ? RETURNING fields'
      )
      .get(e.seq, e.at, e.opId) as { fields: string } | undefined
    if (spec && sent && keptAsSent(spec, JSON.parse(sent.fields) as Row, e)) return null
  }
  if (e.deviceId !== 'server') deps.hlc.observe(e.hlc)
  // An entry sent short carries no values to write.
  return !spec || e.op === 'none' || e.asSent ? null : spec
}

/** One log entry in a savepoint of its own: a failure is kept as a task, not thrown. */
function applyEntry(deps: CoreDeps, e: LogEntry, ownDeviceId: string, masks: boolean): void {
  const spec = noteEntry(deps, e, ownDeviceId)
  if (!spec) return
  try {
    deps.store.sqlite.transaction(() => writeEntry(deps, e, spec, masks))()
  } catch (error) {
    recordTask(
      deps,
      'apply_failed',
      e.entity,
      e.entityId,
      `Изменение с сервера не удалось применить: ${reason(error)}`,
      e
    )
  }
}

function reason(error: unknown): string {
  return String((error as Error).message ?? error).slice(0, 200)
}

/**
 * A page of entries; the caller holds the page's transaction. The page goes in under one savepoint: a savepoint per
 * entry cost as much as the entry's own writes. Should any entry fail, that savepoint is rolled back and the page is
 * applied again entry by entry, each failure kept as a task.
 */
export function applyEntries(deps: CoreDeps, entries: LogEntry[], ownDeviceId: string, masks = true): void {
  try {
    deps.store.sqlite.transaction(() => {
      for (const e of entries) {
        const spec = noteEntry(deps, e, ownDeviceId)
        if (spec) writeEntry(deps, e, spec, masks)
      }
    })()
  } catch {
    for (const e of entries) applyEntry(deps, e, ownDeviceId, masks)
  }
}

export interface SnapshotRecord {
  entity: string
  entityId: string
  data: Row
  deleted: boolean
}

/** One record of a snapshot, as the server holds it now. */
function writeSnapshotRecord(
  deps: CoreDeps,
  r: SnapshotRecord,
  spec: EntitySpec,
  upTo: number,
  at: string,
  masks: boolean
): void {
  const masked = masks ? maskedFields(deps, r.entity, r.entityId, upTo, null) : noMask
  if (spec.kind === 'credential') return applyCredential(deps, r.entityId, r.data, masked)
  if (r.deleted) return tombstone(deps, spec, r.entityId, upTo, at)
  if (spec.kind === 'journal') return insertJournal(deps, spec, r.entityId, r.data)
  applyRecord(deps, spec, r.entityId, r.data, masked, at, 'snapshot')
}

/** A page of a snapshot, as applyEntries: one savepoint, and record by record only when one fails. */
export function applySnapshotRecords(
  deps: CoreDeps,
  records: SnapshotRecord[],
  upTo: number,
  at: string,
  masks = true
): void {
  const known = records.flatMap((r) => {
    const spec = specOf(r.entity)
    return spec ? [{ r, spec }] : []
  })
  try {
    deps.store.sqlite.transaction(() => {
      for (const { r, spec } of known) writeSnapshotRecord(deps, r, spec, upTo, at, masks)
    })()
  } catch {
    for (const { r, spec } of known) {
      try {
        deps.store.sqlite.transaction(() => writeSnapshotRecord(deps, r, spec, upTo, at, masks))()
      } catch (error) {
        recordTask(
          deps,
          'apply_failed',
          r.entity,
          r.entityId,
          `Запись из снимка не удалось применить: ${reason(error)}`,
          r
        )
      }
    }
  }
}
