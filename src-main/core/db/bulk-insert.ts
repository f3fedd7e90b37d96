// Fast inserts for bulk loads (the demo generator, imports): one cached single-row statement per table, run inside
// the caller's transaction. Drizzle's query builder costs more than SQLite itself at millions of rows.
import type Database from 'better-sqlite3'
import { getTableColumns, getTableName, type Table } from 'drizzle-orm'

export interface BulkWriter {
  insert<T extends Table>(table: T, rows: readonly T['$inferInsert'][]): void
}

function toSqlValue(value: unknown): unknown {
  if (value === undefined) return null
  if (typeof value === 'boolean') return value ? 1 : 0
  return value
}

export function createBulkWriter(sqlite: Database.Database): BulkWriter {
  const statements = new Map<
    Table,
    { run: (values: unknown[]) => void; keys: string[]; defaults: unknown[] }
  >()
  function statementFor(table: Table) {
    let entry = statements.get(table)
    if (!entry) {
      const columns = Object.entries(getTableColumns(table))
      const keys = columns.map(([key]) => key)
      const defaults = columns.map(([, column]) =>
        column.hasDefault && column.default !== undefined ? column.default : null
      )
      const names = columns.map(([, column]) => `"${column.name}"`).join(', ')
      const marks = columns.map(() => '?').join(', ')
      const stmt = sqlite.prepare(`INSERT INTO "${getTableName(table)}" (${names}) VALUES (${marks})`)
      entry = { run: (values) => stmt.run(values), keys, defaults }
      statements.set(table, entry)
    }
    return entry
  }
  return {
    insert(table, rows) {
      const { run, keys, defaults } = statementFor(table)
      for (const row of rows) {
        const record = row as Record<string, unknown>
        run(keys.map((key, i) => toSqlValue(record[key] === undefined ? defaults[i] : record[key])))
      }
    }
  }
}
