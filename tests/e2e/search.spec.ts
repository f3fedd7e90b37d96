// The one search box: every kind of identifier a registrar may have in hand, and a misspelled surname.
import { expect, test } from './fixtures'
import { card, ruDate, searchOne } from './seed'

test('finds a patient by ФИО, birth date, СНИЛС, ЕНП, passport and a misspelled surname', async ({
  page,
  demo,
  signIn,
  desk
}) => {
  const token = await demo.signIn('registrar')
  const known = await searchOne(demo, token, 'Иванов')
  const { patient } = await card(demo, token, known.id)
  const [lastName, firstName] = known.fullName.split(' ')
  expect(patient.docSeries && patient.docNumber, 'the demo patient has a passport').toBeTruthy()

  await signIn.as(demo, 'registrar')
  const snils = known.snils ?? ''
  const cases: { query: string; matched: string }[] = [
    { query: `${lastName} ${firstName}`, matched: 'по ФИО' },
    { query: ruDate(known.birthDate), matched: 'по дате рождения' },
    {
      query: `${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}`,
      matched: 'по СНИЛС'
    },
    { query: snils, matched: 'по СНИЛС' },
    { query: known.enp ?? '', matched: 'по ЕНП' },
    { query: `${patient.docSeries} ${patient.docNumber}`, matched: 'по паспорту' },
    // Иванов typed by ear: one letter wrong, one missing.
    { query: `${lastName.slice(0, -1)}ф ${firstName}`, matched: 'похожее ФИО' }
  ]
  for (const { query, matched } of cases) {
    await desk.find(query)
    const hit = desk.result(known.fullName)
    await expect(hit, query).toHaveCount(1)
    await expect(hit, query).toContainText(matched)
  }

  // Enter opens the highlighted result.
  await desk.find(known.enp ?? '')
  await expect(desk.results).toHaveCount(1)
  await desk.search.press('Enter')
  await expect(page.getByTestId('patient-name')).toHaveText(known.fullName)
})

test('a request number opens the request itself', async ({ page, demo, signIn, desk, requestScreen }) => {
  const token = await demo.signIn('registrar')
  const [first] = await demo.api<{ number: string; patientName: string }[]>('requests.queue', {}, token)
  await signIn.as(demo, 'registrar')
  await desk.find(first.number)
  await expect(desk.result(first.patientName)).toContainText(`по заявлению ${first.number}`)
  await desk.search.press('Enter')
  await expect(requestScreen.number).toHaveText(`Заявление ${first.number}`)
  await expect(page.getByRole('link', { name: new RegExp(first.patientName) })).toBeVisible()
})

test('arrows move through the results; nothing found says so', async ({
  page,
  demo,
  signIn,
  desk,
  card: cardPage
}) => {
  await signIn.as(demo, 'registrar')
  await desk.find('Иванов')
  await expect(desk.results.nth(1)).toBeVisible()
  const second = (await desk.results.nth(1).locator('.name').textContent()) ?? ''
  await desk.search.press('ArrowDown')
  await expect(desk.results.nth(1)).toHaveAttribute('aria-selected', 'true')
  await desk.search.press('Enter')
  await expect(cardPage.name).toHaveText(second)

  await page.keyboard.press('Escape')
  await expect(desk.search).toBeVisible()
  await desk.find('Щщщщщщ Ъъъъъ')
  await expect(desk.empty).toContainText('Никого не нашли')
})
