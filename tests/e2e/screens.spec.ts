// Walks through each main screen at 1366×768 and saves a screenshot of it; asserts only what makes the picture
// worth keeping (the screen is the right one and has its data).
import { expect, test } from './fixtures'
import { snap } from './screenshots'
import { createRequest, moveRequest, searchOne } from './seed'

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
  await desk.queueRows.first().getByRole('link').first().click()
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
