// CSV for Russian Excel: UTF-8 with a byte-order mark (without it Excel reads the bytes as cp1251), ';' between
// fields because the Russian locale's list separator is ';' (a comma is the decimal sign there), CRLF line ends and
// RFC 4180 quoting. Tables follow one another, separated by an empty line, each under its title.
import { cellText, periodText, type Cell, type ReportTables } from './report-tables'

const BOM = '\uFEFF'
const SEPARATOR = ';'

export function reportCsv(report: ReportTables): string {
  const lines: Cell[][] = [
    [report.clinicName],
    [`Отчёт «${report.title}» за ${periodText(report.from, report.to)}`],
    [],
    ...report.summary.map(([label, value]) => [label, value])
  ]
  for (const table of report.tables) {
    lines.push([], [table.title], table.columns, ...table.rows)
    if (table.total) lines.push(table.total)
  }
  return BOM + lines.map((cells) => cells.map(csvField).join(SEPARATOR)).join('\r\n') + '\r\n'
}

/** RFC 4180: a field with the separator, a quote or a line break is quoted, and its quotes are doubled. */
export function csvField(cell: Cell): string {
  const text = cell === null ? '' : cellText(cell)
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
