// Registering patients: identifier checks before anything is sent, duplicates found before a card is created,
// and merging a duplicate card into the one that stays.
import { expect, test } from './fixtures'
import { card, freshIdentifiers, ruDate, searchOne } from './seed'

test('a wrong СНИЛС is caught under its field and no card is created', async ({
  page,
  demo,
  signIn,
  patientForm
}) => {
  await signIn.as(demo, 'registrar')
  await page.keyboard.press('Alt+KeyN')
  await patientForm.fill({
    lastName: 'Пробная',
    firstName: 'Анна',
    birthDate: '14.02.1990',
    sex: 'F',
    snils: '112-233-445 96'
  })
  await patientForm.field('ЕНП (полис ОМС)').focus()
  expect(await patientForm.errorOf('СНИЛС')).toBe(
    'СНИЛС: неверное контрольное число — сверьте цифры с документом'
  )
  await expect(patientForm.field('СНИЛС')).toHaveAttribute('aria-invalid', 'true')

  await patientForm.submit.click()
  await expect(page.getByText('Исправьте отмеченные поля')).toBeVisible()
  await expect(patientForm.field('СНИЛС')).toBeFocused()
  // Too short is a different, equally clear message.
  await patientForm.field('СНИЛС').fill('112-233')
  await patientForm.field('ЕНП (полис ОМС)').focus()
  expect(await patientForm.errorOf('СНИЛС')).toBe(
    'СНИЛС: нужно 11 цифр, например 112-233-445 95, введено цифр: 6'
  )

  const token = await demo.signIn('registrar')
  expect(await demo.api('patients.search', { query: 'Пробная Анна' }, token)).toEqual([])
})

test('a valid new patient gets a card', async ({ page, demo, signIn, patientForm, card: cardPage }) => {
  await signIn.as(demo, 'registrar')
  await page.keyboard.press('Alt+KeyN')
  const ids = freshIdentifiers()
  await patientForm.fill({
    lastName: 'Новикова',
    firstName: 'Дарья',
    middleName: 'Олеговна',
    birthDate: '03.09.1988',
    sex: 'F',
    ...ids
  })
  await patientForm.submit.click()
  await expect(cardPage.name).toHaveText('Новикова Дарья Олеговна')
  await expect(page.getByRole('tabpanel')).toContainText('03.09.1988')
})

test('a same СНИЛС is one person: the form shows the existing card and offers no second one', async ({
  page,
  demo,
  signIn,
  patientForm
}) => {
  const token = await demo.signIn('registrar')
  const existing = await searchOne(demo, token, 'Иванов')
  await signIn.as(demo, 'registrar')
  await page.keyboard.press('Alt+KeyN')
  await patientForm.fill({
    lastName: 'Другой',
    firstName: 'Человек',
    birthDate: '01.01.1970',
    sex: 'M',
    snils: existing.snils ?? ''
  })
  await patientForm.submit.click()
  await expect(patientForm.duplicateWarning).toContainText(existing.fullName)
  await expect(patientForm.duplicateWarning).toContainText('тот же СНИЛС')
  await expect(patientForm.createAnyway).toHaveCount(0)
  await patientForm.duplicateWarning.getByRole('link', { name: existing.fullName }).click()
  await expect(page.getByTestId('patient-name')).toHaveText(existing.fullName)
})

test('a namesake is warned about, created on confirmation, then merged by a senior registrar', async ({
  page,
  demo,
  signIn,
  patientForm,
  card: cardPage
}) => {
  const token = await demo.signIn('senior')
  const existing = await searchOne(demo, token, 'Иванов')
  const [lastName, firstName, middleName] = existing.fullName.split(' ')

  await signIn.as(demo, 'senior')
  await page.keyboard.press('Alt+KeyN')
  await patientForm.fill({ lastName, firstName, middleName, birthDate: ruDate(existing.birthDate), sex: 'M' })
  await patientForm.submit.click()
  await expect(patientForm.duplicateWarning).toContainText('Такой пациент, возможно, уже есть')
  await expect(patientForm.duplicateWarning).toContainText('те же ФИО и дата рождения')
  await patientForm.createAnyway.click()

  // The new card knows its look-alike.
  await expect(cardPage.name).toHaveText(existing.fullName)
  const newId = /\/patients\/([^/?]+)/.exec(page.url())?.[1]
  expect(newId).not.toBe(existing.id)
  await expect(cardPage.duplicatesNotice).toContainText(existing.fullName)
  await cardPage.duplicatesNotice.getByRole('button', { name: 'Объединить…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Объединение карт' })
  await expect(dialog.getByRole('radio', { name: /Оставить карту .*эту присоединить/ })).toBeChecked()
  await dialog.getByRole('button', { name: 'Объединить карты' }).click()

  // The old card stays and lists the one merged into it; the merged card points to it.
  await expect(page).toHaveURL(new RegExp(`/patients/${existing.id}`))
  await expect(cardPage.mergedFrom).toContainText(existing.fullName)
  // The merged card's own address now opens the card that stayed.
  expect((await card(demo, token, newId ?? '')).patient.id).toBe(existing.id)
  await page.goto(`${demo.origin}/#/patients/${newId}`)
  await expect(page.getByTestId('redirected')).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/patients/${existing.id}`))
})

test('a registrar sees the duplicate notice but is told who can merge', async ({
  page,
  demo,
  signIn,
  card: cardPage
}) => {
  const token = await demo.signIn('registrar')
  const existing = await searchOne(demo, token, 'Иванов')
  const [lastName, firstName, middleName] = existing.fullName.split(' ')
  const twin = await demo.api<{ id: string }>(
    'patients.create',
    {
      draft: { lastName, firstName, middleName, sex: 'M', birthDate: existing.birthDate },
      confirmDuplicate: true
    },
    token
  )
  await signIn.as(demo, 'registrar')
  await page.goto(`${demo.origin}/#/patients/${twin.id}`)
  await expect(cardPage.duplicatesNotice).toContainText(existing.fullName)
  await expect(cardPage.duplicatesNotice.getByRole('button', { name: 'Объединить…' })).toHaveCount(0)
  await expect(cardPage.duplicatesNotice).toContainText('Объединить карты может старший регистратор')
})

test('editing a patient saves the change', async ({ page, demo, signIn, card: cardPage }) => {
  const token = await demo.signIn('registrar')
  const existing = await searchOne(demo, token, 'Иванов')
  await signIn.as(demo, 'registrar')
  await page.goto(`${demo.origin}/#/patients/${existing.id}`)
  await expect(cardPage.name).toHaveText(existing.fullName)
  await page.keyboard.press('Alt+KeyR')
  await expect(page.getByRole('heading', { name: 'Изменить данные пациента' })).toBeVisible()
  await page.getByLabel('Телефон', { exact: true }).fill('+7 900 123-45-67')
  await page.getByRole('button', { name: /^Сохранить/ }).click()
  await expect(cardPage.name).toBeVisible()
  await expect(cardPage.panel).toContainText('+7 900 123-45-67')
})
