// Documents handed over in a period (the issuance journal in figures): per local day and per registrar. One
// issuance is one document handed over, whatever the number of copies; copies are summed beside it.
import type { IssuanceReport, ReportPeriod } from '../../contract/report-commands'
import { localDate } from '../clock'
import type { CoreDeps } from '../context'
import { daysOf, periodBounds } from './period'

interface DayRow {
  day: string
  n: number
  copies: number
}

interface RegistrarRow {
  userId: string
  name: string | null
  n: number
  copies: number
}

export function issuanceReport(deps: CoreDeps, period: ReportPeriod): IssuanceReport {
  const b = periodBounds(deps, period)
  const sqlite = deps.store.sqlite
  const days = daysOf(b.from, b.to)
  const perDay = wholeHourOffsets(days) ? perDayByHour(deps, b) : perDayByLocaltime(deps, b)
  const perRegistrar = sqlite
    .prepare(
      `SELECT i.printed_by AS userId, u.full_name AS name, count(*) AS n, coalesce(sum(i.copies), 0) AS copies
         FROM issuances i LEFT JOIN users u ON u.id = i.printed_by
        WHERE i.printed_at >= ? AND i.printed_at < ?
        GROUP BY i.printed_by`
    )
    .all(b.startIso, b.endIso) as RegistrarRow[]

  const byDate = new Map(perDay.map((r) => [r.day, r]))
  const byDay = days.map((date) => ({
    date,
    count: byDate.get(date)?.n ?? 0,
    copies: byDate.get(date)?.copies ?? 0
  }))
  const byRegistrar = perRegistrar
    .map((r) => ({ userId: r.userId, name: r.name ?? r.userId, count: r.n, copies: r.copies }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'ru'))
  return {
    from: b.from,
    to: b.to,
    clinicName: b.clinicName,
    today: b.today,
    total: byDay.reduce((sum, d) => sum + d.count, 0),
    copies: byDay.reduce((sum, d) => sum + d.copies, 0),
    byDay,
    byRegistrar
  }
}

type Bounds = ReturnType<typeof periodBounds>

// printed_at is a UTC instant (toISOString on every desk). SQLite's 'localtime' modifier asks the C library once per
// row, and on a year of a large clinic's issuances that was most of the report's time (bench/reports.ts). So the
// rows are counted per UTC hour in SQL, from the covering index alone, and the hours are put into local days here.
// That is exact wherever the UTC offset is a whole number of hours, which holds for every Russian zone; a desk in a
// zone with a half-hour offset gets the per-row conversion.
function perDayByHour(deps: CoreDeps, b: Bounds): DayRow[] {
  const hours = deps.store.sqlite
    .prepare(
      `SELECT substr(printed_at, 1, 13) AS hour, count(*) AS n, coalesce(sum(copies), 0) AS copies
         FROM issuances WHERE printed_at >= ? AND printed_at < ? GROUP BY hour`
    )
    .all(b.startIso, b.endIso) as { hour: string; n: number; copies: number }[]
  const days = new Map<string, DayRow>()
  for (const h of hours) {
    const day = localDate(new Date(`${h.hour}:00:00.000Z`))
    const row = days.get(day) ?? { day, n: 0, copies: 0 }
    row.n += h.n
    row.copies += h.copies
    days.set(day, row)
  }
  return [...days.values()]
}

function perDayByLocaltime(deps: CoreDeps, b: Bounds): DayRow[] {
  return deps.store.sqlite
    .prepare(
      `SELECT date(printed_at, 'localtime') AS day, count(*) AS n, coalesce(sum(copies), 0) AS copies
         FROM issuances WHERE printed_at >= ? AND printed_at < ? GROUP BY day`
    )
    .all(b.startIso, b.endIso) as DayRow[]
}

function wholeHourOffsets(days: string[]): boolean {
  return days.every((day) => {
    const [y, m, d] = day.split('-').map(Number)
    return new Date(y, m - 1, d, 12).getTimezoneOffset() % 60 === 0
  })
}
