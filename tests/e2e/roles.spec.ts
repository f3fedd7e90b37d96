// What each role is offered. The core enforces the roles; these check that the screens do not offer what the core
// would refuse, and offer what it allows.
import { expect, test } from './fixtures'
import { createRequest, searchOne } from './seed'

test('an auditor reads cards and their audit trail but is offered no action', async ({
  page,
  demo,
  signIn,
  card
}) => {
  const registrar = await demo.signIn('registrar')
  const patient = await searchOne(demo, registrar, 'Иванов')
  const taken = await createRequest(demo, registrar, patient.id)

  await signIn.as(demo, 'auditor')
  await expect(page.getByRole('link', { name: /Новый пациент/ })).toHaveCount(0)
  await page.goto(`${demo.origin}/#/patients/${patient.id}`)
  await expect(card.name).toHaveText(patient.fullName)
  await expect(card.newRequestButton).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Изменить данные/ })).toHaveCount(0)
  await card.openTab('Журнал')
  await expect(page.getByTestId('audit-row').filter({ hasText: 'Заявление принято' })).toHaveCount(1)

  await page.goto(`${demo.origin}/#/requests/${taken.id}`)
  await expect(page.getByTestId('request-status')).toHaveText('Принято')
  await expect(page.getByRole('button', { name: /Взять в обработку|Отказать|Отменить/ })).toHaveCount(0)
})

test('a registrar records and withdraws a consent', async ({ page, demo, signIn, card }) => {
  const token = await demo.signIn('registrar')
  const patient = await searchOne(demo, token, 'Иванов')
  await signIn.as(demo, 'registrar')
  await page.goto(`${demo.origin}/#/patients/${patient.id}?tab=consents`)
  const rows = card.panel.locator('tbody tr')
  // Every demo patient has given the personal-data consent; wait for the card before counting.
  await expect(rows.filter({ hasText: 'На обработку персональных данных' })).toHaveCount(1)
  const before = await rows.count()
  await card.panel.getByLabel('Согласие').selectOption({ label: 'На обмен медицинскими данными' })
  await card.panel.getByLabel('Дата').fill('01.02.2026')
  await card.panel.getByRole('button', { name: 'Записать согласие' }).click()
  await expect(rows).toHaveCount(before + 1)
  const added = rows.filter({ hasText: '01.02.2026' })
  await expect(added).toContainText('действует')
  await added.getByRole('button', { name: 'Отозвать' }).click()
  await expect(added).not.toContainText('действует')
  await expect(added.getByRole('button', { name: 'Отозвать' })).toHaveCount(0)
})
