// ФИО search without typos. Every word must occur in the folded ФИО: a word of three letters or more anywhere in it,
// a shorter one at the start of a word. Results come surname-first: those whose ФИО starts with the first word, then
// the rest, each part in alphabetical order.
//
// At a million patients the order is what costs: a common fragment matches tens of thousands of cards, and sorting
// them all to show twenty is slow. So the work goes in steps that each stop at the limit:
//  1. cards starting with the first word, read in order from the name index (what a registrar types, nearly always);
//  2. the rest: when the trigram index says few cards match, those cards, sorted; when many match, the name index
//     read in order, skipping cards that do not match, which stops soon because matches are everywhere.
import type Database from 'better-sqlite3-multiple-ciphers'
import { isRealIsoDate } from '../../contract/schemas'
import { foldForSearch } from './names'
import {
  LIMIT,
  prefixEnd,
  prepared,
  rowidOf,
  SUMMARY_COLUMNS,
  summaryRows,
  type SummaryRow
} from './search-sql'

const MAX_TOKENS = 4
/**
 * Up to this many trigram matches are fetched and sorted (a few milliseconds at a million cards); beyond it the
 * fragment is in one card of two hundred or more, and reading the name index in order finds twenty soon. Below it,
 * reading in order could crawl: "ковлев" matches only the Яковлевы, at the very end of the alphabet.
 */
const FEW_MATCHES = 5000

export interface NameQuery {
  words: string[]
  birthDate: string | null
}

export function parseNameQuery(query: string): NameQuery {
  let birthDate: string | null = null
  const words: string[] = []
  for (const token of foldForSearch(query).split(' ')) {
    const date = asDate(token)
    if (date) birthDate = date
    else if (token.replace(/[^a-zа-я-]/g, '').length > 0) words.push(token.replace(/[^a-zа-я'-]/g, ''))
  }
  return { words: words.slice(0, MAX_TOKENS), birthDate }
}

function asDate(token: string): string | null {
  const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(token)
  const iso = ru ? `${ru[3]}-${ru[2]}-${ru[1]}` : token
  return isRealIsoDate(iso) ? iso : null
}

/** FTS5 phrase for one word: quotes doubled so that nothing typed becomes query syntax. */
function phrase(word: string): string {
  return `"${word.replace(/"/g, '""')}"`
}

/** SQL conditions every result meets, whichever step finds it. */
function wordConditions(q: NameQuery): { sql: string; params: unknown[] } {
  let sql = 'p.merged_into IS NULL'
  const params: unknown[] = []
  for (const w of q.words) {
    if (w.length >= 3) {
      sql += ' AND instr(p.search_text, ?) > 0'
      params.push(w)
    } else {
      sql += " AND instr(' ' || p.search_text, ?) > 0"
      params.push(` ${w}`)
    }
  }
  if (q.birthDate) {
    sql += ' AND p.birth_date = ?'
    params.push(q.birthDate)
  }
  return { sql, params }
}

export function exactNameMatches(sqlite: Database.Database, q: NameQuery, limit: number): SummaryRow[] {
  const first = q.words[0]
  const where = wordConditions(q)
  const starting = summaryRows(
    sqlite,
    `SELECT ${SUMMARY_COLUMNS} FROM patients p WHERE p.search_text >= ? AND p.search_text < ? AND ${where.sql}
       ORDER BY p.search_text ${LIMIT}`
  ).all(first, prefixEnd(first), ...where.params, limit) as SummaryRow[]
  const long = q.words.filter((w) => w.length >= 3)
  // Without a word of three letters the trigram index has nothing to offer, and the order puts cards starting with the
  // first word first: a short first word matches only at the start of a word, so step 1 found all there is to show.
  if (starting.length >= limit || long.length === 0) return starting
  return [...starting, ...otherMatches(sqlite, q, long, where, starting, limit - starting.length)]
}

/** Step 2: matching cards that do not start with the first word, in alphabetical order. */
function otherMatches(
  sqlite: Database.Database,
  q: NameQuery,
  long: string[],
  where: { sql: string; params: unknown[] },
  starting: SummaryRow[],
  limit: number
): SummaryRow[] {
  const first = q.words[0]
  const match = long.map(phrase).join(' AND ')
  const notStarting = '(p.search_text < ? OR p.search_text >= ?)'
  const found = prepared(
    sqlite,
    `SELECT rowid FROM patients_fts WHERE patients_fts MATCH ? LIMIT ${FEW_MATCHES + 1}`
  )
    .pluck()
    .all(match) as number[]
  if (found.length <= FEW_MATCHES) {
    // The cards step 1 listed are hits too; when they are all there is, as after a typo, nothing is left to read.
    const listed = new Set(starting.map(rowidOf))
    const rest = listed.size === 0 ? found : found.filter((rowid) => !listed.has(rowid))
    if (rest.length === 0) return []
    return summaryRows(
      sqlite,
      `SELECT ${SUMMARY_COLUMNS} FROM patients p
         WHERE p.rowid IN (SELECT value FROM json_each(?)) AND ${notStarting} AND ${where.sql}
         ORDER BY p.search_text ${LIMIT}`
    ).all(JSON.stringify(rest), first, prefixEnd(first), ...where.params, limit) as SummaryRow[]
  }
  return summaryRows(
    sqlite,
    `SELECT ${SUMMARY_COLUMNS} FROM patients p WHERE ${notStarting} AND ${where.sql} ORDER BY p.search_text ${LIMIT}`
  ).all(first, prefixEnd(first), ...where.params, limit) as SummaryRow[]
}
