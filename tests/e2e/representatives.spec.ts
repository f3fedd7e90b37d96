// Who may apply: a child is represented by a parent; a power of attorney that has expired gives no authority.
import { expect, test } from './fixtures'
import { card, createPatient, ruDate, yearsAgo } from './seed'

test('a request for a child is taken through a parent added at the desk', async ({
  page,
  demo,
  signIn,
  card: cardPage,
  newRequest,
  requestScreen
}) => {
  const token = await demo.signIn('registrar')
  const child = await createPatient(demo, token, {
    lastName: 'Соколова',
    firstName: 'Милана',
    middleName: 'Игоревна',
    sex: 'F',
    birthDate: yearsAgo(7, 40)
  })

  await signIn.as(demo, 'registrar')
  await page.goto(`${demo.origin}/#/patients/${child.id}`)
  await expect(cardPage.identityWarnings).toContainText('законный представитель не записан')

  // Without a representative the child cannot apply.
  await page.keyboard.press('Alt+KeyZ')
  await expect(newRequest.heading).toBeVisible()
  await newRequest.applicant('self').check()
  await expect(newRequest.authority).toContainText('(до 15 лет): заявление подаёт законный представитель')
  await expect(newRequest.submit).toBeDisabled()
  await page.keyboard.press('Escape')

  await cardPage.openTab('Представители')
  await page.getByRole('button', { name: 'Добавить представителя' }).click()
  const dialog = page.getByRole('dialog', { name: 'Новый представитель' })
  await dialog.getByLabel('ФИО').fill('Соколов Игорь Петрович')
  await dialog.getByLabel('Основание').selectOption({ label: 'Родитель' })
  await dialog.getByLabel('Документ, удостоверяющий личность').fill('паспорт 4510 123456')
  await dialog.getByLabel('Документ о полномочиях').fill('свидетельство о рождении II-МЮ 654321')
  await dialog.getByRole('button', { name: 'Добавить' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('representative-row')).toContainText('Родитель несовершеннолетнего до 15 лет')
  await expect(cardPage.identityWarnings).not.toContainText('законный представитель')

  await page.keyboard.press('Alt+KeyZ')
  // Under 15 with one representative: the form starts from them and shows their authority.
  await expect(newRequest.applicant('representative')).toBeChecked()
  await expect(newRequest.representative).toHaveValue(/.+/)
  await expect(newRequest.authority).toHaveText('Родитель несовершеннолетнего до 15 лет')
  await newRequest.purpose.fill('Для образовательной организации')
  await newRequest.submit.click()

  await expect(requestScreen.status).toHaveText('Принято')
  await expect(page.getByText('Соколов Игорь Петрович')).toBeVisible()
  const stored = await card(demo, token, child.id)
  expect(stored.requests).toHaveLength(1)
})

test('an expired power of attorney is refused before a request is taken', async ({
  page,
  demo,
  signIn,
  newRequest
}) => {
  const token = await demo.signIn('registrar')
  const patient = await createPatient(demo, token, {
    lastName: 'Белов',
    firstName: 'Олег',
    middleName: 'Станиславович',
    sex: 'M',
    birthDate: '1951-04-12'
  })
  const poaDate = yearsAgo(2)
  const validUntil = yearsAgo(1)
  await demo.api(
    'representatives.add',
    {
      patientId: patient.id,
      fullName: 'Белова Ирина Олеговна',
      relation: 'proxy',
      identityDocument: 'паспорт 4512 778899',
      poaNumber: '77 АА 1234567',
      poaDate,
      poaValidUntil: validUntil,
      poaNotarised: true
    },
    token
  )

  await signIn.as(demo, 'registrar')
  await page.goto(`${demo.origin}/#/patients/${patient.id}/requests/new`)
  await expect(newRequest.heading).toBeVisible()
  await expect(newRequest.authority).toHaveText('Пациент обращается сам')
  await newRequest.applicant('representative').check()
  await newRequest.representative.selectOption({ label: 'Белова Ирина Олеговна — По доверенности' })
  await expect(newRequest.authority).toHaveText(
    `Срок доверенности № 77 АА 1234567 истёк ${ruDate(validUntil)}`
  )
  await newRequest.purpose.fill('По месту требования')
  await expect(newRequest.submit).toBeDisabled()
  await expect(page.getByText('Заявление не может подать этот заявитель')).toBeVisible()

  // The core refuses the same request on its own, whatever a screen lets through.
  const refused = await demo.call(
    'requests.create',
    {
      patientId: patient.id,
      applicantKind: 'representative',
      representativeId: (await card(demo, token, patient.id)).representatives[0].id,
      channel: 'in_person',
      kind: 'full',
      periodFrom: yearsAgo(1),
      periodTo: yearsAgo(0),
      purpose: 'По месту требования',
      delivery: 'in_person'
    },
    token
  )
  expect(refused.error?.code).toBe('NO_AUTHORITY')
  expect((await card(demo, token, patient.id)).requests).toEqual([])
})
