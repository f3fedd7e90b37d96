// Walks through each main screen at 1366×768 and saves a screenshot of it; asserts only what makes the picture
// worth keeping (the screen is the right one and has its data).
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { IssuanceDialogPage } from './pages/print-page'
import { addRepresentative, adultWithDocuments, issueExtract, readyRequest } from './print-seed'
import { arrivedDocument, complainant, daysAgo, fileMissing } from './complaint-seed'
import { snap } from './screenshots'
import { ScanDialogs } from './pages/scan-dialogs'
import { SignInPage } from './pages/sign-in-page'
import { UsbScanner } from './pages/usb-scanner'
import { qrCodesInPdf, qrVideo, requestQr } from './qr-codes'
import { createRequest, freshIdentifiers, moveRequest, ruDate, searchOne } from './seed'

test('first run and sign-in', async ({ page, host, signIn }) => {
  await signIn.open(host)
  await expect(page.getByRole('heading', { name: 'Первый запуск' })).toBeVisible()
  await snap(page, '01-first-run')
  await page.getByRole('button', { name: 'Создать демонстрационную клинику' }).click()
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible()
  await snap(page, '02-sign-in')
})

test('desk, card, request and forms', async ({ page, demo, signIn, desk, card }) => {
  // A little history for the card's audit trail: a request taken, issued and reopened.
  const senior = await demo.signIn('senior')
  const patient = await searchOne(demo, senior, 'Иванов')
  const taken = await createRequest(demo, senior, patient.id)
  await moveRequest(demo, senior, taken.id, 'processing', 'approved', 'ready', 'issued')
  await demo.api(
    'requests.reopen',
    { id: taken.id, to: 'ready', reason: 'Выдано не тому представителю' },
    senior
  )

  await signIn.as(demo, 'senior')
  await expect(desk.queueRows.first()).toBeVisible()
  await desk.find('Иванов')
  await expect(desk.results.first()).toBeVisible()
  await snap(page, '03-desk')

  await desk.search.press('Enter')
  await expect(card.name).toBeVisible()
  await snap(page, '04-card-overview')
  await card.openTab('Посещения')
  await snap(page, '05-card-visits')
  await card.openTab('ЭМД')
  await snap(page, '06-card-documents')
  await card.openTab('Журнал')
  await expect(page.getByTestId('audit-row').first()).toBeVisible()
  await snap(page, '07-card-audit')

  await page.keyboard.press('Alt+KeyZ')
  await expect(page.getByRole('heading', { name: 'Новое заявление на выписку' })).toBeVisible()
  await snap(page, '08-new-request')

  await page.goto(demo.origin + '/')
  // A request that can still be refused (the demo queue's order follows today's date).
  await desk.queueRows
    .filter({ hasText: /Принято|В обработке|Одобрено/ })
    .first()
    .getByRole('link')
    .first()
    .click()
  await expect(page.getByTestId('request-status')).toBeVisible()
  await snap(page, '09-request')
  await page.getByTestId('to-refused').click()
  await page.getByRole('dialog').getByLabel('Причина отказа').selectOption({ label: 'Нет записей за период' })
  await snap(page, '10-refusal')
  await page.keyboard.press('Escape')

  await page.keyboard.press('Alt+KeyN')
  await expect(page.getByRole('heading', { name: 'Новый пациент' })).toBeVisible()
  await page.getByLabel('СНИЛС', { exact: true }).fill('112-233-445 96')
  await page.getByRole('button', { name: /^Создать карту/ }).click()
  await snap(page, '11-patient-form-errors')

  await page.keyboard.press('Alt+KeyL')
  await expect(page.locator('[data-lock-screen]')).toBeVisible()
  await snap(page, '12-lock')
})

test('the desk on a 1920×1080 monitor', async ({ page, demo, signIn, desk }) => {
  await page.setViewportSize({ width: 1920, height: 1080 })
  await signIn.as(demo, 'registrar')
  await desk.find('Петров')
  await expect(desk.results.first()).toBeVisible()
  await snap(page, '14-desk-1920')
})

test('settings', async ({ page, demo, signIn }) => {
  await signIn.as(demo, 'admin')
  await expect(page.getByTestId('user-row').first()).toBeVisible()
  await snap(page, '13-settings')
})

test('print preview, issuance and the issuance journal', async ({ page, demo, signIn }) => {
  const registrar = await demo.signIn('registrar')
  const { patient } = await adultWithDocuments(demo, registrar)
  await addRepresentative(demo, registrar, patient.id, {
    fullName: 'Белова Ирина Олеговна',
    relation: 'proxy',
    identityDocument: 'паспорт 4512 778899'
  })
  const taken = await createRequest(demo, registrar, patient.id)
  await moveRequest(demo, registrar, taken.id, 'processing', 'approved')
  // Earlier issuances of the day for the journal, by two registrars.
  const senior = await demo.signIn('senior')
  const seen = [patient.id]
  for (const [token, query, shown] of [
    [senior, 'Смирнов', 'паспорт 4507 118812'],
    [registrar, 'Кузнецов', 'паспорт 4603 204415'],
    [senior, 'Попов', 'паспорт 4511 630027']
  ] as const) {
    const other = await adultWithDocuments(demo, token, query, seen)
    seen.push(other.patient.id)
    const request = await readyRequest(demo, token, other.patient.id)
    await issueExtract(demo, token, request.id, {
      name: other.patient.fullName,
      document: shown
    })
  }

  await signIn.as(demo, 'registrar')
  await page.goto(`${demo.origin}/#/requests/${taken.id}/print`)
  await expect(page.getByTestId('document-number')).toHaveText(taken.number)
  await expect(page.getByTestId('print')).toBeFocused()
  await renderedPreview(page)
  await snap(page, '20-print-preview')

  await moveRequest(demo, registrar, taken.id, 'ready')
  await page.goto(`${demo.origin}/#/requests/${taken.id}`)
  await page.getByTestId('to-issued').click()
  const dialog = new IssuanceDialogPage(page)
  await expect(dialog.recipients).toHaveCount(2)
  await renderedPreview(page)
  await dialog.sign()
  await snap(page, '21-issuance')
  await dialog.submit.click()
  await expect(page.getByTestId('issued-notice')).toBeVisible()

  await page.keyboard.press('Alt+KeyJ')
  await expect(page.getByTestId('journal-row')).toHaveCount(4)
  await snap(page, '22-issuance-journal')
})

/** Chromium's PDF viewer draws the page a moment after the frame loads: until then it is one dark grey. */
async function renderedPreview(page: Page): Promise<void> {
  const preview = page.getByTestId('pdf-preview')
  await expect
    .poll(async () => (await preview.screenshot()).length, { timeout: 15_000 })
    .toBeGreaterThan(40_000)
}

test('complaints: the form, its ОГРН check, the complaint with a matching document, a discrepancy', async ({
  page,
  demo,
  signIn
}) => {
  const token = await demo.signIn('registrar')
  const patient = await complainant(demo, token, 'Жалобина')
  await signIn.as(demo, 'registrar')
  await page.goto(`${demo.origin}/#/patients/${patient.id}/complaints/new`)
  await page.getByLabel('Вид документа').selectOption({ label: 'Выписной эпикриз' })
  await page.getByLabel('Дата посещения').fill(ruDate(daysAgo(24)))
  await page.getByLabel('Регион, где было посещение').selectOption('93')
  await page.getByLabel('Организация региона').selectOption('dnr-donetsk-gp-9')
  await page.getByLabel('Комментарий').fill('Выписной эпикриз после дневного стационара не пришёл на портал')
  await expect(page.getByText('Данные этого региона на портал не поступают')).toBeVisible()
  await snap(page, '30-complaint-form')

  await page.getByRole('radio', { name: 'Нет в справочнике — ввести' }).check()
  await page.getByLabel('Название организации').fill('ООО «Клиника здоровья»')
  await page.getByTestId('ogrn').fill('1027700132194')
  await expect(page.getByTestId('ogrn')).toHaveAttribute('aria-invalid', 'true')
  await snap(page, '31-complaint-form-ogrn')

  await page.getByRole('radio', { name: 'Из справочника' }).check()
  await page.getByLabel('Организация региона').selectOption('dnr-donetsk-gp-9')
  await page.getByTestId('submit-complaint').click()
  await expect(page.getByTestId('complaint-status')).toHaveText('Зарегистрирована')
  await snap(page, '32-complaint-letter')
  await page.keyboard.press('Alt+KeyM')
  await expect(page.getByTestId('mark-sent')).toBeVisible()
  await renderedPreview(page)
  await snap(page, '36-complaint-letter-print')

  // An electronic complaint whose document has since arrived: the match offered, the one step focused.
  const filed = await fileMissing(demo, token, patient.id, { visitDate: daysAgo(9) })
  await demo.api('complaints.transition', { id: filed.id, to: 'forwarded' }, token)
  await arrivedDocument(demo, token, patient.id, {
    kindCode: 'protocol-lab',
    number: 'Л-2001',
    date: daysAgo(8),
    title: 'Общий анализ крови',
    authorName: 'Иванова Анна Андреевна',
    authorRole: 'врач клинической лабораторной диагностики',
    content: 'Гемоглобин 131 г/л'
  })
  await page.goto(`${demo.origin}/#/complaints/${filed.id}`)
  await expect(page.getByTestId('resolve-match')).toBeFocused()
  await snap(page, '33-complaint-match')

  await page.goto(`${demo.origin}/#/patients/${patient.id}?tab=documents`)
  await page.getByTestId('file-discrepancy').first().click()
  const dialog = page.getByRole('dialog', { name: 'Расхождение с бумажной версией' })
  await dialog.getByLabel('Что различается').selectOption({ label: 'Результаты анализов' })
  await dialog.getByLabel('Что написано на бумаге').fill('Гемоглобин 113 г/л')
  await snap(page, '34-complaint-discrepancy')
  await page.keyboard.press('Escape')

  await page.goto(`${demo.origin}/#/`)
  await expect(page.getByTestId('complaint-row').first()).toBeVisible()
  await snap(page, '35-desk-complaints')
})

test('scanning: the camera, a request from its code, a verification result, the scanner settings', async ({
  page,
  demo,
  signIn,
  cameraPage
}) => {
  const token = await demo.signIn('registrar')
  const stranger = requestQr({
    ...freshIdentifiers(),
    lastName: 'Ёлкина',
    firstName: 'Мария',
    middleName: 'Ивановна',
    birthDate: '1985-06-15'
  })
  // The code held partly outside the picture, so the dialog stays open for the picture.
  const camera = await cameraPage({ video: await qrVideo(stranger, 190) })
  await new SignInPage(camera).as(demo, 'registrar')
  await camera.keyboard.press('F4')
  await expect(new ScanDialogs(camera).cameraChoice).toBeVisible()
  // The picture is there once the video has played a little, not when the camera has merely started.
  await expect
    .poll(() =>
      camera.locator('video').evaluate((v) => (v as unknown as { currentTime: number }).currentTime)
    )
    .toBeGreaterThan(0.5)
  await snap(camera, '40-scan-camera')

  const scan = new ScanDialogs(page)
  await signIn.as(demo, 'registrar')
  await scan.enterCode(stranger)
  await page.getByRole('radio', { name: 'женский' }).check()
  await scan.fromCode.getByLabel('Серия').fill('4510')
  await scan.fromCode.getByLabel('Номер').fill('123456')
  await page.getByTestId('document-checked').check()
  await snap(page, '41-scan-request-from-code')
  await page.keyboard.press('Escape')

  const patient = await searchOne(demo, token, 'Иванов')
  const taken = await createRequest(demo, token, patient.id)
  await moveRequest(demo, token, taken.id, 'processing', 'approved')
  const printed = await demo.api<{ pdfBase64: string }>('print.extract', { requestId: taken.id }, token)
  const verification = qrCodesInPdf(printed.pdfBase64).find((c) => c.startsWith('RWS1|V|'))!
  await scan.enterCode(verification)
  await expect(scan.verdict).toHaveText('Подлинный')
  await snap(page, '42-scan-verification')
  await page.keyboard.press('Escape')
  const fields = verification.split('|')
  fields[4] = (fields[4][0] === 'A' ? 'B' : 'A') + fields[4].slice(1)
  await scan.enterCode(fields.join('|'))
  await expect(scan.verdict).toHaveText('Изменён')
  await snap(page, '43-scan-verification-altered')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Выйти' }).click()
  await signIn.signIn('admin')
  const scanner = page.locator('#scanner')
  await scanner.getByLabel('Поле для проверки').focus()
  await new UsbScanner(page).scan(patient.snils!)
  await page.keyboard.type(patient.snils!, { delay: 90 })
  await page.keyboard.press('Enter')
  await expect(scanner.getByTestId('scanner-test-result').getByRole('listitem')).toHaveCount(2)
  await scanner.scrollIntoViewIfNeeded()
  await snap(page, '44-settings-scanner-keys')
})
