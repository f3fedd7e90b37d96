// The desk's own screens on a large clinic: the request and complaint queues a registrar sees all day, and the head
// of the registry's reports over a year, timed as the core answers them. No tool the registrar would pick instead
// shows these; the goals are ours (a queue well inside what a person notices as a pause, a report inside half a
// second), and each row says how many records it was made from.
import { complaintQueue, openStatuses as openComplaint } from '../src-main/core/complaints/complaint-view'
import type { CoreDeps } from '../src-main/core/context'
import { complaintReport } from '../src-main/core/reports/complaint-report'
import { requestReport } from '../src-main/core/reports/request-report'
import { localDate } from '../src-main/core/clock'
import { openStatuses as openRequest, requestQueue } from '../src-main/core/requests/request-service'
import { timeEach } from './measure'
import { label, medianP99, type Row } from './report'

const PAGE = 50
const GOAL_MS = 50
const REPORT_GOAL_MS = 500

function queueRow(
  deps: CoreDeps,
  patients: number,
  what: string,
  table: string,
  open: readonly string[],
  read: () => unknown[]
): Row {
  const openCount = deps.store.sqlite
    .prepare(`SELECT count(*) FROM ${table} WHERE status IN (${open.map(() => '?').join(', ')})`)
    .pluck()
    .get(...open) as number
  const sample = timeEach([0], { warmup: 5, runs: 60 }, () => {
    if (read().length === 0 && openCount > 0) throw new Error(`${what}: an empty page`)
  })
  return {
    what: `${what}, first ${PAGE} of ${openCount.toLocaleString('en-US')} open, ${label(patients)} patients`,
    ours: medianP99(sample),
    comparison: '—',
    ratio: '—',
    goal: `p99 ≤ ${GOAL_MS} ms`,
    met: sample.p99 <= GOAL_MS
  }
}

function reportRow(deps: CoreDeps, patients: number, what: string, read: () => { total: number }): Row {
  let total = 0
  const sample = timeEach([0], { warmup: 2, runs: patients >= 1_000_000 ? 15 : 30 }, () => {
    total = read().total
  })
  return {
    what: `${what} over a year (${total.toLocaleString('en-US')} registered), ${label(patients)} patients`,
    ours: medianP99(sample),
    comparison: '—',
    ratio: '—',
    goal: `p99 ≤ ${REPORT_GOAL_MS} ms`,
    met: sample.p99 <= REPORT_GOAL_MS
  }
}

/** The queues a registrar keeps open, and the two reports that read the most rows, for the year to today. */
export function screenRows(deps: CoreDeps, patients: number): Row[] {
  return [
    queueRow(deps, patients, 'Desk request queue', 'extract_requests', openRequest, () =>
      requestQueue(deps, PAGE)
    ),
    queueRow(deps, patients, 'Desk complaint queue', 'complaints', openComplaint, () =>
      complaintQueue(deps, PAGE)
    ),
    reportRow(deps, patients, 'Report of requests', () => requestReport(deps, yearToToday(deps))),
    reportRow(deps, patients, 'Report of complaints', () => complaintReport(deps, yearToToday(deps)))
  ]
}

function yearToToday(deps: CoreDeps): { from: string; to: string } {
  const to = localDate(deps.clock.now())
  const from = new Date(`${to}T00:00:00Z`)
  from.setUTCDate(from.getUTCDate() - 364)
  return { from: from.toISOString().slice(0, 10), to }
}
