// The desk's one search box. Identifiers go straight to their index; names go through the name index and the
// trigram index (name-search.ts), and when that finds too little, through the surname table allowing one typo
// (typo-search.ts).
import { classifyIdentifier } from '../../contract/identifiers'
import type { PatientSummary } from '../../contract/schemas'
import type { Db } from '../db/open'
import { exactNameMatches, parseNameQuery } from './name-search'
import {
  idOf,
  inOneRead,
  LIMIT,
  SUMMARY_COLUMNS,
  SUMMARY_WIDTH,
  summaryOf,
  summaryRows,
  type SummaryRow
} from './search-sql'
import { oneTypoMatches } from './typo-search'

export { parseNameQuery } from './name-search'

export interface SearchStore {
  db: Db
  sqlite: import('better-sqlite3-multiple-ciphers').Database
}

const live = 'p.merged_into IS NULL'

const byIdentifier = {
  snils: `SELECT ${SUMMARY_COLUMNS} FROM patients p WHERE p.snils = ? AND ${live} ${LIMIT}`,
  enp: `SELECT ${SUMMARY_COLUMNS} FROM patients p WHERE p.enp = ? AND ${live} ${LIMIT}`,
  passport: `SELECT ${SUMMARY_COLUMNS} FROM patients p WHERE p.doc_series = ? AND p.doc_number = ? AND ${live} ${LIMIT}`,
  birthDate: `SELECT ${SUMMARY_COLUMNS} FROM patients p WHERE p.birth_date = ? AND ${live} ORDER BY p.search_text ${LIMIT}`,
  request: `SELECT ${SUMMARY_COLUMNS}, r.id AS request_id, r.number AS request_number
              FROM extract_requests r JOIN patients p ON p.id = r.patient_id WHERE r.number = ?`
} as const

export function searchPatients(store: SearchStore, rawQuery: string, limit: number): PatientSummary[] {
  const query = rawQuery.trim()
  if (query.length === 0) return []
  const id = classifyIdentifier(query)
  const rows = (sql: string, ...params: unknown[]) =>
    summaryRows(store.sqlite, sql).all(...params) as SummaryRow[]
  switch (id.kind) {
    case 'snils':
      return rows(byIdentifier.snils, id.value, limit).map((r) => summaryOf(r, 'snils'))
    case 'enp':
      return rows(byIdentifier.enp, id.value, limit).map((r) => summaryOf(r, 'enp'))
    case 'passport':
      return rows(byIdentifier.passport, id.value.slice(0, 4), id.value.slice(4), limit).map((r) =>
        summaryOf(r, 'passport')
      )
    case 'requestNumber':
      return (
        summaryRows(store.sqlite, byIdentifier.request).all(id.value) as [
          ...SummaryRow,
          requestId: string,
          requestNumber: string
        ][]
      ).map((r) => {
        const [requestId, requestNumber] = r.slice(SUMMARY_WIDTH) as [string, string]
        return { ...summaryOf(r.slice(0, SUMMARY_WIDTH) as SummaryRow, 'request'), requestId, requestNumber }
      })
    case 'birthDate':
      return rows(byIdentifier.birthDate, id.value, limit).map((r) => summaryOf(r, 'birth_date'))
    default:
      return inOneRead(store.sqlite, () => byName(store, query, limit))
  }
}

function byName(store: SearchStore, query: string, limit: number): PatientSummary[] {
  const parsed = parseNameQuery(query)
  if (parsed.words.length === 0) {
    return parsed.birthDate ? searchPatients(store, parsed.birthDate, limit) : []
  }
  const exact = exactNameMatches(store.sqlite, parsed, limit)
  if (exact.length >= limit || parsed.words[0].length < 4) return exact.map((r) => summaryOf(r, 'name'))
  // A short page holds every exact match: the typo route need not read the cards it would only see dropped here.
  const seen = new Set(exact.map(idOf))
  const fuzzy = oneTypoMatches(store.sqlite, parsed, limit - exact.length, 'all exact matches').filter(
    (r) => !seen.has(idOf(r))
  )
  return [...exact.map((r) => summaryOf(r, 'name')), ...fuzzy.map((r) => summaryOf(r, 'name_fuzzy'))]
}
