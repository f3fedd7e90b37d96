// The baseline: when a desk first connects, every record it holds that never went through the outbox (the demo
// clinic, data from before sync) gets an insert there, so that nothing stays on one desk only. A clinic of a million
// patients queues some ten million records, minutes of work: it is done a chunk at a time with the registrar's own
// requests answered in between, and a desk closed halfway goes on from where it stopped.
import { and, asc, getTableName, gt, sql } from 'drizzle-orm'
import type { CoreDeps } from '../context'
import { inTransaction } from '../context'
import { outbox } from '../db/schema'
import { changeRecorder } from '../outbox/outbox'
import { idColumn } from './apply-record'
import { baselineFields, childReaders, queuedInBaseline } from './baseline-rows'
import { entitySpecs } from './entities'
import { updateSyncState } from './state'

export const BASELINE_CHUNK = 500

export interface BaselineProgress {
  /** Records with their insert in the outbox, of `total` synced records on this desk. */
  queued: number
  total: number
}

/** A turn of the event loop: whatever the registrar asked for meanwhile is answered before the next chunk. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

function specsInOrder() {
  return Object.values(entitySpecs)
    .filter(queuedInBaseline)
    .sort((a, b) => a.rank - b.rank)
}

function countOf(deps: CoreDeps, query: string): number {
  return deps.store.sqlite.prepare(query).pluck().get() as number
}

/**
 * Every synced record without an insert in the outbox gets one, in dependency order, each table read a chunk at a
 * time in id order (millions of visits do not fit in memory at once). Each chunk is its own transaction; between
 * chunks the event loop turns. A change the registrar makes meanwhile queues its record's insert first itself
 * (queueAheadOf), and the baseline then passes over that record. Marks the baseline done when it reaches the end.
 */
export async function queueBaseline(
  deps: CoreDeps,
  onProgress: (progress: BaselineProgress) => void = () => {},
  between: () => Promise<void> = nextTurn
): Promise<number> {
  const specs = specsInOrder()
  const total = specs.reduce(
    (n, spec) => n + countOf(deps, `SELECT count(*) FROM "${getTableName(spec.table)}"`),
    0
  )
  let queued = countOf(deps, "SELECT count(*) FROM outbox WHERE op = 'insert' AND entity <> 'sync_task'")
  const report = () => onProgress({ queued: Math.min(queued, total), total })
  report()
  let added = 0
  for (const spec of specs) {
    const table = spec.table
    const id = idColumn(table)
    const readers = childReaders(spec, deps)
    const unqueued = sql`not exists (select 1 from ${outbox} where ${outbox.entity} = ${spec.name}
      and ${outbox.entityId} = ${id} and ${outbox.op} = 'insert')`
    let after: string | null = null
    for (;;) {
      await between()
      if (!deps.store.sqlite.open) throw new Error('Хранилище закрыто во время подготовки данных к отправке')
      const rows = deps.store.db
        .select()
        .from(table)
        .where(after === null ? unqueued : and(gt(id, after), unqueued))
        .orderBy(asc(id))
        .limit(BASELINE_CHUNK)
        .all() as Record<string, unknown>[]
      if (rows.length === 0) break
      const ids = rows.map((row) => String(row.id))
      const children = readers.map((read) => read(ids))
      inTransaction(deps, () => {
        // In rank order, so what a record refers to is queued before it: nothing to queue ahead.
        const record = changeRecorder(deps, { queueAhead: false })
        for (const row of rows) {
          record({
            entity: spec.name,
            entityId: String(row.id),
            op: 'insert',
            fields: baselineFields(spec, row, children),
            baseVersion: 0
          })
        }
      })
      added += rows.length
      queued += rows.length
      report()
      after = ids[ids.length - 1]
    }
  }
  updateSyncState(deps, { baselineDone: true })
  return added
}
