// npx tsx bench/reports.ts [--patients N]: how long each report takes on a demo clinic of N patients (default
// 100 000) with a year of issuances, over a month and over a year, with the report indexes (migration 0009) and
// without them. Prints a markdown table; the clinic lives in a temporary folder and is removed after.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openCore } from '../src-main/core/app'
import { newDatabaseKey } from '../src-main/core/db/cipher'
import type { CoreDeps } from '../src-main/core/context'
import { uuidv7 } from '../src-main/core/ids'
import { complaintReport } from '../src-main/core/reports/complaint-report'
import { issuanceReport } from '../src-main/core/reports/issuance-report'
import { requestReport } from '../src-main/core/reports/request-report'
import { setupDemo } from '../src-main/core/setup/setup-service'
import { migrationsDir, resourcesDir } from './paths'

const { values } = parseArgs({ options: { patients: { type: 'string', default: '100000' } } })
const patients = Number(values.patients)
const REPORT_INDEXES = [
  'issuances_printed_at_ix',
  'extract_requests_registered_ix',
  'complaints_registered_ix',
  'request_status_history_status_at_ix'
]

const dir = mkdtempSync(join(tmpdir(), 'bench-reports-'))
const key = newDatabaseKey()
const core = openCore({
  dataDir: dir,
  databaseKey: () => key,
  resourcesDir,
  migrationsDir,
  scheduleBackups: false
})
try {
  const deps = await core.deps()
  process.stderr.write(`demo clinic of ${patients} patients …\n`)
  await setupDemo(deps, { patients })
  const issuances = addIssuances(deps, patients)
  const sqlite = deps.store.sqlite
  const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  const today = new Date(deps.clock.now())
  const iso = (d: Date) => d.toISOString().slice(0, 10)
  const month = { from: iso(new Date(today.getTime() - 29 * 86_400_000)), to: iso(today) }
  const year = { from: iso(new Date(today.getTime() - 364 * 86_400_000)), to: iso(today) }
  const reports = {
    issuances: (p: typeof month) => issuanceReport(deps, p),
    requests: (p: typeof month) => requestReport(deps, p),
    complaints: (p: typeof month) => complaintReport(deps, p)
  }
  const measure = (fn: () => unknown) => {
    fn()
    const runs: number[] = []
    for (let i = 0; i < 15; i++) {
      const started = performance.now()
      fn()
      runs.push(performance.now() - started)
    }
    return runs.sort((a, b) => a - b)[7]
  }
  const withIndexes: Record<string, number> = {}
  for (const [name, fn] of Object.entries(reports)) {
    withIndexes[`${name} month`] = measure(() => fn(month))
    withIndexes[`${name} year`] = measure(() => fn(year))
  }
  for (const index of REPORT_INDEXES) sqlite.exec(`DROP INDEX ${index}`)
  sqlite.exec('ANALYZE')
  const lines = [
    `Clinic: ${patients} patients, ${count('extract_requests')} requests, ${count('request_status_history')} status moves, ${count('complaints')} complaints, ${issuances} issuances over a year.`,
    '',
    '| Report, period | With indexes (median of 15) | Without | Ratio |',
    '| --- | --- | --- | --- |'
  ]
  for (const [name, fn] of Object.entries(reports))
    for (const [label, period] of [
      ['month', month],
      ['year', year]
    ] as const) {
      const without = measure(() => fn(period))
      const withIx = withIndexes[`${name} ${label}`]
      lines.push(
        `| ${name}, ${label} | ${withIx.toFixed(2)} ms | ${without.toFixed(2)} ms | ${(without / withIx).toFixed(1)}× |`
      )
    }
  console.log(lines.join('\n'))
} finally {
  core.close()
  rmSync(dir, { recursive: true, force: true })
}

/** A year of hand-overs, one per two patients, by the demo's registrars at desk hours. */
function addIssuances(deps: CoreDeps, patients: number): number {
  const sqlite = deps.store.sqlite
  const ids = sqlite.prepare(`SELECT id FROM patients`).pluck().all() as string[]
  const users = sqlite.prepare(`SELECT id FROM users`).pluck().all() as string[]
  const ws = sqlite.prepare(`SELECT id FROM workstations LIMIT 1`).pluck().get() as string
  const insert = sqlite.prepare(
    `INSERT INTO issuances (id, patient_id, what, printed_at, printed_by, workstation_id, copies, recipient_name,
       recipient_kind, recipient_document, pdf_sha256, verification_code, reprint)
     VALUES (?, ?, 'Выписка', ?, ?, ?, 1, 'Получатель', 'self', 'паспорт', 'x', 'c', 0)`
  )
  const now = deps.clock.now().getTime()
  const n = Math.floor(patients / 2)
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const at = new Date(now - ((i * 7919) % 365) * 86_400_000 - (i % 8) * 3_600_000)
      insert.run(uuidv7(), ids[i % ids.length], at.toISOString(), users[i % users.length], ws)
    }
  })()
  return n
}
