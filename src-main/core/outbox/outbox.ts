// Every local change leaves a row here inside the change's own transaction; the sync client pushes them in order.
import { desc, isNull, sql } from 'drizzle-orm'
import type { CoreDeps } from '../context'
import { nowIso } from '../context'
import { counters, outbox } from '../db/schema'
import { uuidv7 } from '../ids'
import { thisWorkstationId } from '../settings/settings-service'

/** Bumped with every migration that changes what a synced record carries. */
export const SYNC_SCHEMA_VERSION = 1

export interface Change {
  entity: string
  entityId: string
  op: 'insert' | 'update' | 'delete'
  fields: Record<string, unknown>
  baseVersion: number
}

export function recordChange(deps: CoreDeps, change: Change): void {
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
