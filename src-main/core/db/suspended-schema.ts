// Indexes and triggers set aside while a large load runs, and put back after it. A load inside one transaction
// (bulk-load.ts) drops and recreates them within it. A load spread over many transactions, such as a new desk's
// snapshot committed page by page, records what it dropped in the same transaction as the drop: a crash halfway
// then finds the record when the store next opens, and the indexes and the search come back before anyone uses
// the desk, rebuilt over whatever had been written.
import type Database from 'better-sqlite3-multiple-ciphers'

export interface SchemaSuspension {
  /** Tables whose indexes are dropped for the load and created after it. */
  indexesOf: readonly string[]
  /** Triggers that maintain derived data row by row; dropped for the load, recreated after it. */
  triggers: readonly string[]
  /** Unique indexes stay: a load spread over transactions still relies on them to refuse a duplicate. */
  keepUnique?: boolean
}

export interface SchemaObject {
  name: string
  type: 'index' | 'trigger'
  sql: string
}

/** Where the dropped objects are recorded until they are back: a local setting, never synced. */
const SETTING = 'store.suspendedSchema'

/** The indexes and triggers a suspension covers, as they stand in the schema now. */
export function schemaObjectsOf(sqlite: Database.Database, plan: SchemaSuspension): SchemaObject[] {
  const list = (names: readonly string[]) => names.map(() => '?').join(', ') || "''"
  const unique = plan.keepUnique ? " AND sql NOT LIKE 'CREATE UNIQUE %'" : ''
  return sqlite
    .prepare(
      `SELECT name, type, sql FROM sqlite_master WHERE sql IS NOT NULL AND (
         (type = 'index' AND tbl_name IN (${list(plan.indexesOf)})${unique})
         OR (type = 'trigger' AND name IN (${list(plan.triggers)})))`
    )
    .all(...plan.indexesOf, ...plan.triggers) as SchemaObject[]
}

export function dropSchemaObjects(sqlite: Database.Database, objects: readonly SchemaObject[]): void {
  for (const { name, type } of objects)
    sqlite.exec(`DROP ${type === 'trigger' ? 'TRIGGER' : 'INDEX'} "${name.replace(/"/g, '""')}"`)
}

/** What a suspension left recorded; empty when nothing is set aside. */
export function suspendedSchema(sqlite: Database.Database): SchemaObject[] {
  const store = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get()
  if (store === undefined) return []
  const value = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SETTING) as
    string | undefined
  return value === undefined ? [] : (JSON.parse(value) as SchemaObject[])
}

/**
 * Drops the plan's indexes and triggers and records them, in one transaction (the caller's, if it is in one).
 * A suspension already in force is extended, never replaced, so nothing recorded is lost.
 */
export function suspendSchema(sqlite: Database.Database, plan: SchemaSuspension): SchemaObject[] {
  return sqlite.transaction(() => {
    const objects = schemaObjectsOf(sqlite, plan)
    const recorded = [...suspendedSchema(sqlite), ...objects]
    sqlite
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
      )
      .run(SETTING, JSON.stringify(recorded))
    dropSchemaObjects(sqlite, objects)
    return objects
  })()
}

/**
 * Puts back whatever a suspension set aside: the indexes built once by sorting, the triggers recreated, and
 * `rebuild` to recompute what the triggers would have written. One transaction: all of it, or the record stays for
 * the next try. Returns whether anything was set aside.
 */
export function restoreSchema(sqlite: Database.Database, rebuild: () => void): boolean {
  return sqlite.transaction(() => {
    const objects = suspendedSchema(sqlite)
    if (objects.length === 0) return false
    for (const { sql } of objects) sqlite.exec(sql)
    if (objects.some((o) => o.type === 'trigger')) rebuild()
    sqlite.prepare('DELETE FROM settings WHERE key = ?').run(SETTING)
    return true
  })()
}
