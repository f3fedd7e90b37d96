// Paper documents end to end: preview, print through CUPS to the virtual PDF printer, hand over, journal. A printer
// that cannot print must leave the request unissued. Without CUPS (scripts/ci-printer.sh) the printing tests skip
// and say why; the issuance and journal tests run anyway, since they need no printer.
import { readFileSync, rmSync } from 'node:fs'
import { addDisabledPrinter, cupsMissing, PDF_PRINTER, pdfFiles, printedPdf, removePrinter } from './cups'
import { expect, test as base } from './fixtures'
import { IssuanceDialogPage, JournalPage, PrintPage } from './pages/print-page'
import {
  addRepresentative,
  adultPatient,
  adultWithDocuments,
  issueExtract,
  readyRequest,
  requestByRepresentative
} from './print-seed'
import { createPatient, createRequest, moveRequest, yearsAgo } from './seed'

const test = base.extend<{ printScreen: PrintPage; issuance: IssuanceDialogPage; journal: JournalPage }>({
  printScreen: async ({ page }, use) => use(new PrintPage(page)),
  issuance: async ({ page }, use) => use(new IssuanceDialogPage(page)),
  journal: async ({ page }, use) => use(new JournalPage(page))
})

const noCups = cupsMissing()
// The reason goes to the log as well: a skipped test's note is easy to miss in the summary.
if (noCups) console.warn(`printing through CUPS: skipped, ${noCups}`)

interface Verification {
  kind: string
  status: string
  documentNumber: string
}

test.describe('printing through CUPS', () => {
  test.skip(!!noCups, `CUPS is not available here: ${noCups}`)

  test('an approved extract is previewed, printed, handed over with a signature, journalled and «Выдано»', async ({
    page,
    demo,
    signIn,
    requestScreen,
    printScreen,
    issuance,
    journal
  }) => {
    const token = await demo.signIn('registrar')
    const { patient } = await adultWithDocuments(demo, token)
    const taken = await createRequest(demo, token, patient.id)
    await moveRequest(demo, token, taken.id, 'processing', 'approved')

    await signIn.as(demo, 'registrar')
    await page.goto(`${demo.origin}/#/requests/${taken.id}`)
    await expect(requestScreen.status).toHaveText('Одобрено')
    // Printing is the approved request's next step: it has the focus, and Alt+P says so on the button.
    await expect(page.getByTestId('print-extract')).toBeFocused()
    await expect(page.getByTestId('print-extract')).toContainText('Alt+P')
    await page.keyboard.press('Enter')

    await expect(printScreen.title).toContainText('Выписка')
    await expect(printScreen.preview).toHaveAttribute('src', /^blob:/)
    await expect(printScreen.documentNumber).toHaveText(taken.number)
    await expect(printScreen.verificationCode).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    await expect(printScreen.requestStatus).toHaveText('Одобрено')
    await expect(printScreen.printer).toHaveValue(PDF_PRINTER)
    await expect(printScreen.printButton).toBeFocused()
    // Handing over comes after printing.
    await expect(printScreen.issueButton).toBeDisabled()
    const pages = await printScreen.pageCount()
    expect(pages).toBeGreaterThan(0)

    const before = pdfFiles()
    await page.keyboard.press('Alt+KeyP')
    await expect(printScreen.sent).toContainText(`Документ отправлен на принтер «${PDF_PRINTER}»`)
    await expect(printScreen.sent).toContainText('Заявление готово к выдаче')
    await expect(printScreen.requestStatus).toHaveText('Готово к выдаче')

    // The printed file: as many pages as the preview said, and its QR verifies as this document.
    const printed = await printedPdf(before, { pages, documentNumber: taken.number })
    rmSync(printed.file)
    const verification = await demo.api<Verification>(
      'scan.process',
      { text: printed.codes[0], source: 'scanner' },
      token
    )
    expect(verification).toMatchObject({
      kind: 'verification',
      status: 'authentic',
      documentNumber: taken.number
    })

    await expect(printScreen.issueButton).toBeEnabled()
    await expect(printScreen.issueButton).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(issuance.dialog).toBeVisible()
    await expect(issuance.recipient(patient.fullName).getByRole('radio')).toBeChecked()
    await expect(issuance.recipient(patient.fullName)).toContainText('Пациент обращается сам')
    await expect(issuance.document).toHaveValue(/Паспорт гражданина РФ \d{2} ?\d{2} \d{6}/)
    await issuance.sign()
    await expect(issuance.clear).toBeEnabled()
    await issuance.submit.click()

    await expect(issuance.dialog).toHaveCount(0)
    await expect(printScreen.issuedNotice).toContainText(`Выдача записана: ${patient.fullName}, 1 экз.`)
    await expect(printScreen.requestStatus).toHaveText('Выдано')
    // The issuance receipt takes the preview's place, ready to print or save.
    await expect(printScreen.title).toHaveText('Расписка в получении документа')
    await expect(printScreen.issueButton).toHaveCount(0)
    const download = page.waitForEvent('download')
    await page.keyboard.press('Alt+KeyS')
    const saved = await download
    expect(saved.suggestedFilename()).toMatch(/^Расписка в получении документа .+\.pdf$/)
    expect(
      readFileSync(await saved.path())
        .subarray(0, 5)
        .toString()
    ).toBe('%PDF-')

    await page.keyboard.press('Alt+KeyJ')
    await expect(journal.heading).toBeVisible()
    const row = journal.rows.filter({ hasText: taken.number })
    await expect(row).toHaveCount(1)
    await expect(row).toContainText(patient.fullName)
    await expect(row).toContainText('есть')
    const me = await demo.api<{ user: { fullName: string } }>('auth.me', {}, token)
    await expect(row).toContainText(me.user.fullName)
    await expect(journal.days.first()).toContainText('1 выдача')

    await page.goto(`${demo.origin}/#/requests/${taken.id}`)
    await expect(requestScreen.status).toHaveText('Выдано')
    await expect(requestScreen.history.last()).toContainText(`Выдано: ${patient.fullName}`)
  })

  test('a printer that cannot print leaves the request unissued, with the core’s reason', async ({
    page,
    demo,
    signIn,
    requestScreen,
    printScreen
  }) => {
    const broken = `BrokenPrinter${process.pid}${test.info().parallelIndex}`
    addDisabledPrinter(broken)
    try {
      const token = await demo.signIn('registrar')
      const patient = await adultPatient(demo, token, {
        lastName: 'Орлов',
        firstName: 'Павел',
        middleName: 'Андреевич',
        sex: 'M'
      })
      const taken = await createRequest(demo, token, patient.id)
      await moveRequest(demo, token, taken.id, 'processing', 'approved')

      await signIn.as(demo, 'registrar')
      await page.goto(`${demo.origin}/#/requests/${taken.id}/print`)
      await expect(printScreen.documentNumber).toHaveText(taken.number)
      await expect(printScreen.printer.locator('option', { hasText: broken })).toContainText('не печатает')
      await printScreen.printer.selectOption(broken)
      await expect(printScreen.printerProblem).toContainText(`Принтер «${broken}» отключён`)
      await printScreen.printButton.click()

      await expect(printScreen.error).toContainText(`Принтер «${broken}» отключён (Замятие бумаги)`)
      await expect(printScreen.error).toContainText('выберите другой принтер')
      await expect(printScreen.sent).toHaveCount(0)
      await expect(printScreen.requestStatus).toHaveText('Одобрено')
      await expect(printScreen.issueButton).toBeDisabled()

      const stored = await demo.api<{ status: string }>('requests.get', { id: taken.id }, token)
      expect(stored.status).toBe('approved')
      const journalled = await demo.api<unknown[]>(
        'issuance.list',
        { from: yearsAgo(1), to: yearsAgo(-1) },
        token
      )
      expect(journalled).toEqual([])
      await page.goto(`${demo.origin}/#/requests/${taken.id}`)
      await expect(requestScreen.status).toHaveText('Одобрено')
    } finally {
      removePrinter(broken)
    }
  })
})

test('a child’s extract is handed to the parent from «Выдать», keyboard only; the auditor reads it in the journal', async ({
  page,
  demo,
  signIn,
  requestScreen,
  printScreen,
  issuance,
  journal
}) => {
  const token = await demo.signIn('registrar')
  const child = await createPatient(demo, token, {
    lastName: 'Соколова',
    firstName: 'Милана',
    middleName: 'Игоревна',
    sex: 'F',
    birthDate: yearsAgo(7, 40)
  })
  const parent = await addRepresentative(demo, token, child.id, {
    fullName: 'Соколов Игорь Петрович',
    relation: 'parent',
    identityDocument: 'паспорт 4510 123456'
  })
  const taken = await requestByRepresentative(demo, token, child.id, parent.id)
  await moveRequest(demo, token, taken.id, 'processing', 'approved', 'ready')

  await signIn.as(demo, 'registrar')
  await page.goto(`${demo.origin}/#/requests/${taken.id}`)
  await expect(requestScreen.status).toHaveText('Готово к выдаче')
  // Handing over is the ready request's next step, and never a bare status change.
  await expect(requestScreen.action('issued')).toBeFocused()
  await expect(requestScreen.action('issued')).toContainText('Alt+I')
  await page.keyboard.press('Enter')

  await expect(issuance.dialog).toBeVisible()
  await expect(printScreen.documentNumber).toHaveText(taken.number)
  const self = issuance.recipient('Пациент: Соколова Милана Игоревна')
  await expect(self.getByRole('radio')).toBeDisabled()
  await expect(self).toContainText('(до 15 лет)')
  const byParent = issuance.recipient('Соколов Игорь Петрович — Родитель')
  await expect(byParent.getByRole('radio')).toBeChecked()
  await expect(byParent).toContainText('Родитель несовершеннолетнего до 15 лет')
  await expect(issuance.document).toHaveValue('паспорт 4510 123456')
  // The recipient and their document are on file, so Enter hands the document over.
  await expect(issuance.submit).toBeFocused()
  await page.keyboard.press('Enter')

  await expect(printScreen.issuedNotice).toContainText('Выдача записана: Соколов Игорь Петрович, 1 экз.')
  await expect(printScreen.requestStatus).toHaveText('Выдано')
  await page.keyboard.press('Escape')
  await expect(requestScreen.status).toHaveText('Выдано')
  await expect(requestScreen.action('issued')).toHaveCount(0)

  // A senior registrar hands over another extract today: the journal shows both, and filters by registrar.
  const senior = await demo.signIn('senior')
  const adult = await adultPatient(demo, senior, {
    lastName: 'Морозова',
    firstName: 'Анна',
    middleName: 'Сергеевна',
    sex: 'F'
  })
  const other = await readyRequest(demo, senior, adult.id)
  await issueExtract(demo, senior, other.id, { name: adult.fullName, document: 'паспорт 4501 000001' })

  await page.getByRole('button', { name: 'Выйти' }).click()
  await signIn.signIn('auditor')
  await expect(page.getByRole('link', { name: /Журнал выдачи/ })).toBeVisible()
  await page.keyboard.press('Alt+KeyJ')
  await expect(journal.heading).toBeVisible()
  await expect(journal.rows).toHaveCount(2)
  await expect(journal.days).toHaveCount(1)
  await expect(journal.days.first()).toContainText('2 выдачи')
  const childRow = journal.rows.filter({ hasText: 'Соколова Милана Игоревна' })
  await expect(childRow).toContainText('Соколов Игорь Петрович')
  await expect(childRow).toContainText('представитель')
  await expect(childRow).toContainText('паспорт 4510 123456')
  await expect(childRow).toContainText('Смирнова Ольга Викторовна')
  await journal.registrar.selectOption({ label: 'Кузнецова Татьяна Николаевна' })
  await expect(journal.rows).toHaveCount(1)
  await expect(journal.rows.first()).toContainText(adult.fullName)
  await journal.registrar.selectOption({ label: 'Все регистраторы' })
  await expect(journal.rows).toHaveCount(2)
  // The auditor reads, and is offered nothing to print or hand over.
  await page.goto(`${demo.origin}/#/requests/${other.id}`)
  await expect(requestScreen.status).toHaveText('Выдано')
  await expect(page.getByTestId('print-extract')).toHaveCount(0)
})

test('an ЭМД from the card: its paper copy saved as PDF and handed over; an issued extract is reprinted', async ({
  page,
  demo,
  signIn,
  card: cardPage,
  printScreen,
  issuance,
  requestScreen
}) => {
  const token = await demo.signIn('registrar')
  const { patient, documents } = await adultWithDocuments(demo, token)
  await signIn.as(demo, 'registrar')
  await page.goto(`${demo.origin}/#/patients/${patient.id}?tab=documents`)
  const title = documents[0].title
  await page.getByTestId('document').filter({ hasText: title }).first().getByTestId('print-copy').click()

  await expect(printScreen.title).toHaveText(`Копия ЭМД: ${title}`)
  await expect(printScreen.preview).toHaveAttribute('src', /^blob:/)
  const pages = await printScreen.pageCount()
  const download = page.waitForEvent('download')
  await printScreen.saveButton.click()
  const saved = await download
  expect(saved.suggestedFilename()).toMatch(/^Копия ЭМД_ .+\.pdf$/)
  // The saved file is the core's own PDF (jsPDF writes each page as a plain object), so it is read without poppler.
  const bytes = readFileSync(await saved.path()).toString('latin1')
  expect(bytes.startsWith('%PDF-')).toBe(true)
  expect(bytes.match(/\/Type \/Page\b/g)).toHaveLength(pages)

  await printScreen.issueButton.click()
  await expect(issuance.recipient(`Пациент: ${patient.fullName}`).getByRole('radio')).toBeChecked()
  await issuance.document.fill('паспорт 4501 000002')
  await issuance.copies.fill('2')
  await issuance.submit.click()
  await expect(printScreen.issuedNotice).toContainText(`Выдача записана: ${patient.fullName}, 2 экз.`)
  await page.keyboard.press('Escape')
  await cardPage.openTab('Выдачи')
  await expect(cardPage.panel.locator('tbody tr').filter({ hasText: `Копия ЭМД: ${title}` })).toContainText(
    'паспорт 4501 000002'
  )

  // A request just taken: its receipt (number, due date, what to bring) prints from the request; it is not handed over.
  const fresh = await createRequest(demo, token, patient.id)
  await page.goto(`${demo.origin}/#/requests/${fresh.id}`)
  await page.getByTestId('print-receipt').click()
  await expect(printScreen.title).toHaveText('Расписка в приёме заявления')
  await expect(printScreen.requestStatus).toHaveText('Принято')
  await expect(printScreen.issueButton).toHaveCount(0)

  // An issued request's extract is printed again as a reprint, and handing it over again is journalled as such.
  const taken = await readyRequest(demo, token, patient.id)
  await issueExtract(demo, token, taken.id, { name: patient.fullName, document: 'паспорт 4501 000002' })
  await page.goto(`${demo.origin}/#/requests/${taken.id}`)
  await expect(requestScreen.status).toHaveText('Выдано')
  await expect(page.getByTestId('print-extract')).toHaveText(/Повторная печать/)
  await page.keyboard.press('Alt+KeyP')
  await expect(printScreen.reprint).toHaveText('Повторная печать')
  await expect(printScreen.issueButton).toBeEnabled()
  await page.keyboard.press('Alt+KeyI')
  await issuance.submit.click()
  await expect(printScreen.issuedNotice).toBeVisible()
  await page.keyboard.press('Alt+KeyJ')
  await expect(page.getByTestId('journal-row').filter({ hasText: taken.number })).toHaveCount(2)
  await expect(
    page.getByTestId('journal-row').filter({ hasText: taken.number }).filter({ hasText: 'повторно' })
  ).toHaveCount(1)
})
