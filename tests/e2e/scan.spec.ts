// Scanning at the desk: Chromium's fake camera playing a request QR, a USB scanner typing into whatever has focus,
// a portal request the desk has never seen, and the verification QR read back off a printed extract.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import type { Host } from './host'
import { RequestPage } from './pages/request-page'
import { ScanDialogs } from './pages/scan-dialogs'
import { SignInPage } from './pages/sign-in-page'
import { UsbScanner } from './pages/usb-scanner'
import { qrCodesInPdf, qrVideo, requestQr } from './qr-codes'
import { createPatient, createRequest, freshIdentifiers, moveRequest, yearsAgo } from './seed'

interface Person {
  id: string
  fullName: string
  lastName: string
  firstName: string
  middleName: string | null
  birthDate: string
  snils: string | null
  enp: string | null
}

/** A grown-up of the demo clinic with both identifiers, as the card gives them. */
async function adultWithIds(host: Host, token: string, query = 'Иванов'): Promise<Person> {
  const found = await host.api<{ id: string; birthDate: string; snils: string | null; enp: string | null }[]>(
    'patients.search',
    { query, limit: 50 },
    token
  )
  const adult = found.find((p) => p.birthDate < yearsAgo(18) && p.snils && p.enp)
  if (!adult) throw new Error(`no adult with СНИЛС and ЕНП among «${query}»`)
  const card = await host.api<{ patient: Person }>('patients.get', { id: adult.id }, token)
  return card.patient
}

async function signedIn(page: Page, host: Host, login = 'registrar'): Promise<void> {
  await new SignInPage(page).as(host, login)
}

test('the camera reads a portal request QR, registers the request and remembers the camera', async ({
  demo,
  cameraPage
}) => {
  const token = await demo.signIn('registrar')
  const person = await adultWithIds(demo, token)
  const code = requestQr({ ...person, snils: person.snils, enp: null })
  const number = code.split('|')[2]
  const page = await cameraPage({ video: await qrVideo(code) })
  const scan = new ScanDialogs(page)
  const request = new RequestPage(page)
  await signedIn(page, demo)

  await page.keyboard.press('F4')
  // The camera starts, the picture comes, ZXing reads it: a second or two, more on a loaded machine.
  await expect(request.number).toContainText(number, { timeout: 30_000 })
  await expect(scan.camera).toBeHidden()
  await expect(scan.notice).toHaveText(/Заявление зарегистрировано по QR-коду/)
  await expect(request.status).toHaveText('Принято')
  await expect(page.getByText('С портала (QR-код)')).toBeVisible()
  await expect(page.getByRole('link', { name: new RegExp(person.fullName) })).toBeVisible()
  const camera = await page.evaluate("localStorage.getItem('registrar.camera')")
  expect(camera).toBeTruthy()

  // The same code again: the request is known now, so it opens, and nothing is registered twice.
  await page.getByRole('button', { name: 'Скрыть сообщение' }).click()
  await page.goto(demo.origin + '/')
  await page.getByTestId('open-camera').click()
  await expect(request.number).toContainText(number, { timeout: 30_000 })
  await expect(scan.notice).toBeHidden()
  expect(await page.evaluate("localStorage.getItem('registrar.camera')")).toBe(camera)
  const requests = await demo.api<{ requests: { number: string }[] }>(
    'patients.get',
    { id: person.id },
    token
  )
  expect(requests.requests.filter((r) => r.number === number)).toHaveLength(1)
})

test('a USB scanner typing into the search box opens the patient and leaves the box clean; a person’s typing stays', async ({
  page,
  demo,
  signIn,
  desk,
  card
}) => {
  const token = await demo.signIn('registrar')
  const person = await adultWithIds(demo, token, 'Петров')
  await signIn.as(demo, 'registrar')
  await expect(desk.search).toBeFocused()

  // A scanner: every key a few milliseconds after the last, then Enter.
  await new UsbScanner(page).scan(person.enp!)
  await expect(card.name).toHaveText(person.fullName)
  await page.keyboard.press('F2')
  await expect(desk.search).toBeFocused()
  await expect(desk.search).toHaveValue('')

  // A person: three quick keys, then the rest slowly. Every character reaches the box, in order, and Enter searches.
  await new UsbScanner(page).quickKeys(person.snils!.slice(0, 3))
  await page.keyboard.type(person.snils!.slice(3), { delay: 120 })
  await expect(desk.search).toHaveValue(person.snils!)
  await expect(desk.result(person.fullName)).toHaveCount(1)
  await page.keyboard.press('Enter')
  await expect(card.name).toHaveText(person.fullName)
})

test('a portal request the desk has never seen is registered from the code, with a card made from its data', async ({
  page,
  demo,
  signIn
}) => {
  const ids = freshIdentifiers()
  const code = requestQr({
    ...ids,
    lastName: 'Ёлкина',
    firstName: 'Мария',
    middleName: 'Ивановна',
    birthDate: '1985-06-15'
  })
  const number = code.split('|')[2]
  const scan = new ScanDialogs(page)
  const request = new RequestPage(page)
  await signIn.as(demo, 'registrar')
  // The whole payload, Cyrillic and all, from a scanner while the cursor is in the search box.
  await new UsbScanner(page).scan(code)

  await expect(scan.fromCode).toBeVisible()
  await expect(scan.fromCode).toContainText(`Заявление № ${number} по QR-коду`)
  await expect(page.getByTestId('needs-patient-reason')).toContainText('нет в картотеке')
  await expect(page.getByTestId('code-data')).toContainText('Ёлкина Мария Ивановна')
  await expect(page.getByTestId('code-data')).toContainText('15.06.1985')
  await expect(page.getByRole('radio', { name: 'Новая карта по данным кода' })).toBeChecked()

  // Nothing happens until the registrar has said what the code cannot know and has looked at the passport.
  const create = page.getByTestId('register-from-code')
  await expect(create).toHaveText('Создать карту по данным кода')
  await create.click()
  await expect(scan.fromCode.getByRole('alert')).toHaveText('Укажите пол')
  await page.getByRole('radio', { name: 'женский' }).check()
  await scan.fromCode.getByLabel('Серия').fill('4510')
  await scan.fromCode.getByLabel('Номер').fill('123456')
  await create.click()
  await expect(scan.fromCode.getByRole('alert')).toHaveText(
    'Сначала проверьте документ пациента и отметьте это'
  )
  await page.getByTestId('document-checked').check()
  await page.getByTestId('document-checked').press('Enter')

  await expect(request.number).toContainText(number)
  await expect(scan.notice).toHaveText(/Заявление зарегистрировано по QR-коду/)
  await expect(page.getByText('С портала (QR-код)')).toBeVisible()
  await page.getByRole('link', { name: /Ёлкина Мария Ивановна/ }).click()
  await expect(page.getByTestId('patient-name')).toHaveText('Ёлкина Мария Ивановна')
  const token = await demo.signIn('registrar')
  const made = await demo.api<{ id: string; snils: string; enp: string }[]>(
    'patients.search',
    { query: ids.snils },
    token
  )
  expect(made).toHaveLength(1)
  expect(made[0]).toMatchObject({ snils: ids.snils, enp: ids.enp })
})

test('a child’s portal request asks which parent applies, then registers under that representative', async ({
  page,
  demo,
  signIn
}) => {
  const token = await demo.signIn('registrar')
  const child = await createPatient(demo, token, {
    lastName: 'Ёлкин',
    firstName: 'Артём',
    middleName: 'Петрович',
    sex: 'M',
    birthDate: yearsAgo(8)
  })
  for (const fullName of ['Ёлкина Анна Сергеевна', 'Ёлкин Пётр Ильич'])
    await demo.api(
      'representatives.add',
      {
        patientId: child.id,
        fullName,
        relation: 'parent',
        identityDocument: 'паспорт 4512 778899',
        authorityDocument: 'свидетельство о рождении II-МЮ 654321'
      },
      token
    )
  const { patient } = await demo.api<{ patient: Person }>('patients.get', { id: child.id }, token)
  const code = requestQr({ ...patient, enp: null })
  const scan = new ScanDialogs(page)
  await signIn.as(demo, 'registrar')
  await new UsbScanner(page).scan(code)

  await expect(page.getByTestId('needs-patient-reason')).toContainText('нет 15 лет')
  await expect(page.getByRole('radio', { name: /Ёлкин Артём Петрович/ })).toBeChecked()
  const representative = scan.fromCode.getByLabel('Законный представитель')
  await representative.selectOption({ label: 'Ёлкина Анна Сергеевна (Родитель)' })
  await page.getByTestId('document-checked').check()
  await page.getByTestId('register-from-code').click()

  const request = new RequestPage(page)
  await expect(request.number).toContainText(code.split('|')[2])
  await expect(page.getByText('Ёлкина Анна Сергеевна')).toBeVisible()
})

test('the verification QR of a printed extract reads «Подлинный»; with its content hash altered, «Изменён»', async ({
  page,
  demo,
  signIn,
  cameraPage
}) => {
  const token = await demo.signIn('registrar')
  const person = await adultWithIds(demo, token)
  const taken = await createRequest(demo, token, person.id)
  await moveRequest(demo, token, taken.id, 'processing', 'approved')
  const printed = await demo.api<{ pdfBase64: string; documentNumber: string }>(
    'print.extract',
    { requestId: taken.id },
    token
  )
  const verification = qrCodesInPdf(printed.pdfBase64).find((c) => c.startsWith('RWS1|V|'))
  expect(verification, 'a verification QR on the extract').toBeTruthy()
  expect(verification!.split('|')[3]).toBe(printed.documentNumber)

  // The paper held up to the camera.
  const camera = await cameraPage({ video: await qrVideo(verification!) })
  const cameraScan = new ScanDialogs(camera)
  await signedIn(camera, demo)
  await camera.keyboard.press('F4')
  await expect(cameraScan.verdict).toHaveText('Подлинный', { timeout: 30_000 })
  await expect(cameraScan.verdict).toHaveClass(/authentic/)
  await expect(cameraScan.verificationMessage).toContainText(printed.documentNumber)
  await expect(camera.getByRole('dialog', { name: 'Проверка документа по QR-коду' })).toContainText('Выписка')
  await camera.keyboard.press('Escape')
  await expect(cameraScan.verdict).toBeHidden()

  // The same code with one character of its content hash changed (field 5: RWS1|V|key|number|hash|…).
  const fields = verification!.split('|')
  fields[4] = (fields[4][0] === 'A' ? 'B' : 'A') + fields[4].slice(1)
  const scan = new ScanDialogs(page)
  await signIn.as(demo, 'registrar')
  await scan.enterCode(fields.join('|'))
  await expect(scan.verdict).toHaveText('Изменён')
  await expect(scan.verdict).toHaveClass(/altered/)
  await expect(scan.verificationMessage).toContainText('подпись QR-кода не сходится')
})

test('a scanned request number opens the request, a complaint number the complaint, from any screen', async ({
  page,
  demo,
  signIn
}) => {
  const token = await demo.signIn('registrar')
  const [complaint] = await demo.api<{ id: string; number: string }[]>('complaints.queue', {}, token)
  const person = await adultWithIds(demo, token)
  const taken = await createRequest(demo, token, person.id)
  const scanner = new UsbScanner(page)
  await signIn.as(demo, 'registrar')

  // Focus on a button of the queue, not in a field: the scan still counts, and Enter does not press the button.
  await page.getByRole('button', { name: 'Обновить' }).first().focus()
  await scanner.scan(taken.number)
  await expect(new RequestPage(page).number).toContainText(taken.number)
  await scanner.scan(complaint.number)
  await expect(page.getByTestId('complaint-number')).toContainText(complaint.number)
})

test('a forged or unreadable code gets its own Russian message and registers nothing', async ({
  page,
  demo,
  signIn
}) => {
  const ids = freshIdentifiers()
  const code = requestQr({ ...ids, lastName: 'Ёлкина', firstName: 'Мария', birthDate: '1985-06-15' })
  const scan = new ScanDialogs(page)
  await signIn.as(demo, 'registrar')

  await scan.enterCode(code.replace('|Мария|', '|Марья|'))
  await expect(scan.refused).toContainText('Подпись QR-кода не сходится')
  await page.keyboard.press('Escape')
  await scan.enterCode(code.replace(/^RWS1/, 'RWS7'))
  await expect(scan.refused).toContainText('не поддерживается')
  await page.getByRole('button', { name: 'Закрыть' }).click()
  await scan.enterCode('что-то непонятное')
  await expect(scan.refused).toContainText('Код не распознан')

  const token = await demo.signIn('registrar')
  expect(await demo.api('patients.search', { query: ids.snils }, token)).toEqual([])
})

test('the camera dialog says so when there is no camera, and when the camera is not allowed', async ({
  page,
  demo,
  signIn,
  cameraPage
}) => {
  const scan = new ScanDialogs(page)
  await signIn.as(demo, 'registrar')
  await page.keyboard.press('F4')
  await expect(scan.cameraProblem).toContainText('Камера не найдена')
  await expect(scan.manualCode).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(scan.camera).toBeHidden()

  const denied = await cameraPage({ allow: false })
  const deniedScan = new ScanDialogs(denied)
  await signedIn(denied, demo)
  await denied.getByTestId('open-camera').click()
  await expect(deniedScan.cameraProblem).toContainText('Нет разрешения на камеру')
})
