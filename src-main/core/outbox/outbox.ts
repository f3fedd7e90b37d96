// Every local change leaves a row here inside the change's own transaction; the sync client pushes them in order.
import { desc, isNull, sql } from 'drizzle-orm'
import type { CoreDeps } from '../context'
import { nowIso } from '../context'
import { counters, outbox } from '../db/schema'
import { uuidv7 } from '../ids'
import { decodeHlc, encodeHlc, type HlcTimestamp } from './hlc'
import { thisWorkstationId } from '../settings/settings-service'
import { queueAheadOf } from '../sync/baseline-rows'
import { baselineUnderWay, readSyncState } from '../sync/state'

/** Bumped with every migration that changes what a synced record carries. */
export const SYNC_SCHEMA_VERSION = 1

export interface Change {
  entity: string
  entityId: string
  op: 'insert' | 'update' | 'delete'
  fields: Record<string, unknown>
  baseVersion: number
}

/**
 * One change into the outbox. While the baseline is being queued, the inserts of its record and of the records it
 * refers to go first when the baseline has not reached them (queueAheadOf).
 */
export function recordChange(deps: CoreDeps, change: Change): void {
  // The sync state once: whether a baseline is under way, and the pull position every op records.
  const state = readSyncState(deps)
  const seenSeq = state?.cursor ?? 0
  const write = (c: Change) => writeChange(deps, c, seenSeq)
  if (baselineUnderWay(state) && !queueAheadOf(deps, change, write)) return
  write(change)
}

function writeChange(deps: CoreDeps, change: Change, seenSeq: number): void {
  const { db } = deps.store
  // A counter row, not max(device_seq): pushed rows may be pruned later and the sequence must stay gap-free.
  const next = db
    .insert(counters)
    .values({ series: 'outbox', year: 0, last: 1 })
    .onConflictDoUpdate({
      target: [counters.series, counters.year],
      set: { last: sql`${counters.last} + 1` }
    })
    .returning({ last: counters.last })
    .get()
  db.insert(outbox)
    .values({
      deviceSeq: next.last,
      opId: uuidv7(deps.clock.now().getTime()),
      deviceId: thisWorkstationId(deps),
      hlc: deps.hlc.next(),
      entity: change.entity,
      entityId: change.entityId,
      op: change.op,
      fields: JSON.stringify(change.fields),
      baseVersion: change.baseVersion,
      schemaVersion: SYNC_SCHEMA_VERSION,
      seenSeq,
      createdAt: nowIso(deps)
    })
    .run()
}

export function lastHlc(deps: Pick<CoreDeps, 'store'>): string | undefined {
  return deps.store.db.select({ hlc: outbox.hlc }).from(outbox).orderBy(desc(outbox.deviceSeq)).limit(1).get()
    ?.hlc
}

export function pendingChanges(deps: CoreDeps, limit = 100) {
  return deps.store.db
    .select()
    .from(outbox)
    .where(isNull(outbox.pushedAt))
    .orderBy(outbox.deviceSeq)
    .limit(limit)
    .all()
}

export function countPending(deps: CoreDeps): number {
  return (
    deps.store.db
      .select({ n: sql<number>`count(*)` })
      .from(outbox)
      .where(isNull(outbox.pushedAt))
      .get()?.n ?? 0
  )
}

/**
 * recordChange for a run of changes inside one transaction (an import writes hundreds of thousands): the same rows,
 * with the desk, the pull position and the statements looked up once instead of per change. Valid only within the
 * transaction it was made in: a pull between two transactions moves the pull position.
 */
export function changeRecorder(
  deps: CoreDeps,
  options: { queueAhead?: boolean } = {}
): (change: Change) => void {
  const { sqlite } = deps.store
  const state = readSyncState(deps)
  // The baseline itself queues in dependency order and says so; anything else checks, as recordChange does.
  const ahead = (options.queueAhead ?? true) && baselineUnderWay(state)
  const deviceId = thisWorkstationId(deps)
  const seenSeq = state?.cursor ?? 0
  const bump = sqlite.prepare(
    `INSERT INTO counters (series, year, last) VALUES ('outbox', 0, 1)
     ON CONFLICT (series, year) DO UPDATE SET last = last + 1 RETURNING last`
  )
  const insert = sqlite.prepare(
    `INSERT INTO outbox (device_seq, op_id, device_id, hlc, entity, entity_id, op, fields, base_version,
       schema_version, seen_seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  // The desk's clock names its node by reading the store on every stamp; within one transaction nothing else
  // stamps, so the run counts on from one stamp and tells the clock each time, keeping later stamps after it.
  let stamp: HlcTimestamp & { node: string } = decodeHlc(deps.hlc.next())
  let fresh = true
  const write = (change: Change) => {
    const { last } = bump.get() as { last: number }
    if (!fresh) {
      const wall = deps.clock.now().getTime()
      stamp = wall > stamp.ms ? { ...stamp, ms: wall, counter: 0 } : { ...stamp, counter: stamp.counter + 1 }
    }
    fresh = false
    const hlc = encodeHlc(stamp, stamp.node)
    deps.hlc.observe(hlc)
    insert.run(
      last,
      uuidv7(deps.clock.now().getTime()),
      deviceId,
      hlc,
      change.entity,
      change.entityId,
      change.op,
      JSON.stringify(change.fields),
      change.baseVersion,
      SYNC_SCHEMA_VERSION,
      seenSeq,
      nowIso(deps)
    )
  }
  return ahead
    ? (change) => {
        if (queueAheadOf(deps, change, write)) write(change)
      }
    : write
}
