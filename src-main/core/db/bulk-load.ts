// A bulk load (the demo clinic, an import) as one transaction with the store tuned for it, restored afterwards.
// One transaction makes the load all-or-nothing: a crash halfway leaves the store as it was, not half a clinic.
// For its duration: a rollback journal instead of WAL (WAL would hold every new page twice, in the log and then in
// the file), no fsync per cache spill, a large page cache, no foreign-key lookups per row, secondary indexes built
// once by sorting instead of by millions of B-tree inserts, and derived data (search index) rebuilt at the end
// instead of by per-row triggers. The file is flushed to disk before the function returns.
import { closeSync, fsyncSync, openSync } from 'node:fs'
import type Database from 'better-sqlite3-multiple-ciphers'
import { dropSchemaObjects, schemaObjectsOf } from './suspended-schema'

export interface BulkLoadPlan {
  /** Tables whose secondary (non-unique-constraint) indexes are dropped for the load and created after it. */
  deferIndexesOf: readonly string[]
  /** Triggers that maintain derived data row by row; dropped for the load, recreated after it. */
  suspendTriggers: readonly string[]
  /** Recomputes what the suspended triggers would have written; runs inside the transaction, after the load. */
  rebuild(): void
}

/** Page cache for the load: index sorts and the search rebuild run in memory instead of temporary files. */
export const LOAD_CACHE_KIB = 256 * 1024

export function bulkLoad<T>(sqlite: Database.Database, plan: BulkLoadPlan, load: () => T): T {
  const before = {
    journal: String(sqlite.pragma('journal_mode', { simple: true })),
    synchronous: Number(sqlite.pragma('synchronous', { simple: true })),
    cache: Number(sqlite.pragma('cache_size', { simple: true })),
    foreignKeys: Number(sqlite.pragma('foreign_keys', { simple: true }))
  }
  // Leaving WAL needs this to be the only connection; when another is open the load simply stays in WAL.
  if (!sqlite.memory) {
    try {
      sqlite.pragma('journal_mode = DELETE')
    } catch {
      // still WAL: correct, only slower
    }
  }
  sqlite.pragma('synchronous = OFF')
  sqlite.pragma(`cache_size = -${LOAD_CACHE_KIB}`)
  sqlite.pragma('foreign_keys = OFF')
  try {
    return sqlite.transaction(() => {
      const deferred = schemaObjectsOf(sqlite, {
        indexesOf: plan.deferIndexesOf,
        triggers: plan.suspendTriggers
      })
      dropSchemaObjects(sqlite, deferred)
      const result = load()
      for (const { sql } of deferred) sqlite.exec(sql)
      plan.rebuild()
      return result
    })()
  } finally {
    sqlite.pragma(`foreign_keys = ${before.foreignKeys}`)
    sqlite.pragma(`cache_size = ${before.cache}`)
    sqlite.pragma(`synchronous = ${before.synchronous}`)
    if (String(sqlite.pragma('journal_mode', { simple: true })) !== before.journal)
      sqlite.pragma(`journal_mode = ${before.journal}`)
    // The load ran without fsync: make it durable now, before anyone is told it is done.
    if (!sqlite.memory) {
      const fd = openSync(sqlite.name, 'r')
      try {
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
    }
  }
}
