// Commands of the reports area: figures for the head of the registry over a chosen period, on screen and as files
// (PDF, XLSX, CSV). Reports count; they never list patients.
import { z } from 'zod'
import { command } from './command'
import { IsoDate, RequestStatus } from './schemas'

/** A report covers whole local days, both ends included; a year at most, so that a day-by-day table stays readable. */
export const MAX_REPORT_DAYS = 366

export const ReportPeriod = z
  .object({ from: IsoDate, to: IsoDate })
  .refine((p) => p.from <= p.to, { message: 'Начало периода позже его конца', path: ['to'] })
  .refine((p) => periodDays(p.from, p.to) <= MAX_REPORT_DAYS, {
    message: `Период отчёта — не длиннее ${MAX_REPORT_DAYS} дней`,
    path: ['from']
  })
export type ReportPeriod = z.infer<typeof ReportPeriod>

/** Days in [from, to], both ends counted. */
export function periodDays(from: string, to: string): number {
  const day = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000
  return day(to) - day(from) + 1
}

export const ReportKind = z.enum(['issuances', 'requests', 'complaints'])
export type ReportKind = z.infer<typeof ReportKind>

export const ReportFormat = z.enum(['pdf', 'xlsx', 'csv'])
export type ReportFormat = z.infer<typeof ReportFormat>

const Count = z.number().int().min(0)

/** One bar of a breakdown: a code the UI may style by, the Russian label every output prints, and the count. */
export const ReportRow = z.object({ key: z.string(), label: z.string(), count: Count })
export type ReportRow = z.infer<typeof ReportRow>

const ReportHeader = z.object({
  from: IsoDate,
  to: IsoDate,
  clinicName: z.string(),
  /** Today by the desk clock: what «просрочено» is measured against. */
  today: IsoDate
})

export const IssuanceReport = ReportHeader.extend({
  total: Count,
  copies: Count,
  /** Every day of the period, days without issuances included (a chart needs the gaps). */
  byDay: z.array(z.object({ date: IsoDate, count: Count, copies: Count })),
  byRegistrar: z.array(z.object({ userId: z.string(), name: z.string(), count: Count, copies: Count }))
})
export type IssuanceReport = z.infer<typeof IssuanceReport>

export const OverdueRequest = z.object({
  number: z.string(),
  registeredOn: IsoDate,
  dueDate: IsoDate,
  status: RequestStatus,
  /** Business days past the due date, as the queue counts them. */
  businessDaysOverdue: z.number().int()
})

export const RequestReport = ReportHeader.extend({
  /** Requests registered in the period, by their status now. */
  total: Count,
  byStatus: z.array(ReportRow),
  /** Of those, still open with the due date behind today. */
  overdue: Count,
  overdueList: z.array(OverdueRequest),
  /** Requests handed over (moved to «Выдано») within the period. */
  issued: Count,
  /** Handed over after their due date. */
  issuedLate: Count,
  medianDaysToIssue: z.number().nullable(),
  medianBusinessDaysToIssue: z.number().nullable()
})
export type RequestReport = z.infer<typeof RequestReport>

export const ComplaintReport = ReportHeader.extend({
  /** Complaints registered in the period. */
  total: Count,
  overdue: Count,
  byStatus: z.array(ReportRow),
  byKind: z.array(ReportRow),
  byRegion: z.array(ReportRow),
  byOrganisation: z.array(ReportRow)
})
export type ComplaintReport = z.infer<typeof ComplaintReport>

export const ReportFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
  bytes: Count
})
export type ReportFile = z.infer<typeof ReportFile>

export const reportCommands = {
  'reports.issuances': command({
    doc: 'Documents handed over in a period, per day and per registrar (журнал выдачи in figures).',
    input: ReportPeriod,
    output: IssuanceReport
  }),
  'reports.requests': command({
    doc: 'Extract requests of a period by status, the overdue ones, and the median time from request to issue.',
    input: ReportPeriod,
    output: RequestReport
  }),
  'reports.complaints': command({
    doc: 'Complaints of a period by status, kind, region and organisation.',
    input: ReportPeriod,
    output: ComplaintReport
  }),
  'reports.export': command({
    doc: 'One report of a period as a PDF, XLSX or CSV file; the export is audited.',
    input: z.object({ kind: ReportKind, format: ReportFormat, period: ReportPeriod }),
    output: ReportFile
  })
}
