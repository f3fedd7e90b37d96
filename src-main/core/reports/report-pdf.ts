// A report on paper: the clinic, the report and its period, who made it and when, the headline figures, then each
// table with its «Итого»; PT Sans like every other document, «Страница x из y» in every footer.
import { createHash } from 'node:crypto'
import { CONTENT_WIDTH, PdfWriter } from '../print/pdf-writer'
import { ruDateTime } from '../print/format'
import { cellText, periodText, type ReportTables } from './report-tables'

const NUMBER_WIDTH = 32

export function reportPdf(report: ReportTables, madeBy: string, madeAt: Date): Uint8Array {
  const period = periodText(report.from, report.to)
  const w = new PdfWriter({
    documentNumber: period,
    footerLabel: report.title,
    footerText: `Отчёт «${report.title}» за ${period}`,
    reprintOn: null,
    title: `Отчёт «${report.title}» за ${period}`,
    author: madeBy,
    printedAt: madeAt,
    contentSha256: createHash('sha256').update(JSON.stringify(report)).digest('hex')
  })
  w.text(report.clinicName, { size: 11, bold: true, align: 'center', gapAfter: 3 })
  w.text(`Отчёт «${report.title}»`, { size: 14, bold: true, align: 'center', gapAfter: 1 })
  w.text(`за период ${period}`, { size: 11, align: 'center', gapAfter: 2 })
  w.text(`Сформирован ${ruDateTime(madeAt)}, ${madeBy}`, {
    size: 8,
    align: 'center',
    color: [70, 70, 70],
    gapAfter: 4
  })

  w.table({
    theme: 'plain',
    body: report.summary.map(([label, value]) => [label, cellText(value)]),
    columnStyles: { 0: { cellWidth: CONTENT_WIDTH - 35 }, 1: { halign: 'right', fontStyle: 'bold' } },
    styles: { fontSize: 10, lineWidth: 0 }
  })
  w.y += 2

  for (const table of report.tables) {
    w.ensureSpace(20)
    w.text(table.title, { size: 11, bold: true, gapAfter: 1 })
    if (table.rows.length === 0) {
      w.text('Нет данных за период', { size: 9, color: [90, 90, 90], gapAfter: 4 })
      continue
    }
    // Figures sit right-aligned in narrow columns, in the body and in «Итого» alike; text takes the rest.
    const numeric = table.rows[0].map((cell) => typeof cell === 'number')
    const columnStyles = Object.fromEntries(
      numeric.flatMap((isNumber, i) =>
        isNumber ? [[i, { halign: 'right' as const, cellWidth: NUMBER_WIDTH }]] : []
      )
    )
    w.table({
      head: [table.columns],
      body: table.rows.map((row) => row.map(cellText)),
      foot: table.total
        ? [
            table.total.map((cell, i) => ({
              content: cellText(cell),
              styles: { halign: numeric[i] ? 'right' : 'left' }
            }))
          ]
        : undefined,
      showFoot: 'lastPage',
      columnStyles,
      footStyles: { fontStyle: 'bold', fillColor: [245, 245, 245], textColor: [0, 0, 0] }
    })
    w.y += 3
  }
  return w.finish().pdf
}
