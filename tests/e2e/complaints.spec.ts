// Complaints at the desk: each kind filed through the screens with its receipt read back from the PDF, the letter
// of a complaint routed on paper, a document entered that answers a complaint and closes it in one step, an overdue
// complaint on the desk, and a complaint opened by scanning the number off its receipt.
import { generateOgrn } from '../../src-main/contract/identifiers'
import {
  arrivedDocument,
  complainant,
  daysAgo,
  fileMissing,
  pdfOf,
  pdfText,
  qrCodesOnFirstPage,
  type Filed
} from './complaint-seed'
import { seedPastComplaint } from './complaint-past'
import { expect, test as base } from './fixtures'
import { startHost, type Host } from './host'
import {
  ComplaintPage,
  ComplaintQueuePage,
  DiscrepancyDialogPage,
  DocumentArrivalPage,
  MissingComplaintForm
} from './pages/complaint-page'
import { UsbScanner } from './pages/usb-scanner'
import { ruDate } from './seed'

const test = base.extend<{
  form: MissingComplaintForm
  discrepancy: DiscrepancyDialogPage
  complaint: ComplaintPage
  arrival: DocumentArrivalPage
  complaintQueue: ComplaintQueuePage
  /** A host whose store was made 30 days ago by the core's clock, with a discrepancy complaint long overdue. */
  pastDemo: { host: Host; overdue: Filed }
}>({
  form: async ({ page }, use) => use(new MissingComplaintForm(page)),
  discrepancy: async ({ page }, use) => use(new DiscrepancyDialogPage(page)),
  complaint: async ({ page }, use) => use(new ComplaintPage(page)),
  arrival: async ({ page }, use) => use(new DocumentArrivalPage(page)),
  complaintQueue: async ({ page }, use) => use(new ComplaintQueuePage(page)),
  pastDemo: async ({ pageErrors }, use) => {
    let overdue: Filed | null = null
    const host = await startHost('complaints-past', async (dir) => {
      overdue = await seedPastComplaint(dir, 30)
    })
    try {
      await use({ host, overdue: overdue as unknown as Filed })
      expect(pageErrors, 'errors in the page').toEqual([])
    } finally {
      await host.stop()
    }
  }
})

const numberIn = (heading: string | null) => /Ж-\d{4}-\d{2}-\d{6}/.exec(heading ?? '')?.[0] ?? ''

test('a missing-document complaint is filed from the card and its receipt says what, when and how to ask', async ({
  page,
  demo,
  signIn,
  card,
  form,
  complaint
}) => {
  const token = await demo.signIn('registrar')
  const patient = await complainant(demo, token)
  await signIn.as(demo, 'registrar')
  await page.goto(`${demo.origin}/#/patients/${patient.id}`)
  await expect(card.name).toHaveText(patient.fullName)
  await expect(page.getByTestId('file-missing')).toContainText('Alt+C')

  await page.keyboard.press('Alt+KeyC')
  await expect(form.heading).toBeVisible()
  await expect(form.documentKind).toBeFocused()
  // The clinic's own region comes preselected, and the patient's phone as the contact.
  await expect(form.region).toHaveValue('77')
  await expect(form.contacts).toHaveValue('+7 916 555-12-34')
  await form.submit.click()
  await expect(page.getByText('Исправьте отмеченные поля')).toBeVisible()

  await form.documentKind.selectOption({ label: 'Протокол лабораторного исследования' })
  const visit = daysAgo(6)
  await form.visitDate.fill(ruDate(visit))
  await form.organisation.selectOption('msk-gp-240')
  await form.comment.fill('Результаты анализов не появились на портале')
  await page.keyboard.press('Control+Enter')

  await expect(complaint.status).toHaveText('Зарегистрирована')
  await expect(complaint.filed).toBeVisible()
  // The patient is still at the desk: their receipt is the next step.
  await expect(complaint.printReceipt).toBeFocused()
  await expect(complaint.route).toContainText('Электронно')
  await expect(complaint.printLetter).toHaveCount(0)
  const number = numberIn(await complaint.number.textContent())
  expect(number).not.toBe('')
  const due = (await complaint.due.textContent())!.trim().slice(0, 10)

  const pdf = await pdfOf(page, 'print.complaintReceipt', () => page.keyboard.press('Alt+KeyK'))
  await expect(page.getByTestId('document-number')).toHaveText(`${number}-Р`)
  await expect(page.getByTestId('pdf-preview')).toBeVisible()
  const text = pdfText(pdf)
  for (const needle of [
    'РАСПИСКА',
    'в приёме жалобы пациента',
    `Номер жалобы ${number}`,
    `${patient.fullName}, 14.03.1968 г. р.`,
    'Медицинский документ не поступил',
    'Вид документа Протокол лабораторного исследования',
    `Дата посещения ${ruDate(visit)}`,
    'Городская поликлиника № 240',
    'Результаты анализов не появились на портале',
    'Контакты для ответа +7 916 555-12-34',
    `Срок рассмотрения не позднее ${due}`,
    'позвоните по телефону +7 495 000-00-00',
    `назовите номер жалобы ${number}`
  ])
    expect(text).toContain(needle)
  // Besides the verification code, the receipt carries the bare number for this app's scanner.
  expect(qrCodesOnFirstPage(pdf)).toContain(number)
})

test('a typed organisation has its ОГРН checked live; the complaint goes by letter, which is printed and marked as sent', async ({
  page,
  demo,
  signIn,
  form,
  complaint
}) => {
  const token = await demo.signIn('registrar')
  const patient = await complainant(demo, token, 'Письмова')
  await signIn.as(demo, 'registrar')
  await page.goto(`${demo.origin}/#/patients/${patient.id}/complaints/new`)
  await form.documentKind.selectOption({ label: 'Выписной эпикриз' })
  await form.visitDate.fill(ruDate(daysAgo(20)))
  await form.region.selectOption('95')
  await expect(page.getByText('Данные этого региона на портал не поступают')).toBeVisible()
  await form.source('typed').check()
  const name = 'ООО «Медицинский центр «Таврия»'
  await form.organisationName.fill(name)
  const ogrn = generateOgrn('123950001234')
  const wrong = ogrn.slice(0, 12) + String((Number(ogrn[12]) + 1) % 10)
  await form.ogrn.fill(wrong)
  await expect(form.ogrn).toHaveAttribute('aria-invalid', 'true')
  expect(await form.messageOf(form.ogrn)).toContain('контрольная цифра')
  await form.ogrn.fill(ogrn)
  expect(await form.messageOf(form.ogrn)).toBe('ОГРН верный')
  await form.submit.click()

  await expect(complaint.status).toHaveText('Зарегистрирована')
  await expect(complaint.route).toContainText(`Письмом: ${name}`)
  await expect(page.getByTestId('not-sent')).toBeVisible()

  const pdf = await pdfOf(page, 'print.complaintLetter', () => page.keyboard.press('Alt+KeyM'))
  const text = pdfText(pdf)
  for (const needle of ['Руководителю', name, `ОГРН ${ogrn}`, 'О жалобе пациента', 'Главный врач', 'М.П.'])
    expect(text).toContain(needle)
  await expect(page.getByTestId('mark-sent')).toContainText('Alt+O')
  await page.keyboard.press('Alt+KeyO')
  await expect(page.getByTestId('letter-sent')).toBeVisible()
  await page.getByTestId('back-to-complaint').click()
  await expect(complaint.status).toHaveText('Передана')
  await expect(page.getByTestId('sent-on-paper')).toBeVisible()
  await expect(complaint.printLetter).toBeVisible()
  await expect(complaint.history.last()).toContainText('письмо отправлено')
})

test('a discrepancy is filed from an ЭМД of the card and its receipt names the document and what differs', async ({
  page,
  demo,
  signIn,
  card,
  discrepancy,
  complaint
}) => {
  const token = await demo.signIn('registrar')
  const patient = await complainant(demo, token, 'Расхождина')
  const emd = await arrivedDocument(demo, token, patient.id)
  await signIn.as(demo, 'registrar')
  await page.goto(`${demo.origin}/#/patients/${patient.id}?tab=documents`)
  await expect(card.name).toHaveText(patient.fullName)
  await page
    .getByTestId('document')
    .filter({ hasText: emd.document.number })
    .getByTestId('file-discrepancy')
    .click()
  await expect(discrepancy.dialog).toBeVisible()
  await discrepancy.submit.click()
  await expect(discrepancy.dialog.getByText('Выберите, что различается')).toBeVisible()
  await discrepancy.field.selectOption({ label: 'Диагноз' })
  await discrepancy.paperValue.fill('M54.2 Цервикалгия')
  await discrepancy.description.fill('На бумаге, выданной на руки, другой диагноз')
  await discrepancy.description.press('Control+Enter')

  await expect(complaint.field).toHaveText('Диагноз')
  await expect(complaint.status).toHaveText('Зарегистрирована')
  const number = numberIn(await complaint.number.textContent())
  const pdf = await pdfOf(page, 'print.complaintReceipt', () => complaint.printReceipt.click())
  const text = pdfText(pdf)
  for (const needle of [
    'Бумажная и электронная версии документа различаются',
    `Консультация невролога № ${emd.document.number}`,
    'Что различается Диагноз',
    'На бумаге указано M54.2 Цервикалгия',
    `Номер жалобы: ${number}`
  ])
    expect(text).toContain(needle)
})

test('a document entered at the desk answers the complaint, which is resolved in one step', async ({
  page,
  demo,
  signIn,
  arrival,
  complaint
}) => {
  const token = await demo.signIn('registrar')
  const patient = await complainant(demo, token, 'Дождалась')
  const filed = await fileMissing(demo, token, patient.id, { visitDate: daysAgo(7) })
  await signIn.as(demo, 'registrar')
  await page.goto(`${demo.origin}/#/patients/${patient.id}`)
  await expect(page.getByTestId('document-arrived')).toContainText('Alt+V')
  await page.keyboard.press('Alt+KeyV')
  await expect(arrival.heading).toBeVisible()
  await expect(arrival.kind).toBeFocused()
  await arrival.kind.selectOption({ label: 'Протокол лабораторного исследования' })
  await expect(arrival.title).toHaveValue('Протокол лабораторного исследования')
  await arrival.date.fill(ruDate(daysAgo(5)))
  await arrival.number.fill('Л-2001')
  await expect(arrival.region).toHaveValue('77')
  await arrival.organisation.selectOption('msk-gp-240')
  await arrival.authorName.fill('Иванова Анна Андреевна')
  await arrival.authorRole.fill('врач клинической лабораторной диагностики')
  await arrival.content.fill('Общий анализ крови: гемоглобин 131 г/л')
  await page.keyboard.press('Control+Enter')

  await expect(arrival.saved).toContainText('Л-2001')
  await expect(arrival.answers).toContainText('Он отвечает на жалобу:')
  await expect(arrival.answered).toHaveText(filed.number)
  await arrival.answered.click()

  await expect(complaint.matches).toHaveCount(1)
  await expect(complaint.matches.first()).toContainText('Л-2001')
  // The one step is where the focus already is.
  await expect(complaint.resolveMatch).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(complaint.status).toHaveText('Решена')
  await expect(complaint.resolution).toHaveText('Документ поступил')
  await expect(complaint.matches).toHaveCount(0)
  await expect(complaint.history.last()).toContainText('Решена')
  await expect(page.getByText('Жалоба закрыта.')).toBeVisible()
})

test('an overdue complaint stands first on the desk, marked in red', async ({
  pastDemo,
  signIn,
  complaintQueue,
  complaint
}) => {
  const { host, overdue } = pastDemo
  await signIn.as(host, 'registrar')
  const row = complaintQueue.row(overdue.number)
  await expect(row).toBeVisible()
  await expect(row).toHaveClass(/overdue/)
  await expect(row).toContainText('просрочена')
  await expect(row).toContainText('Просроченная Анна')
  await expect(complaintQueue.overdueCount).toBeVisible()
  // Overdue ones come before any that are not.
  const classes = await complaintQueue.rows.evaluateAll((rows) =>
    rows.map((r) => r.classList.contains('overdue'))
  )
  expect(classes.indexOf(false) === -1 || classes.lastIndexOf(true) < classes.indexOf(false)).toBe(true)

  await row.getByRole('link', { name: overdue.number }).click()
  await expect(complaint.overdue).toBeVisible()
  await expect(complaint.due).toContainText('просрочена')
})

test('a burst from a USB scanner reading the receipt opens the complaint, and so does its number typed into the search box', async ({
  page,
  demo,
  signIn,
  complaint
}) => {
  const token = await demo.signIn('registrar')
  const patient = await complainant(demo, token, 'Сканова')
  const filed = await fileMissing(demo, token, patient.id)
  const receipt = await demo.api<{ pdfBase64: string }>(
    'print.complaintReceipt',
    { complaintId: filed.id },
    token
  )
  const scanned = qrCodesOnFirstPage(receipt.pdfBase64).find((code) => code.startsWith('Ж-'))
  expect(scanned).toBe(filed.number)

  await signIn.as(demo, 'registrar')
  const search = page.getByRole('combobox', { name: 'Поиск пациента' })
  await expect(search).toBeFocused()
  await new UsbScanner(page).scan(scanned!)
  await expect(complaint.number).toContainText(filed.number)
  await expect(page).toHaveURL(new RegExp(`#/complaints/${filed.id}$`))

  // The scanner's keys went to the scan, not into the search box that had the focus.
  await page.keyboard.press('F2')
  await expect(search).toHaveValue('')
  await search.fill(filed.number.toLowerCase())
  await expect(page.getByTestId('search-complaint')).toBeVisible()
  await search.press('Enter')
  await expect(complaint.number).toContainText(filed.number)
})

test('the auditor reads a complaint but is offered no steps and no paper', async ({
  page,
  demo,
  signIn,
  complaint
}) => {
  const token = await demo.signIn('registrar')
  const patient = await complainant(demo, token, 'Проверкина')
  const filed = await fileMissing(demo, token, patient.id)
  await signIn.as(demo, 'auditor')
  await page.goto(`${demo.origin}/#/complaints/${filed.id}`)
  await expect(complaint.number).toContainText(filed.number)
  await expect(complaint.status).toHaveText('Зарегистрирована')
  await expect(complaint.action('forwarded')).toHaveCount(0)
  await expect(complaint.printReceipt).toHaveCount(0)
  await page.keyboard.press('Alt+KeyK')
  await expect(page).toHaveURL(new RegExp(`#/complaints/${filed.id}$`))
  await page.goto(`${demo.origin}/#/patients/${patient.id}`)
  await expect(page.getByTestId('file-missing')).toHaveCount(0)
})
