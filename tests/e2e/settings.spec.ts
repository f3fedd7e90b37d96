// The administrator's screen: clinic settings and users.
import { expect, test } from './fixtures'

test('the administrator changes the idle time and adds a user who can then sign in', async ({
  page,
  demo,
  signIn
}) => {
  await signIn.as(demo, 'admin')
  const idle = page.getByLabel('Блокировать после бездействия, минут')
  await expect(idle).toHaveValue('10')
  await idle.fill('7')
  await page.getByRole('button', { name: 'Сохранить', exact: true }).click()
  await expect(page.getByText('Настройки сохранены')).toBeVisible()
  await page.reload()
  await expect(idle).toHaveValue('7')

  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Новый пользователь' }) })
  await form.getByLabel('Логин').fill('petrova')
  await form.getByLabel('ФИО').fill('Петрова Мария Ивановна')
  await form.getByLabel('Роль', { exact: true }).selectOption({ label: 'старший регистратор' })
  await form.getByLabel('Пароль', { exact: true }).fill('short')
  await form.getByRole('button', { name: 'Добавить пользователя' }).click()
  await expect(form.getByRole('alert')).toContainText('Пароль не короче 8 символов')
  await form.getByLabel('Пароль', { exact: true }).fill('Registratura-2026')
  await form.getByRole('button', { name: 'Добавить пользователя' }).click()
  await expect(page.getByTestId('user-row').filter({ hasText: 'petrova' })).toContainText(
    'старший регистратор'
  )

  await page.getByRole('button', { name: 'Выйти' }).click()
  await signIn.signIn('petrova', 'Registratura-2026')
  await expect(page.getByTestId('status-user')).toHaveText('Петрова Мария Ивановна, старший регистратор')
})

test('a new clinic with its administrator is created on first run', async ({ page, host, signIn }) => {
  await signIn.open(host)
  const form = page.locator('form', {
    has: page.getByRole('heading', { name: 'Новая клиника с администратором' })
  })
  await form.getByLabel('Полное название').fill('ГБУЗ «Городская поликлиника № 1 г. Мелитополя»')
  await form.getByLabel('Краткое название').fill('ГП № 1 Мелитополь')
  await form.getByLabel('Адрес').fill('г. Мелитополь, ул. Ленина, д. 1')
  await form.getByLabel('ОГРН').fill('1027700132195')
  await form.getByLabel('Регион').selectOption({ label: 'Запорожская область' })
  await expect(form).toContainText('единственный источник — база клиники')
  await form.getByLabel('Название рабочего места').fill('Регистратура, окно 2')
  await form.getByLabel('Логин администратора').fill('chief')
  await form.getByLabel('ФИО администратора').fill('Главный Администратор Клиники')
  await form.getByLabel('Пароль (не короче 8 символов)').fill('Ключ-Мелитополь-2026')
  await form.getByLabel('Пароль ещё раз').fill('Ключ-Мелитополь-2026')
  await form.getByRole('button', { name: 'Создать клинику' }).click()

  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible()
  await signIn.signIn('chief', 'Ключ-Мелитополь-2026')
  await expect(page.getByTestId('status-line')).toContainText('Рабочее место: Регистратура, окно 2')
  await expect(page.getByRole('banner')).toContainText('ГП № 1 Мелитополь')
})
