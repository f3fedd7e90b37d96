// Settings of scanning: the USB scanner's thresholds and test box (this workstation), the trusted keys (clinic).
import { generateSigningKey } from '../../src-main/core/qr/keys'
import { expect, test } from './fixtures'
import { ScanDialogs } from './pages/scan-dialogs'
import { UsbScanner } from './pages/usb-scanner'
import { requestQr } from './qr-codes'
import { searchOne, yearsAgo } from './seed'

test('the scanner section keeps this desk’s thresholds, and its test box shows what a scan was', async ({
  page,
  demo,
  signIn,
  desk,
  card
}) => {
  const token = await demo.signIn('registrar')
  const patient = await searchOne(demo, token, 'Иванов')
  await signIn.as(demo, 'registrar')
  // A registrar gets there from the camera dialog.
  await page.keyboard.press('F4')
  await new ScanDialogs(page).camera.getByRole('link', { name: 'Настройка USB-сканера' }).click()
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Сканер', exact: true }) })
  const gap = section.getByLabel('Наибольший промежуток между символами, мс')
  const length = section.getByLabel('Символов в коде не меньше')
  await expect(gap).toHaveValue('40')
  await expect(length).toHaveValue('8')

  await gap.fill('500')
  await section.getByRole('button', { name: 'Сохранить настройки сканера' }).click()
  await expect(section.getByRole('alert').first()).toHaveText('От 5 до 150')
  await gap.fill('60')
  await length.fill('10')
  await section.getByRole('button', { name: 'Сохранить настройки сканера' }).click()
  await expect(section.getByText('Сохранено для этого рабочего места')).toBeVisible()
  await page.reload()
  await expect(gap).toHaveValue('60')
  await expect(length).toHaveValue('10')

  const box = section.getByLabel('Поле для проверки')
  const results = section.getByTestId('scanner-test-result').getByRole('listitem')
  await box.focus()
  await new UsbScanner(page).scan(patient.snils!)
  await expect(results.first()).toContainText('Распознано как сканер: СНИЛС, символов: 11')
  await expect(results.first()).toContainText(patient.snils!)
  await expect(box).toHaveValue('')
  // Shown, not acted on: the card did not open.
  await expect(section).toBeVisible()

  await new UsbScanner(page).scan('12345')
  await expect(results.first()).toHaveText(/Не сканер: символов 5, а нужно не меньше 10/)
  await page.keyboard.type(patient.snils!, { delay: 90 })
  await expect(box).toHaveValue(patient.snils!)
  await page.keyboard.press('Enter')
  await expect(results.first()).toHaveText(/Не сканер: промежуток \d+ мс длиннее порога 60 мс/)

  // Away from settings, the same scan opens the card.
  await page.keyboard.press('F2')
  await expect(desk.search).toBeFocused()
  await new UsbScanner(page).scan(patient.snils!)
  await expect(card.name).toHaveText(patient.fullName)
})

test('the administrator trusts a new issuer’s key and revokes it', async ({ page, demo, signIn }) => {
  const issuer = generateSigningKey('portal').key
  const registrar = await demo.signIn('registrar')
  const adults = await demo.api<{ id: string; birthDate: string; snils: string | null }[]>(
    'patients.search',
    { query: 'Петров', limit: 50 },
    registrar
  )
  const adult = adults.find((p) => p.snils && p.birthDate < yearsAgo(18))!
  const person = (
    await demo.api<{
      patient: { lastName: string; firstName: string; middleName: string | null; birthDate: string }
    }>('patients.get', { id: adult.id }, registrar)
  ).patient
  const codeFrom = () => requestQr({ ...person, snils: adult.snils }, issuer)

  // Not trusted yet.
  const before = await demo.call('scan.process', { text: codeFrom(), source: 'scanner' }, registrar)
  expect(before.error?.code).toBe('QR_UNTRUSTED')

  await signIn.as(demo, 'admin')
  const section = page.locator('section', {
    has: page.getByRole('heading', { name: 'Доверенные ключи QR-кодов' })
  })
  const rows = section.getByTestId('trusted-key-row')
  await expect(rows.filter({ hasText: 'Наша клиника' })).toHaveCount(1)
  await expect(rows.filter({ hasText: 'Портал' })).toContainText('действует')

  await section.getByLabel('Вид').selectOption({ label: 'Портал' })
  await section.getByLabel('Название издателя').fill('Портал Запорожской области')
  await section.getByLabel(/Открытый ключ Ed25519/).fill('не ключ')
  await section.getByRole('button', { name: 'Добавить ключ' }).click()
  await expect(section.getByRole('alert')).toContainText('43 символов base64url')
  await section.getByLabel(/Открытый ключ Ed25519/).fill(issuer.publicKey)
  await section.getByRole('button', { name: 'Добавить ключ' }).click()
  await expect(section.getByText('Ключ «Портал Запорожской области» добавлен')).toBeVisible()
  const row = rows.filter({ hasText: 'Портал Запорожской области' })
  await expect(row).toContainText(issuer.keyId)
  await expect(row).toContainText('действует')

  const trusted = await demo.api<{ kind: string; registered: boolean }>(
    'scan.process',
    { text: codeFrom(), source: 'scanner' },
    registrar
  )
  expect(trusted).toMatchObject({ kind: 'request', registered: true })

  await row.getByRole('button', { name: 'Отозвать' }).click()
  const confirm = page.getByRole('dialog', { name: 'Отозвать ключ «Портал Запорожской области»?' })
  await expect(confirm.getByRole('button', { name: 'Отмена' })).toBeFocused()
  await confirm.getByRole('button', { name: 'Отозвать ключ' }).click()
  await expect(confirm).toBeHidden()
  await expect(row).toContainText('отозван')
  await expect(row.getByRole('button', { name: 'Отозвать' })).toHaveCount(0)
  // Our own key is never offered for revoking.
  await expect(rows.filter({ hasText: 'Наша клиника' }).getByRole('button')).toHaveCount(0)

  const after = await demo.call('scan.process', { text: codeFrom(), source: 'scanner' }, registrar)
  expect(after.error).toMatchObject({ code: 'QR_REVOKED' })
  expect(after.error?.message).toContain('Портал Запорожской области')
})
