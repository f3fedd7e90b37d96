import { expect, test } from './fixtures'

test('first run offers the demo clinic, then the registrar signs in', async ({ page, host, signIn }) => {
  await signIn.open(host)
  await expect(page.getByRole('heading', { name: 'Первый запуск' })).toBeVisible()
  await page.getByRole('button', { name: 'Создать демонстрационную клинику' }).click()
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible()

  await signIn.signIn('registrar')
  await expect(page.getByRole('combobox', { name: 'Поиск пациента' })).toBeFocused()
  await expect(page.getByTestId('status-user')).toContainText('регистратор')
  await expect(page.getByTestId('status-line')).toContainText('Рабочее место: Регистратура, окно 1')
  await expect(page.getByTestId('status-network')).toHaveText('В сети')
  // The launch secret is taken from the address bar once and does not stay there.
  expect(page.url()).not.toContain('#k=')
})

test('a wrong password is refused in Russian and nothing opens', async ({ page, demo, signIn }) => {
  await signIn.open(demo)
  await signIn.signIn('registrar', 'not-the-password')
  await expect(signIn.error).toContainText(/парол/i)
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible()
  await expect(page.getByTestId('status-user')).toHaveCount(0)
})

test('the administrator lands on settings and is not offered patient screens', async ({
  page,
  demo,
  signIn
}) => {
  await signIn.as(demo, 'admin')
  await expect(page.getByRole('heading', { name: 'Настройки' })).toBeVisible()
  await expect(page.getByRole('link', { name: /Новый пациент/ })).toHaveCount(0)
  await expect(page.getByRole('link', { name: /Стол/ })).toHaveCount(0)
  await expect(page.getByTestId('user-row')).toHaveCount(4)
})

test('a reload keeps the session; signing out ends it', async ({ page, demo, signIn }) => {
  await signIn.as(demo, 'registrar')
  await page.reload()
  await expect(page.getByTestId('status-user')).toContainText('регистратор')
  await page.getByRole('button', { name: 'Выйти' }).click()
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible()
})
