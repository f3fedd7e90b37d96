// A report as a file the head of the registry takes away: built from the same figures the screen shows, in the
// format asked for. The export is audited: staff names and the clinic's figures leave the application with it.
import type { ReportFile, ReportFormat, ReportKind, ReportPeriod } from '../../contract/report-commands'
import { appendAudit } from '../audit/audit'
import type { Actor, CoreDeps } from '../context'
import { inTransaction } from '../context'
import { complaintReport } from './complaint-report'
import { issuanceReport } from './issuance-report'
import { reportCsv } from './report-csv'
import { complaintTables, issuanceTables, requestTables, type ReportTables } from './report-tables'
import { requestReport } from './request-report'

const mimeTypes: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8'
}

export function reportTables(deps: CoreDeps, kind: ReportKind, period: ReportPeriod): ReportTables {
  // One read transaction: the tables of a report see one state of the store, not a write halfway through.
  return inTransaction(deps, () => {
    if (kind === 'issuances') return issuanceTables(issuanceReport(deps, period))
    if (kind === 'requests') return requestTables(requestReport(deps, period))
    return complaintTables(complaintReport(deps, period))
  })
}

export async function exportReport(
  deps: CoreDeps,
  actor: Actor,
  input: { kind: ReportKind; format: ReportFormat; period: ReportPeriod }
): Promise<ReportFile> {
  const tables = reportTables(deps, input.kind, input.period)
  const madeAt = deps.clock.now()
  const bytes = await render(tables, input.format, actor.fullName, madeAt)
  appendAudit(deps, actor, {
    action: 'report.export',
    entity: 'report',
    details: { kind: input.kind, format: input.format, from: input.period.from, to: input.period.to }
  })
  return {
    fileName: reportFileName(tables, input.format),
    mimeType: mimeTypes[input.format],
    base64: Buffer.from(bytes).toString('base64'),
    bytes: bytes.byteLength
  }
}

async function render(tables: ReportTables, format: ReportFormat, madeBy: string, madeAt: Date) {
  // jsPDF and ExcelJS are large; they load on the first export, not when the core starts.
  if (format === 'pdf') return (await import('./report-pdf')).reportPdf(tables, madeBy, madeAt)
  if (format === 'xlsx') return (await import('./report-xlsx')).reportXlsx(tables, madeBy, madeAt)
  return new Uint8Array(Buffer.from(reportCsv(tables), 'utf8'))
}

/** 'Отчёт Жалобы 2026-11-01_2026-11-30.xlsx': sorts by period in a folder, safe on Windows and Linux. */
export function reportFileName(tables: ReportTables, format: ReportFormat): string {
  const period = tables.from === tables.to ? tables.from : `${tables.from}_${tables.to}`
  return `Отчёт ${tables.title} ${period}.${format}`
}
