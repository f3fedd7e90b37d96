// Import from the clinic's МИС through the screen: a small export read by the keyboard to the end and its documents
// found on the patient card; a file with five planted bad rows whose dry run names exactly those five and whose
// import writes none of them; a larger import cancelled halfway whose report matches what the store then holds.
import { importFileText } from '../../scripts/make-import-file'
import { expect, test as base } from './fixtures'
import { ImportPage } from './pages/import-page'
import { snap } from './screenshots'
import { freshIdentifiers, today } from './seed'

const test = base.extend<{ importScreen: ImportPage }>({
  importScreen: async ({ page }, use) => use(new ImportPage(page))
})

interface Row {
  sourceId: string
  patient?: { sourceId: string }
  [key: string]: unknown
}
interface ExportFile {
  patients: Row[]
  visits: Row[]
  documents: Row[]
  requests: Row[]
}

function exportText(patients: number): string {
  return [...importFileText({ patients, today: today(), system: 'mis-e2e' })].join('')
}

test('a МИС export imported from the keyboard puts its documents on the patient card', async ({
  page,
  demo,
  signIn,
  desk,
  card,
  importScreen
}) => {
  const text = exportText(6)
  const file = JSON.parse(text) as ExportFile
  const document = file.documents[0]
  const owner = file.patients.find((p) => p.sourceId === document.patient?.sourceId)!

  await signIn.as(demo, 'senior')
  await page.keyboard.press('Alt+KeyU')
  await expect(page.getByRole('heading', { name: 'Импорт из МИС' })).toBeVisible()
  await expect(importScreen.file).toBeFocused()
  await importScreen.choose('mis-export.json', text)
  await importScreen.system.press('Enter')

  await expect(importScreen.dryRun.getByTestId('import-checked')).toBeVisible()
  const dry = importScreen.dryRun
  expect(await importScreen.count(dry, 'patients', 'new')).toBe(6)
  expect(await importScreen.count(dry, 'visits', 'new')).toBe(file.visits.length)
  expect(await importScreen.count(dry, 'documents', 'new')).toBe(file.documents.length)
  expect(await importScreen.count(dry, 'total', 'rejected')).toBe(0)
  await expect(dry.getByTestId('import-no-errors')).toBeVisible()
  // Nothing is written by the check: the patient is not found yet.
  const token = await demo.signIn('senior')
  expect(await demo.api<unknown[]>('patients.search', { query: owner.snils }, token)).toEqual([])

  // The check hands the focus to «Загрузить»: Enter loads the file.
  await expect(importScreen.commit).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(importScreen.outcome).toContainText('Импорт завершён')
  expect(await importScreen.count(importScreen.result, 'documents', 'new')).toBe(file.documents.length)
  expect(await importScreen.count(importScreen.result, 'patients', 'new')).toBe(6)
  await snap(page, '62-import-done')

  await page.keyboard.press('F2')
  await desk.find(String(owner.snils))
  await expect(desk.results).toHaveCount(1)
  await desk.search.press('Enter')
  await expect(card.name).toContainText(String(owner.lastName))
  await card.openTab('ЭМД')
  const shown = card.panel.getByTestId('document').filter({ hasText: String(document.number) })
  await expect(shown).toHaveCount(1)
  await expect(shown).toContainText(String(document.title))
})

test('a file with five bad rows names exactly those five and imports none of them', async ({
  page,
  demo,
  signIn,
  importScreen
}) => {
  // Ten patients: the generator writes an extract request for every tenth.
  const file = JSON.parse(exportText(10)) as ExportFile
  const unused = freshIdentifiers()
  const bad = (section: keyof ExportFile, position: number) => ({ section, position })
  // Rows nothing else refers to, so that no other row fails because of them.
  const { enp: _a, ...first } = file.patients[0]
  const { enp: _b, ...second } = file.patients[1]
  file.patients.push({ ...first, sourceId: '990001', snils: '12345678900' })
  file.patients.push({ ...second, sourceId: '990002', snils: unused.snils, birthDate: '2999-01-01' })
  const lonelyVisit = file.visits.findIndex(
    (v) => !file.documents.some((d) => d.visitSourceId === v.sourceId)
  )
  file.visits[lonelyVisit] = { ...file.visits[lonelyVisit], diagnosisCode: 'Q99.99' }
  file.documents[1] = { ...file.documents[1], kindCode: 'no-such-kind' }
  file.requests[0] = { ...file.requests[0], periodFrom: '2999-01-01', periodTo: '2999-02-01' }
  const planted = [
    bad('patients', 11),
    bad('patients', 12),
    bad('visits', lonelyVisit + 1),
    bad('documents', 2),
    bad('requests', 1)
  ]

  await signIn.as(demo, 'senior')
  await page.getByRole('link', { name: /Импорт из МИС/ }).click()
  await importScreen.choose('mis-export-bad.json', JSON.stringify(file))
  await importScreen.check.click()
  await expect(importScreen.dryRun.getByTestId('import-checked')).toBeVisible()

  await expect(importScreen.errors).toHaveCount(5)
  const named = await importScreen.errors.evaluateAll((rows) =>
    rows.map((r) => ({
      section: r.getAttribute('data-section'),
      position: Number(r.getAttribute('data-position'))
    }))
  )
  expect(named).toEqual(planted)
  await expect(importScreen.errors.nth(0)).toContainText('990001')
  await expect(importScreen.errors.nth(0)).toContainText('СНИЛС')
  await expect(importScreen.errors.nth(2)).toContainText('МКБ-10')
  await expect(importScreen.errors.nth(3)).toContainText('no-such-kind')
  await expect(importScreen.errors.nth(4)).toContainText('Начало периода: не может быть в будущем')
  expect(await importScreen.count(importScreen.dryRun, 'total', 'rejected')).toBe(5)
  await snap(page, '60-import-dry-run-errors')

  await importScreen.commit.click()
  await expect(importScreen.outcome).toContainText('Импорт завершён')
  expect(await importScreen.count(importScreen.result, 'total', 'rejected')).toBe(5)
  expect(await importScreen.count(importScreen.result, 'patients', 'new')).toBe(10)
  expect(await importScreen.count(importScreen.result, 'documents', 'new')).toBe(file.documents.length - 1)

  // Nothing of the bad rows reached the store; the good ones did.
  const token = await demo.signIn('senior')
  const search = (query: unknown) => demo.api<{ id: string }[]>('patients.search', { query }, token)
  expect(await search(file.patients[10].snils)).toEqual([])
  expect(await search(unused.snils)).toEqual([])
  const [owner] = await search(
    file.patients.find((p) => p.sourceId === file.documents[1].patient?.sourceId)!.snils
  )
  const ownerCard = await demo.api<{ documents: { number: string }[] }>(
    'patients.get',
    { id: owner.id },
    token
  )
  expect(ownerCard.documents.map((d) => d.number)).not.toContain(file.documents[1].number)
})

test('a cancelled import stops after its current batch and says what it wrote', async ({
  page,
  demo,
  signIn,
  importScreen
}) => {
  // Three thousand patients make ten thousand rows: checked twice and imported in part, on a shared machine.
  test.setTimeout(300_000)
  const text = exportText(3000)
  await signIn.as(demo, 'senior')
  await page.keyboard.press('Alt+KeyU')
  await importScreen.choose('mis-export-large.json', text)
  await importScreen.check.click()
  await expect(importScreen.dryRun.getByTestId('import-checked')).toBeVisible({ timeout: 120_000 })
  const rows = await importScreen.count(importScreen.dryRun, 'total', 'new')

  await importScreen.commit.click()
  await importScreen.cancel.click()
  await expect(importScreen.outcome).toContainText('Импорт отменён', { timeout: 60_000 })
  await snap(page, '61-import-cancelled')
  const outcome = await importScreen.outcome.innerText()
  const [done, total] = /обработано строк ([\d\s ]+) из ([\d\s ]+)/
    .exec(outcome)!
    .slice(1)
    .map((n) => Number(n.replace(/\D/g, '')))
  expect(total).toBe(rows)
  expect(done).toBeLessThan(total)
  const written = await importScreen.count(importScreen.result, 'total', 'new')
  expect(written).toBeLessThan(rows)

  // What the screen says was written is what the store holds: checked again, exactly that much is already there.
  await importScreen.check.click()
  await expect(importScreen.dryRun.getByTestId('import-checked')).toBeVisible({ timeout: 120_000 })
  expect(await importScreen.count(importScreen.dryRun, 'total', 'unchanged')).toBe(written)
  expect(await importScreen.count(importScreen.dryRun, 'total', 'new')).toBe(rows - written)
})

test('the import is offered only to the roles that may import', async ({ page, demo, signIn, desk }) => {
  await signIn.as(demo, 'registrar')
  await expect(page.getByRole('link', { name: /Импорт из МИС/ })).toHaveCount(0)
  await page.keyboard.press('Alt+KeyU')
  await page.goto(`${demo.url}#/import`)
  await expect(desk.search).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Импорт из МИС' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Выйти' }).click()
  await signIn.signIn('admin')
  await page.getByRole('link', { name: /Импорт из МИС/ }).click()
  await expect(page.getByRole('heading', { name: 'Импорт из МИС' })).toBeVisible()
})
