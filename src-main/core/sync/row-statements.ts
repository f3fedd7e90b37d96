// Reading and writing one row by id with statements prepared once per store and table, for the loops that apply
// thousands of pulled changes a second. Values cross the boundary as Drizzle's own columns map them (booleans,
// JSON text), so a row read here equals one read through the query builder; only building the SQL is saved, and
// that cost more than SQLite itself per row.
import type Database from 'better-sqlite3'
import { getTableColumns, getTableName, type Column } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'

type Row = Record<string, unknown>

interface TableShape {
  name: string
  /** Column key (camelCase, as Drizzle names it) → its column. */
  byKey: Map<string, Column>
  /** SQL name → key and column, for decoding what SELECT * returns. */
  bySqlName: Map<string, { key: string; column: Column }>
  find: Database.Statement
  writes: Map<string, { stmt: Database.Statement; keys: string[] }>
  /** The last insert of each kind, tried first: the rows of a table being applied come with the same keys. */
  lastInsert: Map<string, InsertPlan>
}

interface InsertPlan {
  /** Every key of the row it was made for, in order, and which of them held a value (undefined ones are left out). */
  rowKeys: string[]
  defined: boolean[]
  stmt: Database.Statement
  keys: string[]
  columns: Column[]
}

/** Whether `row` has exactly the plan's keys, in its order, with values in the same places. */
function fits(plan: InsertPlan, row: Row): boolean {
  let i = 0
  for (const k in row) {
    if (plan.rowKeys[i] !== k || (row[k] !== undefined) !== plan.defined[i]) return false
    i++
  }
  return i === plan.rowKeys.length
}

export interface RowStatements {
  /** The row with this id, decoded as Drizzle's select would; undefined when there is none. */
  find(table: SQLiteTable, id: string): Row | undefined
  /** Inserts the row's keys that are columns of the table; with ignoreConflict a row already there stays as it is. */
  insert(table: SQLiteTable, row: Row, options?: { ignoreConflict?: boolean }): void
  update(table: SQLiteTable, set: Row, id: string): void
  /** Any statement by its text, prepared once. */
  prepared(text: string): Database.Statement
}

const cache = new WeakMap<Database.Database, RowStatements>()

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

function encode(column: Column, value: unknown): unknown {
  return value === null || value === undefined ? null : column.mapToDriverValue(value)
}

export function rowStatements(sqlite: Database.Database): RowStatements {
  const known = cache.get(sqlite)
  if (known) return known
  const shapes = new Map<SQLiteTable, TableShape>()
  const texts = new Map<string, Database.Statement>()

  function shapeOf(table: SQLiteTable): TableShape {
    let shape = shapes.get(table)
    if (!shape) {
      const name = getTableName(table)
      const columns = Object.entries(getTableColumns(table)) as [string, Column][]
      shape = {
        name,
        byKey: new Map(columns),
        bySqlName: new Map(columns.map(([key, column]) => [column.name, { key, column }])),
        find: sqlite.prepare(`SELECT * FROM ${quote(name)} WHERE "id" = ?`),
        writes: new Map(),
        lastInsert: new Map()
      }
      shapes.set(table, shape)
    }
    return shape
  }

  function write(shape: TableShape, kind: string, keys: string[], make: (names: string[]) => string) {
    const cacheKey = `${kind}\u0000${keys.join('\u0000')}`
    let entry = shape.writes.get(cacheKey)
    if (!entry) {
      const names = keys.map((k) => quote(shape.byKey.get(k)!.name))
      entry = { stmt: sqlite.prepare(make(names)), keys }
      shape.writes.set(cacheKey, entry)
    }
    return entry.stmt
  }

  const statements: RowStatements = {
    find(table, id) {
      const shape = shapeOf(table)
      const raw = shape.find.get(id) as Row | undefined
      if (!raw) return undefined
      const row: Row = {}
      for (const [sqlName, value] of Object.entries(raw)) {
        const target = shape.bySqlName.get(sqlName)
        if (!target) continue
        row[target.key] = value === null ? null : target.column.mapFromDriverValue(value)
      }
      return row
    },
    insert(table, row, options = {}) {
      const shape = shapeOf(table)
      const kind = options.ignoreConflict ? 'insert-ignore' : 'insert'
      let plan = shape.lastInsert.get(kind)
      if (!plan || !fits(plan, row)) {
        const rowKeys = Object.keys(row)
        const keys = rowKeys.filter((k) => shape.byKey.has(k) && row[k] !== undefined)
        const conflict = options.ignoreConflict ? ' ON CONFLICT DO NOTHING' : ''
        const stmt = write(
          shape,
          kind,
          keys,
          (names) =>
            `INSERT INTO ${quote(shape.name)} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})${conflict}`
        )
        plan = {
          rowKeys,
          defined: rowKeys.map((k) => row[k] !== undefined),
          stmt,
          keys,
          columns: keys.map((k) => shape.byKey.get(k)!)
        }
        shape.lastInsert.set(kind, plan)
      }
      const values: unknown[] = new Array(plan.keys.length)
      for (let i = 0; i < values.length; i++) values[i] = encode(plan.columns[i], row[plan.keys[i]])
      plan.stmt.run(values)
    },
    update(table, set, id) {
      const shape = shapeOf(table)
      const keys = Object.keys(set).filter((k) => shape.byKey.has(k) && set[k] !== undefined)
      if (keys.length === 0) return
      const stmt = write(
        shape,
        'update',
        keys,
        (names) => `UPDATE ${quote(shape.name)} SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE "id" = ?`
      )
      stmt.run([...keys.map((k) => encode(shape.byKey.get(k)!, set[k])), id])
    },
    prepared(text) {
      let stmt = texts.get(text)
      if (!stmt) {
        stmt = sqlite.prepare(text)
        texts.set(text, stmt)
      }
      return stmt
    }
  }
  cache.set(sqlite, statements)
  return statements
}
