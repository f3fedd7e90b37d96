// Each report as a file, read back the way its reader would: the PDF with pdftotext, the XLSX with ExcelJS, the CSV
// with an RFC 4180 parser. The figures in each file are the figures of the report on screen.
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { ReportFormat, ReportKind } from '../../../src-main/contract/report-commands'
import { csvField } from '../../../src-main/core/reports/report-csv'
import { demoCore } from '../support/core'
import { pdfPages, type DemoCore } from '../print/fixtures'

const period = { from: '2026-11-01', to: '2026-11-30' }

async function exported(t: DemoCore, kind: ReportKind, format: ReportFormat) {
  const file = await t.call('reports.export', { kind, format, period }, t.tokens.senior)
  const bytes = Buffer.from(file.base64, 'base64')
  expect(bytes.byteLength).toBe(file.bytes)
  return { file, bytes }
}

/** RFC 4180 with ';' between fields: quoted fields may hold ';', '"' (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const endField = () => {
    row.push(field)
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ';') endField()
    else if (c === '\r' && text[i + 1] === '\n') {
      endField()
      rows.push(row)
      row = []
      i++
    } else field += c
  }
  return rows
}

/** The value right of a label in a sheet's first column. */
function sheetValue(sheet: ExcelJS.Worksheet, label: string): ExcelJS.CellValue {
  let value: ExcelJS.CellValue = undefined
  sheet.eachRow((row) => {
    if (value === undefined && row.getCell(1).value === label) value = row.getCell(2).value
  })
  return value
}

describe('report files', () => {
  it('complaints as XLSX, CSV and PDF carry the same figures as the report', async () => {
    const t = await demoCore(400)
    const report = await t.call('reports.complaints', period, t.tokens.senior)
    expect(report.total).toBeGreaterThan(3)

    const xlsx = await exported(t, 'complaints', 'xlsx')
    expect(xlsx.file.fileName).toBe('Отчёт Жалобы 2026-11-01_2026-11-30.xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]
    expect(sheet.getCell('A1').value).toBe(report.clinicName)
    expect(sheet.getCell('A2').value).toBe('Отчёт «Жалобы» за 01.11.2026 — 30.11.2026')
    expect(sheetValue(sheet, 'Зарегистрировано жалоб')).toBe(report.total)
    for (const row of [...report.byStatus, ...report.byKind, ...report.byRegion, ...report.byOrganisation])
      expect(sheetValue(sheet, row.label), row.label).toBe(row.count)
    const totals: ExcelJS.CellValue[] = []
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'Итого') totals.push(row.getCell(2).value)
    })
    expect(totals).toEqual([report.total, report.total, report.total, report.total])

    const csv = await exported(t, 'complaints', 'csv')
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.file.mimeType).toBe('text/csv; charset=utf-8')
    const text = csv.bytes.toString('utf8').replace(/^\uFEFF/, '')
    const rows = parseCsv(text)
    const csvValue = (label: string) => rows.find((r) => r[0] === label)?.[1]
    expect(rows[0]).toEqual([report.clinicName])
    for (const row of [...report.byStatus, ...report.byRegion, ...report.byOrganisation])
      expect(csvValue(row.label), row.label).toBe(String(row.count))
    expect(rows.filter((r) => r[0] === 'Итого').map((r) => r[1])).toEqual(Array(4).fill(String(report.total)))

    const pdf = await exported(t, 'complaints', 'pdf')
    const pages = pdfPages(pdf.bytes)
    const all = pages.join('\n')
    expect(all).toContain('Отчёт «Жалобы»')
    expect(all).toContain('за период 01.11.2026 — 30.11.2026')
    expect(all.replace(/\s+/g, ' ')).toContain(report.clinicName)
    expect(all).toMatch(new RegExp(`Зарегистрировано жалоб\\s+${report.total}\\b`))
    for (const row of report.byStatus) expect(all).toMatch(new RegExp(`${row.label}\\s+${row.count}\\b`))
    pages.forEach((page, i) => expect(page).toContain(`Страница ${i + 1} из ${pages.length}`))

    const audit = (await t.core.deps()).store.sqlite
      .prepare(`SELECT details FROM audit_events WHERE action = 'report.export' ORDER BY seq`)
      .all() as { details: string }[]
    expect(audit.map((a) => JSON.parse(a.details).format)).toEqual(['xlsx', 'csv', 'pdf'])
  })

  it('a year of issuances prints on pages that each say which of how many they are', async () => {
    const t = await demoCore(10)
    const report = await t.call('reports.issuances', { from: '2026-01-01', to: '2026-12-31' }, t.tokens.admin)
    expect(report.byDay).toHaveLength(365)
    const file = await t.call(
      'reports.export',
      { kind: 'issuances', format: 'pdf', period: { from: '2026-01-01', to: '2026-12-31' } },
      t.tokens.admin
    )
    const pages = pdfPages(file.base64)
    expect(pages.length).toBeGreaterThan(5)
    pages.forEach((page, i) => expect(page).toContain(`Страница ${i + 1} из ${pages.length}`))
    expect(pages.at(-1)).toMatch(/Итого\s+0\s+0/)
    expect(pages.join('\n')).toContain('31.12.2026')
  })

  it('quotes CSV fields the way RFC 4180 asks', () => {
    expect(csvField('ГБУЗ «Поликлиника № 1»')).toBe('ГБУЗ «Поликлиника № 1»')
    expect(csvField('ООО "Здоровье"')).toBe('"ООО ""Здоровье"""')
    expect(csvField('а;б')).toBe('"а;б"')
    expect(csvField('строка\nещё')).toBe('"строка\nещё"')
    expect(csvField(2.5)).toBe('2,5')
    expect(csvField(null)).toBe('')
    expect(parseCsv('a;"b;""c""";d\r\n')).toEqual([['a', 'b;"c"', 'd']])
  })
})
