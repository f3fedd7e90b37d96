// The period a report covers, as the store keeps time: dates (registered_on, due_date) are local calendar days;
// printed_at and status history are UTC instants, so a local day is the range [its local midnight, the next one).
import type { ReportPeriod } from '../../contract/report-commands'
import { localDate } from '../clock'
import type { CoreDeps } from '../context'
import { localDayStartIso } from '../print/issuance-journal'
import { getSettings } from '../settings/settings-service'

export interface PeriodBounds {
  from: string
  to: string
  /** UTC ISO instants: from's local midnight (inclusive) and the midnight after `to` (exclusive). */
  startIso: string
  endIso: string
  today: string
  clinicName: string
}

export function periodBounds(deps: CoreDeps, period: ReportPeriod): PeriodBounds {
  return {
    from: period.from,
    to: period.to,
    startIso: localDayStartIso(period.from),
    endIso: localDayStartIso(period.to, 1),
    today: localDate(deps.clock.now()),
    clinicName: getSettings(deps).clinic.name
  }
}

/** Every local day from `from` to `to`, both included. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = []
  const [y, m, d] = from.split('-').map(Number)
  for (let i = 0; ; i++) {
    const day = localDate(new Date(y, m - 1, d + i, 12))
    if (day > to) return days
    days.push(day)
  }
}

/** The median of a list of numbers, or null for none; the mean of the middle two when the count is even. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
