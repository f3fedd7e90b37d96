// Fast inserts for bulk loads (the demo generator, imports): one cached single-row statement per table, run inside
// the caller's transaction. Drizzle's query builder costs more than SQLite itself at millions of rows.
import type Database from 'better-sqlite3-multiple-ciphers'
import { getTableColumns, getTableName, type Table } from 'drizzle-orm'

export interface BulkWriter {
  insert<T extends Table>(table: T, rows: readonly T['$inferInsert'][]): void
  insertOne<T extends Table>(table: T, row: T['$inferInsert']): void
}

interface TableStatement {
  stmt: Database.Statement
  keys: string[]
  defaults: unknown[]
  /** Reused for every row: a fresh array per row is millions of short-lived allocations for the collector. */
  values: unknown[]
}

export function createBulkWriter(sqlite: Database.Database): BulkWriter {
  const statements = new Map<Table, TableStatement>()
  function statementFor(table: Table): TableStatement {
    let entry = statements.get(table)
    if (!entry) {
      const columns = Object.entries(getTableColumns(table))
      const names = columns.map(([, column]) => `"${column.name}"`).join(', ')
      const marks = columns.map(() => '?').join(', ')
      entry = {
        stmt: sqlite.prepare(`INSERT INTO "${getTableName(table)}" (${names}) VALUES (${marks})`),
        keys: columns.map(([key]) => key),
        defaults: columns.map(([, column]) =>
          column.hasDefault && column.default !== undefined ? column.default : null
        ),
        values: new Array<unknown>(columns.length)
      }
      statements.set(table, entry)
    }
    return entry
  }
  function insertOne(table: Table, row: unknown): void {
    const { stmt, keys, defaults, values } = statementFor(table)
    const record = row as Record<string, unknown>
    for (let i = 0; i < keys.length; i++) {
      const value = record[keys[i]]
      values[i] = value === undefined ? defaults[i] : typeof value === 'boolean' ? (value ? 1 : 0) : value
    }
    stmt.run(values)
  }
  return {
    insert(table, rows) {
      for (const row of rows) insertOne(table, row)
    },
    insertOne
  }
}
