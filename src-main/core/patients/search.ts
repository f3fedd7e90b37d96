// The desk's one search box. Identifiers go straight to their index; names go through the trigram index, and when
// that finds too little, through the small surname table allowing one typo.
import { and, eq, isNull } from 'drizzle-orm'
import { classifyIdentifier } from '../../contract/identifiers'
import type { PatientSummary } from '../../contract/schemas'
import { isRealIsoDate } from '../../contract/schemas'
import type { Db } from '../db/open'
import { extractRequests, patients } from '../db/schema'
import { editDistance, foldForSearch } from './names'
import { toSummary, type PatientRow } from './patient-repo'

export interface SearchStore {
  db: Db
  sqlite: import('better-sqlite3').Database
}

const MAX_TOKENS = 4

export function searchPatients(store: SearchStore, rawQuery: string, limit: number): PatientSummary[] {
  const query = rawQuery.trim()
  if (query.length === 0) return []
  const id = classifyIdentifier(query)
  const live = isNull(patients.mergedInto)
  const { db } = store
  switch (id.kind) {
    case 'snils':
      return db
        .select()
        .from(patients)
        .where(and(live, eq(patients.snils, id.value)))
        .limit(limit)
        .all()
        .map((r) => toSummary(r, 'snils'))
    case 'enp':
      return db
        .select()
        .from(patients)
        .where(and(live, eq(patients.enp, id.value)))
        .limit(limit)
        .all()
        .map((r) => toSummary(r, 'enp'))
    case 'passport':
      return db
        .select()
        .from(patients)
        .where(
          and(live, eq(patients.docSeries, id.value.slice(0, 4)), eq(patients.docNumber, id.value.slice(4)))
        )
        .limit(limit)
        .all()
        .map((r) => toSummary(r, 'passport'))
    case 'requestNumber':
      return byRequestNumber(db, id.value)
    case 'birthDate':
      return db
        .select()
        .from(patients)
        .where(and(live, eq(patients.birthDate, id.value)))
        .orderBy(patients.searchText)
        .limit(limit)
        .all()
        .map((r) => toSummary(r, 'birth_date'))
    default:
      return byName(store, query, limit)
  }
}

function byRequestNumber(db: Db, number: string): PatientSummary[] {
  const rows = db
    .select({ p: patients, requestId: extractRequests.id, requestNumber: extractRequests.number })
    .from(extractRequests)
    .innerJoin(patients, eq(patients.id, extractRequests.patientId))
    .where(eq(extractRequests.number, number))
    .all()
  return rows.map((r) => ({
    ...toSummary(r.p, 'request'),
    requestId: r.requestId,
    requestNumber: r.requestNumber
  }))
}

interface NameQuery {
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

function byName(store: SearchStore, query: string, limit: number): PatientSummary[] {
  const parsed = parseNameQuery(query)
  if (parsed.words.length === 0) {
    return parsed.birthDate ? searchPatients(store, parsed.birthDate, limit) : []
  }
  const exact = exactNameMatches(store, parsed, limit)
  if (exact.length >= limit || parsed.words[0].length < 4) return exact.map((r) => toSummary(r, 'name'))
  const seen = new Set(exact.map((r) => r.id))
  const fuzzy = oneTypoMatches(store, parsed, limit - exact.length).filter((r) => !seen.has(r.id))
  return [...exact.map((r) => toSummary(r, 'name')), ...fuzzy.map((r) => toSummary(r, 'name_fuzzy'))]
}

function exactNameMatches(store: SearchStore, q: NameQuery, limit: number): PatientRow[] {
  const long = q.words.filter((w) => w.length >= 3)
  const short = q.words.filter((w) => w.length < 3)
  const params: unknown[] = []
  let sql: string
  if (long.length > 0) {
    sql = `SELECT p.* FROM patients_fts f JOIN patients p ON p.rowid = f.rowid WHERE patients_fts MATCH ?`
    params.push(long.map(phrase).join(' AND '))
  } else {
    // Fragments under three letters: a prefix range over the folded name uses the index instead of the trigram table.
    sql = `SELECT p.* FROM patients p WHERE p.search_text >= ? AND p.search_text < ?`
    params.push(short[0], short[0] + '\uffff')
  }
  sql += ` AND p.merged_into IS NULL`
  for (const w of long.length > 0 ? short : short.slice(1)) {
    sql += ` AND (' ' || p.search_text) LIKE ?`
    params.push(`% ${w}%`)
  }
  if (q.birthDate) {
    sql += ` AND p.birth_date = ?`
    params.push(q.birthDate)
  }
  // Surname starting with the first word first, then the rest alphabetically.
  sql += ` ORDER BY (p.search_text >= ? AND p.search_text < ?) DESC, p.search_text LIMIT ?`
  params.push(q.words[0], q.words[0] + '\uffff', limit)
  return store.sqlite
    .prepare(sql)
    .all(...params)
    .map(fromRaw)
}

function oneTypoMatches(store: SearchStore, q: NameQuery, limit: number): PatientRow[] {
  if (limit <= 0) return []
  const surname = q.words[0]
  const allowed = surname.length >= 8 ? 2 : 1
  const candidates = store.sqlite
    .prepare(`SELECT surname FROM patient_surnames WHERE len BETWEEN ? AND ? AND n > 0`)
    .pluck()
    .all(surname.length - allowed, surname.length + allowed) as string[]
  const close = candidates
    .map((s) => ({ s, d: editDistance(surname, s, allowed) }))
    .filter((c) => c.d > 0 && c.d <= allowed)
    .sort((a, b) => a.d - b.d || a.s.localeCompare(b.s))
    .slice(0, 20)
  const rows: PatientRow[] = []
  const rest = q.words.slice(1)
  const stmt = store.sqlite.prepare(
    `SELECT * FROM patients WHERE search_text >= ? AND search_text < ? AND merged_into IS NULL` +
      (q.birthDate ? ` AND birth_date = ?` : '') +
      ` ORDER BY search_text LIMIT ?`
  )
  for (const { s } of close) {
    const args: unknown[] = [`${s} `, `${s} \uffff`]
    if (q.birthDate) args.push(q.birthDate)
    args.push(limit)
    for (const raw of stmt.all(...args)) {
      const row = fromRaw(raw)
      const others = row.searchText.split(' ').slice(1)
      if (rest.every((w) => others.some((o) => o.startsWith(w)))) rows.push(row)
      if (rows.length >= limit) return rows
    }
  }
  return rows
}

/** Raw rows come back with SQL column names; map them to the Drizzle row shape. */
function fromRaw(raw: unknown): PatientRow {
  const r = raw as Record<string, unknown>
  return {
    id: r.id as string,
    lastName: r.last_name as string,
    firstName: r.first_name as string,
    middleName: (r.middle_name as string | null) ?? null,
    sex: r.sex as 'M' | 'F',
    birthDate: r.birth_date as string,
    snils: (r.snils as string | null) ?? null,
    enp: (r.enp as string | null) ?? null,
    insurer: (r.insurer as string | null) ?? null,
    docKind: (r.doc_kind as PatientRow['docKind']) ?? null,
    docSeries: (r.doc_series as string | null) ?? null,
    docNumber: (r.doc_number as string | null) ?? null,
    address: (r.address as string | null) ?? null,
    phone: (r.phone as string | null) ?? null,
    email: (r.email as string | null) ?? null,
    attachedOrgId: (r.attached_org_id as string | null) ?? null,
    paperCard: r.paper_card === 1,
    mergedInto: (r.merged_into as string | null) ?? null,
    searchText: r.search_text as string,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
    version: r.version as number
  }
}
