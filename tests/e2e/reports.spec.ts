// Reports in Chromium: the senior registrar opens «Отчёты» from the desk by keyboard, sees the month's figures and
// charts, switches kinds, and exports each as XLSX, CSV and PDF; every file's figures are the screen's.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { expect, test } from './fixtures'
import { ReportsPage } from './pages/reports-page'
import { adultWithDocuments, issueExtract, readyRequest } from './print-seed'
import { snap } from './screenshots'
import { today } from './seed'

interface Row {
  key: string
  label: string
  count: number
}

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'))
  try {
    writeFileSync(join(dir, 'r.pdf'), bytes)
    return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function monthStart(): string {
  return `${today().slice(0, 8)}01`
}

test('the senior registrar reads the month’s reports by keyboard and exports them as XLSX, CSV and PDF', async ({
  page,
  demo,
  signIn
}) => {
  // Three documents handed over today: two by the registrar, one by the senior registrar.
  const registrar = await demo.signIn('registrar')
  const senior = await demo.signIn('senior')
  const seen: string[] = []
  for (const [token, name] of [
    [registrar, 'Иванов'],
    [registrar, 'Смирнов'],
    [senior, 'Кузнецов']
  ] as const) {
    const { patient } = await adultWithDocuments(demo, token, name, seen)
    seen.push(patient.id)
    const request = await readyRequest(demo, token, patient.id)
    await issueExtract(demo, token, request.id, { name: patient.fullName, document: 'паспорт 4509 315264' })
  }
  const period = { from: monthStart(), to: today() }
  const requests = await demo.api<{ total: number; overdue: number; byStatus: Row[] }>(
    'reports.requests',
    period,
    senior
  )
  const complaints = await demo.api<{ total: number; byRegion: Row[] }>('reports.complaints', period, senior)

  const reports = new ReportsPage(page)
  await signIn.as(demo, 'senior')
  await page.keyboard.press('Alt+KeyG')
  await expect(reports.heading).toBeVisible()
  await expect(reports.from).toBeFocused()
  await expect(page.getByRole('button', { name: 'Этот месяц' })).toHaveAttribute('aria-pressed', 'true')
  await expect(reports.tab('Выдача документов')).toHaveAttribute('aria-selected', 'true')
  await expect(reports.total).toHaveText('3')
  await expect(reports.table('report-by-registrar').locator('tbody tr')).toHaveCount(2)
  await expect(reports.table('report-by-registrar').locator('tfoot')).toContainText('3')
  await expect(reports.chart).toBeVisible()
  expect(await reports.chartIsDrawn()).toBe(true)

  const xlsx = await reports.exportWith('Alt+KeyX')
  expect(xlsx.name).toBe(
    `Отчёт Выдача документов ${period.from === period.to ? period.from : `${period.from}_${period.to}`}.xlsx`
  )
  await expect(reports.exportDone).toContainText(xlsx.name)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  const values = new Map<unknown, unknown>()
  sheet.eachRow((row) => values.set(row.getCell(1).value, row.getCell(2).value))
  expect(values.get('Выдано документов')).toBe(3)

  // The tabs: Tab from the period reaches them in order; arrows move between kinds.
  await reports.tab('Выдача документов').focus()
  await page.keyboard.press('ArrowRight')
  await expect(reports.tab('Заявления')).toHaveAttribute('aria-selected', 'true')
  await expect(reports.total).toHaveText(String(requests.total))
  await expect(page.getByTestId('figure-overdue')).toHaveText(String(requests.overdue))
  for (const s of requests.byStatus)
    await expect(reports.table('report-by-status').locator('tr', { hasText: s.label })).toContainText(
      String(s.count)
    )
  expect(await reports.chartIsDrawn()).toBe(true)
  await snap(page, '72-reports-requests')
  const csv = await reports.exportWith('Alt+KeyC')
  expect(csv.name).toMatch(/^Отчёт Заявления на выписку .+\.csv$/)
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = csv.bytes.toString('utf8').slice(1).split('\r\n')
  expect(lines).toContain(`Зарегистрировано заявлений;${requests.total}`)
  for (const s of requests.byStatus) expect(lines).toContain(`${s.label};${s.count}`)

  await page.keyboard.press('ArrowRight')
  await expect(reports.tab('Жалобы')).toHaveAttribute('aria-selected', 'true')
  await expect(reports.total).toHaveText(String(complaints.total))
  await expect(reports.chart).toHaveCount(2)
  for (const r of complaints.byRegion)
    await expect(reports.table('report-by-region').locator('tr', { hasText: r.label })).toContainText(
      String(r.count)
    )
  await snap(page, '70-reports-complaints')
  const pdf = await reports.exportWith('Alt+KeyP')
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-')
  const text = pdfText(pdf.bytes)
  expect(text).toContain('Отчёт «Жалобы»')
  expect(text).toMatch(new RegExp(`Зарегистрировано жалоб\\s+${complaints.total}\\b`))
  expect(text).toMatch(/Страница 1 из \d/)

  // Back to the documents handed over, for the picture of its chart.
  await page.keyboard.press('Home')
  await expect(reports.total).toHaveText('3')
  await snap(page, '71-reports-issuances')
})

test('a period picked by hand; a registrar is offered no reports', async ({ page, demo, signIn }) => {
  const reports = new ReportsPage(page)
  await signIn.as(demo, 'auditor')
  await page.keyboard.press('Alt+KeyG')
  await expect(reports.heading).toBeVisible()
  await reports.from.fill('20.11.2026')
  await reports.to.fill('01.11.2026')
  await reports.to.press('Enter')
  await expect(page.getByText('Начало периода позже его конца')).toBeVisible()
  await reports.from.fill('01.11.2026')
  await reports.to.fill('20.11.2026')
  await reports.to.press('Enter')
  await expect(reports.period).toHaveText('Период: 01.11.2026 — 20.11.2026')
  await page.getByRole('button', { name: 'Сегодня' }).click()
  await expect(page.getByRole('button', { name: 'Сегодня' })).toHaveAttribute('aria-pressed', 'true')
  await expect(reports.total).toHaveText('0')

  await page.getByRole('button', { name: 'Выйти' }).click()
  await signIn.signIn('registrar')
  await page.getByTestId('status-user').waitFor()
  await expect(page.getByRole('link', { name: /Отчёты/ })).toHaveCount(0)
  await page.keyboard.press('Alt+KeyG')
  await expect(reports.heading).toHaveCount(0)
})
