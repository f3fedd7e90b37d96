// Extract requests of a period: how many were registered and where they stand now, which of them are overdue (open
// with the due date behind today, as the desk's queue marks them), and how long handing over took.
import type { ReportPeriod, RequestReport } from '../../contract/report-commands'
import { requestStatusValues, type RequestStatus } from '../../contract/schemas'
import { localDate } from '../clock'
import type { CoreDeps } from '../context'
import { statusNames } from '../requests/status-machine'
import { median, periodBounds } from './period'

const OPEN = `('accepted', 'processing', 'approved', 'ready')`
/** The screen and the files list the overdue requests themselves; past this many only the count is given. */
export const OVERDUE_LIST_LIMIT = 200

interface IssuedRow {
  registeredOn: string
  dueDate: string
  issuedAt: string
}

export function requestReport(deps: CoreDeps, period: ReportPeriod): RequestReport {
  const b = periodBounds(deps, period)
  const sqlite = deps.store.sqlite
  const perStatus = sqlite
    .prepare(
      `SELECT status, count(*) AS n FROM extract_requests WHERE registered_on BETWEEN ? AND ? GROUP BY status`
    )
    .all(b.from, b.to) as { status: RequestStatus; n: number }[]
  const counts = new Map(perStatus.map((r) => [r.status, r.n]))
  const byStatus = requestStatusValues.map((status) => ({
    key: status,
    label: statusNames[status],
    count: counts.get(status) ?? 0
  }))

  const overdueWhere = `registered_on BETWEEN ? AND ? AND status IN ${OPEN} AND due_date < ?`
  // Counted off the period's index, which holds all three columns: the planner would otherwise take the queue's
  // (status, due date) index and read the row of every overdue request for its registration date.
  const overdue = (
    sqlite
      .prepare(
        `SELECT count(*) AS n FROM extract_requests INDEXED BY extract_requests_registered_ix WHERE ${overdueWhere}`
      )
      .get(b.from, b.to, b.today) as {
      n: number
    }
  ).n
  const overdueRows = sqlite
    .prepare(
      `SELECT number, registered_on AS registeredOn, due_date AS dueDate, status FROM extract_requests
        WHERE ${overdueWhere} ORDER BY due_date, number LIMIT ${OVERDUE_LIST_LIMIT}`
    )
    .all(b.from, b.to, b.today) as {
    number: string
    registeredOn: string
    dueDate: string
    status: RequestStatus
  }[]

  // Handed over within the period: the last move to «Выдано» inside it, of a request that is still «Выдано» (a
  // reopened one is being worked on again and has not been handed over).
  const issuedRows = sqlite
    .prepare(
      `SELECT r.registered_on AS registeredOn, r.due_date AS dueDate, max(h.at) AS issuedAt
         FROM request_status_history h JOIN extract_requests r ON r.id = h.request_id
        WHERE h.to_status = 'issued' AND h.at >= ? AND h.at < ? AND r.status = 'issued'
        GROUP BY h.request_id`
    )
    .all(b.startIso, b.endIso) as IssuedRow[]
  const business = businessDayCounter(deps)
  const calendarDays: number[] = []
  const businessDays: number[] = []
  let late = 0
  for (const row of issuedRows) {
    const issuedOn = localDate(new Date(row.issuedAt))
    calendarDays.push(dayNumber(issuedOn) - dayNumber(row.registeredOn))
    const days = business(row.registeredOn, issuedOn)
    if (days !== null) businessDays.push(days)
    if (issuedOn > row.dueDate) late++
  }

  return {
    from: b.from,
    to: b.to,
    clinicName: b.clinicName,
    today: b.today,
    total: byStatus.reduce((sum, s) => sum + s.count, 0),
    byStatus,
    overdue,
    overdueList: overdueRows.map((r) => ({
      ...r,
      businessDaysOverdue: business(r.dueDate, b.today) ?? dayNumber(b.today) - dayNumber(r.dueDate)
    })),
    issued: issuedRows.length,
    issuedLate: late,
    medianDaysToIssue: median(calendarDays),
    // Only when every issued request falls in years the production calendar knows; a partial median would mislead.
    medianBusinessDaysToIssue: businessDays.length === calendarDays.length ? median(businessDays) : null
  }
}

function dayNumber(isoDate: string): number {
  return Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10)) / 86_400_000
}

/**
 * Business days between two dates, or null when the production calendar has no data for a year between them.
 * Remembered per pair: a period's thousands of hand-overs fall on a few hundred pairs of dates, and the calendar
 * counts day by day.
 */
function businessDayCounter(deps: CoreDeps): (from: string, to: string) => number | null {
  const known = new Map<string, number | null>()
  return (from, to) => {
    const key = `${from}/${to}`
    if (!known.has(key)) {
      let days: number | null
      try {
        days = deps.calendar.businessDaysBetween(from, to)
      } catch {
        days = null
      }
      known.set(key, days)
    }
    return known.get(key) ?? null
  }
}
