// What the search queries share: prepared statements kept per connection (preparing costs more than running an
// indexed lookup), and the few columns a result line shows, read straight into the contract's shape.
import type Database from 'better-sqlite3-multiple-ciphers'
import type { PatientSummary } from '../../contract/schemas'
import { fullNameOf } from './names'

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/** The statement for `sql` on this connection, prepared once; `raw` ones read rows as arrays. */
export function prepared(sqlite: Database.Database, sql: string, raw = false): Database.Statement {
  let cache = statements.get(sqlite)
  if (!cache) {
    cache = new Map()
    statements.set(sqlite, cache)
  }
  // A statement's mode is its own: the raw one is cached apart, so that a caller never gets the other's rows.
  const key = raw ? `raw:${sql}` : sql
  let stmt = cache.get(key)
  if (!stmt) {
    stmt = sqlite.prepare(sql)
    if (raw) stmt.raw(true)
    cache.set(key, stmt)
  }
  return stmt
}

/**
 * A LIMIT bound as a parameter, written `+?` rather than `?`: SQLite marks a statement whose LIMIT is a bare parameter
 * to be prepared again whenever that parameter is bound (its planner may weigh the value), which is every call: 5 µs
 * on the smallest search statement and more on the larger. An expression binds like any other value.
 */
export const LIMIT = 'LIMIT +?'

/** Columns of `patients p` that a result line needs, and the rowid that tells the trigram index's hits apart. */
export const SUMMARY_COLUMNS =
  'p.rowid, p.id, p.last_name, p.first_name, p.middle_name, p.birth_date, p.sex, p.snils, p.enp'

/** A row of SUMMARY_COLUMNS, read as an array: an object per row cost more than the lookup that found it. */
export type SummaryRow = [
  rowid: number,
  id: string,
  lastName: string,
  firstName: string,
  middleName: string | null,
  birthDate: string,
  sex: 'M' | 'F',
  snils: string | null,
  enp: string | null
]

/** How many columns SUMMARY_COLUMNS holds: a query that selects more after them finds its own from here. */
export const SUMMARY_WIDTH = 9
const ROWID = 0
const ID = 1

export const rowidOf = (r: SummaryRow) => r[ROWID]
export const idOf = (r: SummaryRow) => r[ID]

/** The statement for `sql`, which selects SUMMARY_COLUMNS first, prepared once and reading rows as arrays. */
export function summaryRows(sqlite: Database.Database, sql: string): Database.Statement {
  return prepared(sqlite, sql, true)
}

export function summaryOf(r: SummaryRow, matchedBy: PatientSummary['matchedBy']): PatientSummary {
  return {
    id: r[ID],
    fullName: fullNameOf({ lastName: r[2], firstName: r[3], middleName: r[4] }),
    birthDate: r[5],
    sex: r[6],
    snils: r[7],
    enp: r[8],
    matchedBy
  }
}

const reads = new WeakMap<Database.Database, (run: () => unknown) => unknown>()

/**
 * Runs `run` in one read transaction: a statement outside one opens and closes its own, which costs more than an
 * indexed lookup, and a name search makes several.
 */
export function inOneRead<T>(sqlite: Database.Database, run: () => T): T {
  let read = reads.get(sqlite)
  if (!read) {
    read = sqlite.transaction((fn: () => unknown) => fn())
    reads.set(sqlite, read)
  }
  return read(run) as T
}

/** The end of a prefix range: every string that starts with `prefix` sorts below it. */
export const prefixEnd = (prefix: string) => `${prefix}\uffff`
