// The desk's own screens on a large clinic: the request and complaint queues a registrar sees all day, timed as the
// core answers them. No tool the registrar would pick instead shows these; the goal is ours (half the time a person
// notices as a pause), and the row says how many open records the first page was picked from.
import { complaintQueue, openStatuses as openComplaint } from '../src-main/core/complaints/complaint-view'
import type { CoreDeps } from '../src-main/core/context'
import { openStatuses as openRequest, requestQueue } from '../src-main/core/requests/request-service'
import { timeEach } from './measure'
import { label, medianP99, type Row } from './report'

const PAGE = 50
const GOAL_MS = 50

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

export function queueRows(deps: CoreDeps, patients: number): Row[] {
  return [
    queueRow(deps, patients, 'Desk request queue', 'extract_requests', openRequest, () =>
      requestQueue(deps, PAGE)
    ),
    queueRow(deps, patients, 'Desk complaint queue', 'complaints', openComplaint, () =>
      complaintQueue(deps, PAGE)
    )
  ]
}
