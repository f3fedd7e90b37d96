// What the search queries share: prepared statements kept per connection (preparing costs more than running an
// indexed lookup), and the few columns a result line shows, read straight into the contract's shape.
import type Database from 'better-sqlite3-multiple-ciphers'
import type { PatientSummary } from '../../contract/schemas'
import { fullNameOf } from './names'

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/** The statement for `sql` on this connection, prepared once. */
export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(sqlite)
  if (!cache) {
    cache = new Map()
    statements.set(sqlite, cache)
  }
  let stmt = cache.get(sql)
  if (!stmt) {
    stmt = sqlite.prepare(sql)
    cache.set(sql, stmt)
  }
  return stmt
}

/** Columns of `patients p` that a result line needs, and the rowid that tells the trigram index's hits apart. */
export const SUMMARY_COLUMNS =
  'p.rowid, p.id, p.last_name, p.first_name, p.middle_name, p.birth_date, p.sex, p.snils, p.enp'

export interface SummaryRow {
  rowid: number
  id: string
  last_name: string
  first_name: string
  middle_name: string | null
  birth_date: string
  sex: 'M' | 'F'
  snils: string | null
  enp: string | null
}

export function summaryOf(r: SummaryRow, matchedBy: PatientSummary['matchedBy']): PatientSummary {
  return {
    id: r.id,
    fullName: fullNameOf({ lastName: r.last_name, firstName: r.first_name, middleName: r.middle_name }),
    birthDate: r.birth_date,
    sex: r.sex,
    snils: r.snils,
    enp: r.enp,
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
