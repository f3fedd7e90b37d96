// XLSX through ExcelJS: one sheet, the same titled tables as the PDF, figures kept as numbers so that the head of the
// registry can add them up and chart them in Excel.
import ExcelJS from 'exceljs'
import { periodText, type ReportTables } from './report-tables'

export async function reportXlsx(report: ReportTables, madeBy: string, madeAt: Date): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  book.creator = madeBy
  book.created = madeAt
  book.modified = madeAt
  const sheet = book.addWorksheet(report.title.slice(0, 31))
  const bold = { bold: true }

  sheet.addRow([report.clinicName]).font = bold
  sheet.addRow([`Отчёт «${report.title}» за ${periodText(report.from, report.to)}`]).font = {
    bold: true,
    size: 14
  }
  sheet.addRow([])
  for (const [label, value] of report.summary) sheet.addRow([label, value])

  for (const table of report.tables) {
    sheet.addRow([])
    sheet.addRow([table.title]).font = { bold: true, size: 12 }
    const head = sheet.addRow(table.columns)
    head.font = bold
    head.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEBEBEB' } }
      cell.border = { bottom: { style: 'thin' } }
    })
    for (const row of table.rows) sheet.addRow(row)
    if (table.total) {
      const total = sheet.addRow(table.total)
      total.font = bold
      total.eachCell((cell) => (cell.border = { top: { style: 'thin' } }))
    }
  }
  sheet.getColumn(1).width = 48
  for (let c = 2; c <= 5; c++) sheet.getColumn(c).width = 18
  return new Uint8Array(await book.xlsx.writeBuffer())
}
