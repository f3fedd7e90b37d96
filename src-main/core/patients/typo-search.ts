// Surnames one typo away (two for long surnames), from the table of distinct surnames, then their cards. A clinic
// of a million people has on the order of a hundred thousand surnames, too many to compare one by one in a
// keystroke's time, so candidates come from the surname table's primary key:
//  - a typo after the word's first third leaves that third whole: surnames starting with it are read as a range
//    and measured exactly;
//  - a typo in the first third: a letter changed or added there is found through the surnames' own deletions of a
//    letter in their first third (patient_surname_deletions), a letter dropped (or two neighbours swapped across
//    its end) by looking up those words: a few probes a letter, where listing every word one edit away took
//    sixty-six. A third rather than a half: at every clinic size measured (10k to 1M) the range grew by less than the
//    probes it saved;
//  - two typos, for surnames of eight letters or more when none is one typo away: surnames with the same first
//    letter, filtered in SQL by the pigeonhole rule (three pieces with a letter between them; two edits leave one
//    piece whole), then measured. Two typos with the first letter wrong are not looked for: they bring more noise
//    than finds.
import type Database from 'better-sqlite3-multiple-ciphers'
import { editDistance } from './names'
import type { NameQuery } from './name-search'
import { LIMIT, prefixEnd, prepared, SUMMARY_COLUMNS, summaryRows, type SummaryRow } from './search-sql'

const CLOSEST = 20

interface Candidate {
  surname: string
  distance: number
}

const collator = new Intl.Collator()
/** Nearest first, then alphabetical: the order in which surnames' cards are listed. */
const closestFirst = (a: Candidate, b: Candidate) =>
  a.distance - b.distance || collator.compare(a.surname, b.surname)

/**
 * Surnames one edit away whose edit falls in the first third, without listing the edits: a letter changed
 * at place i leaves the same word as the query with its own letter i taken out, and a letter added at i leaves the
 * query itself, once taken out again. Both are looked up among the surnames' own such deletions (kept for the
 * places of their first third, which covers the query's: patient_surname_deletions). A letter dropped is a word to
 * look up directly. Some ten probes in all; what they find is measured, since two different deletions can meet on
 * words two edits apart.
 */
const nearSql = `SELECT s.surname FROM json_each(?) v JOIN patient_surname_deletions d ON d.deletion = v.value
    JOIN patient_surnames s ON s.surname = d.surname WHERE s.n > 0
  UNION SELECT s.surname FROM json_each(?) v JOIN patient_surnames s ON s.surname = v.value WHERE s.n > 0`

/** How many first letters of a word its first third is. */
export const firstThird = (word: string) => Math.ceil(word.length / 3)

/**
 * Surnames one edit away whose edit falls in the first third, and perhaps others one edit away that the deletions
 * meet (a letter added just after it): the caller takes them with the range's, each once. For words of two letters
 * or more (the typo route starts at four): after a single letter, a letter added is past any first third.
 */
export function byVariants(sqlite: Database.Database, surname: string): Candidate[] {
  const upTo = firstThird(surname)
  const deletions: string[] = []
  const direct: string[] = []
  for (let i = 0; i < upTo; i++) {
    const deleted = surname.slice(0, i) + surname.slice(i + 1)
    deletions.push(deleted)
    direct.push(deleted)
  }
  deletions.push(surname)
  // Two neighbours swapped inside the first third meet a deletion too; only the swap across its end does not.
  const i = upTo - 1
  if (surname[i] !== surname[i + 1])
    direct.push(surname.slice(0, i) + surname[i + 1] + surname[i] + surname.slice(i + 2))
  const found = prepared(sqlite, nearSql)
    .pluck()
    .all(JSON.stringify(deletions), JSON.stringify(direct)) as string[]
  const out: Candidate[] = []
  for (const s of found) if (editDistance(surname, s, 1) === 1) out.push({ surname: s, distance: 1 })
  return out
}

const rangeSql = (where: string) => `SELECT surname FROM patient_surnames
  WHERE surname >= ? AND surname < ? AND len BETWEEN ? AND ? AND n > 0 AND ${where}`
const plainRangeSql = rangeSql('1')
const twoTypoRangeSql = rangeSql(
  '(substr(surname, 1, ?) = ? OR instr(surname, ?) > 0 OR substr(surname, -?) = ?)'
)

/** Surnames starting with `prefix`, within `allowed` edits of the word, filtered in SQL by `sql`. */
function byPrefix(
  sqlite: Database.Database,
  surname: string,
  prefix: string,
  allowed: number,
  sql = plainRangeSql,
  params: unknown[] = []
): Candidate[] {
  const found = prepared(sqlite, sql)
    .pluck()
    .all(prefix, prefixEnd(prefix), surname.length - allowed, surname.length + allowed, ...params) as string[]
  const out: Candidate[] = []
  for (const s of found) {
    const distance = editDistance(surname, s, allowed)
    if (distance > 0 && distance <= allowed) out.push({ surname: s, distance })
  }
  return out
}

/** Surnames one typo away: an edit in the first third, or the first third whole and the rest within one. */
function oneTypoAway(sqlite: Database.Database, surname: string): Candidate[] {
  return [
    ...byVariants(sqlite, surname),
    ...byPrefix(sqlite, surname, surname.slice(0, firstThird(surname)), 1)
  ]
}

/** Surnames two typos away with the first letter right, by the pigeonhole rule. */
function twoTyposAway(sqlite: Database.Database, surname: string): Candidate[] {
  const piece = Math.floor((surname.length - 2) / 3)
  const start = surname.slice(0, piece)
  const middle = surname.slice(piece + 1, 2 * piece + 1)
  const end = surname.slice(2 * piece + 2)
  return byPrefix(sqlite, surname, surname[0], 2, twoTypoRangeSql, [
    start.length,
    start,
    middle,
    end.length,
    end
  ])
}

/**
 * Surnames one typo away, nearest first, then alphabetically. A long surname with none one typo away is looked for
 * two typos away: when one typo finds a surname, those two away would only follow it as noise.
 */
function candidateSurnames(sqlite: Database.Database, surname: string): Candidate[] {
  const found = oneTypoAway(sqlite, surname)
  if (found.length === 0 && surname.length >= 8) return twoTyposAway(sqlite, surname).sort(closestFirst)
  // Each surname once: one whose edit touches the boundary of the first third ("щуукин" → "щукин") is both a variant
  // and in the range.
  const seen = new Set<string>()
  return found.filter((c) => !seen.has(c.surname) && seen.add(c.surname)).sort(closestFirst)
}

/** Cards of one surname whose other words start as the query's do, in alphabetical order: `what` of them. */
function cardsSql(q: NameQuery, what: string): string {
  // The other words are starts of the name or patronymic: matched in SQL, so that the limit counts only real hits.
  let sql = `SELECT ${what} FROM patients p
    WHERE p.search_text >= ? AND p.search_text < ? AND p.merged_into IS NULL`
  for (let i = 1; i < q.words.length; i++) sql += ` AND instr(' ' || substr(p.search_text, ?), ?) > 0`
  if (q.birthDate) sql += ' AND p.birth_date = ?'
  return `${sql} ORDER BY p.search_text ${LIMIT}`
}

/**
 * Cards of the surnames closest to the first word, up to `limit`: the nearest twenty surnames, each alphabetically.
 *
 * `listed`: a caller that holds every exact match (its page was short) says so, and the cards of a surname that
 * starts with the first word ("иванова" for "иванов") are then only counted, not read: each of them is an exact
 * match already, which the caller drops, yet they take their places in the limit as they always have.
 */
export function oneTypoMatches(
  sqlite: Database.Database,
  q: NameQuery,
  limit: number,
  listed: 'all exact matches' | 'some' = 'some'
): SummaryRow[] {
  if (limit <= 0) return []
  const first = q.words[0]
  const close = candidateSurnames(sqlite, first).slice(0, CLOSEST)
  const rows: SummaryRow[] = []
  const read = summaryRows(sqlite, cardsSql(q, SUMMARY_COLUMNS))
  let taken = 0
  for (const { surname: s } of close) {
    const params: unknown[] = [`${s} `, prefixEnd(`${s} `)]
    for (let i = 1; i < q.words.length; i++) params.push(s.length + 2, ` ${q.words[i]}`)
    if (q.birthDate) params.push(q.birthDate)
    params.push(limit - taken)
    if (listed === 'all exact matches' && s.startsWith(first)) {
      const count = prepared(sqlite, `SELECT count(*) FROM (${cardsSql(q, '1')})`).pluck()
      taken += count.get(...params) as number
    } else {
      const found = read.all(...params) as SummaryRow[]
      for (const r of found) rows.push(r)
      taken += found.length
    }
    if (taken >= limit) break
  }
  return rows
}
