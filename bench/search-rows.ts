// Search rows: identifier lookups against a raw primary-key lookup in the same store, and ФИО search (prefix, one
// typo) against a naive LIKE '%…%' scan of the same table.
import type Database from 'better-sqlite3-multiple-ciphers'
import type { Store } from '../src-main/core/db/open'
import { foldForSearch } from '../src-main/core/patients/names'
import { searchPatients } from '../src-main/core/patients/search'
import { summarise, timeEach, type Sample } from './measure'
import { prefixQueries, samplePatients, typoQueries } from './queries'
import { label, medianP99, ms, times, type Row } from './report'

const LIMIT = 20

export function identifierRow(store: Store, patients: number): Row {
  const people = samplePatients(store.sqlite, 500, 11)
  // A scanner types the digits; every other lookup is by ЕНП.
  const queries = people.map((p, i) => (i % 2 === 0 ? p.snils : p.enp))
  const ours = timeEach(queries, { warmup: 200, runs: 2000 }, (q) => {
    if (searchPatients(store, q, LIMIT).length !== 1) throw new Error(`identifier ${q} not found`)
  })
  const byId = store.sqlite.prepare('SELECT * FROM patients WHERE id = ?')
  const raw = timeEach(people, { warmup: 200, runs: 2000 }, (p) => byId.get(p.id))
  const ratio = ours.median / raw.median
  return {
    what: `СНИЛС / ЕНП lookup, ${label(patients)} patients`,
    ours: medianP99(ours),
    comparison: `raw PK lookup ${ms(raw.median)}`,
    ratio: times(ratio),
    goal: 'p99 ≤ 1 ms, ≤ 5× raw',
    met: ours.p99 <= 1 && ratio <= 5
  }
}

/** The naive search: every row's folded ФИО tested with LIKE, then sorted. */
function naiveSearch(sqlite: Database.Database) {
  const stmt = sqlite.prepare(
    `SELECT * FROM patients NOT INDEXED WHERE merged_into IS NULL AND search_text LIKE ?
       ORDER BY search_text LIMIT ${LIMIT}`
  )
  return (query: string) => stmt.all(`%${foldForSearch(query).split(' ').join('%')}%`)
}

function nameRow(
  store: Store,
  patients: number,
  kind: 'prefix' | 'one typo',
  queries: string[],
  naiveRuns: number
): Row {
  const cpu: number[] = []
  const runs = Math.max(queries.length, 600)
  const ours = timeEach(queries, { warmup: 100, runs }, (q) => {
    const before = process.cpuUsage()
    searchPatients(store, q, LIMIT)
    const used = process.cpuUsage(before)
    cpu.push((used.user + used.system) / 1000)
  })
  // CPU time is what the query itself costs; on a busy machine the wall-time tail also holds waits for a core.
  const cpuP99 = summarise(cpu.slice(-runs)).p99
  const naive: Sample = timeEach(queries, { warmup: 1, runs: naiveRuns }, naiveSearch(store.sqlite))
  const speedup = naive.median / ours.median
  const large = patients >= 1_000_000
  return {
    what: `ФИО search, ${kind}, ${label(patients)} patients`,
    ours: `${medianP99(ours)} (CPU p99 ${ms(cpuP99)})`,
    comparison: `naive LIKE scan ${ms(naive.median)} (${naiveRuns} runs)`,
    ratio: `${times(speedup)} faster`,
    goal: large ? 'p99 ≤ 20 ms, ≥ 20× faster' : '≥ 20× faster',
    met: speedup >= 20 && (!large || ours.p99 <= 20)
  }
}

export function nameRows(store: Store, patients: number): Row[] {
  const people = samplePatients(store.sqlite, 300, 12)
  const naiveRuns = patients >= 1_000_000 ? 10 : patients >= 100_000 ? 30 : 100
  return [
    nameRow(store, patients, 'prefix', prefixQueries(people, 13), naiveRuns),
    nameRow(store, patients, 'one typo', typoQueries(people, 14), naiveRuns)
  ]
}
