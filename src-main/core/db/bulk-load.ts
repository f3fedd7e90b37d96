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

/**
 * A rollback journal instead of WAL while a load runs: WAL would write every new page twice, to the log and then
 * to the file. Leaving WAL needs this to be the only connection; when another is open the load stays in WAL
 * (correct, only slower). Returns what puts the store's own mode back; a crash before that leaves the store in the
 * rollback mode, which opening it sets to WAL again.
 */
export function leaveWal(sqlite: Database.Database): () => void {
  const before = String(sqlite.pragma('journal_mode', { simple: true }))
  if (!sqlite.memory) {
    try {
      sqlite.pragma('journal_mode = DELETE')
    } catch {
      // still WAL
    }
  }
  return () => {
    if (sqlite.open && String(sqlite.pragma('journal_mode', { simple: true })) !== before)
      sqlite.pragma(`journal_mode = ${before}`)
  }
}

export function bulkLoad<T>(sqlite: Database.Database, plan: BulkLoadPlan, load: () => T): T {
  const before = {
    synchronous: Number(sqlite.pragma('synchronous', { simple: true })),
    cache: Number(sqlite.pragma('cache_size', { simple: true })),
    foreignKeys: Number(sqlite.pragma('foreign_keys', { simple: true }))
  }
  const backToWal = leaveWal(sqlite)
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
    backToWal()
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
