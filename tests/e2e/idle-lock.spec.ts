// The idle lock: the desk's own timer (driven here by Playwright's clock instead of waiting a minute), the core's
// refusal of a locked session, and the lock a registrar sets when stepping away.
import { expect, test } from './fixtures'
import type { Host } from './host'

async function setIdleMinutes(host: Host, minutes: number): Promise<void> {
  const admin = await host.signIn('admin')
  const settings = await host.api<Record<string, unknown>>('settings.get', {}, admin)
  await host.api('settings.update', { ...settings, idleLockMinutes: minutes }, admin)
}

test('the desk locks after the idle time, keeps the half-filled form, and unlocks with the password', async ({
  page,
  demo,
  signIn,
  lock
}) => {
  await setIdleMinutes(demo, 1)
  await page.clock.install()
  await signIn.as(demo, 'registrar')
  await page.keyboard.press('Alt+KeyN')
  const lastName = page.getByLabel('Фамилия', { exact: true })
  await lastName.fill('Незаконченн')

  await page.clock.fastForward('00:50')
  await expect(lock.root).toHaveCount(0)
  // Typing is activity: the minute starts again.
  await lastName.pressSequentially('а')
  await page.clock.fastForward('00:50')
  await expect(lock.root).toHaveCount(0)
  await page.clock.fastForward('00:15')
  await expect(lock.root).toBeVisible()
  await expect(lock.root).toContainText('Смирнова Ольга Викторовна (регистратор)')
  await expect(lock.password).toBeFocused()

  await lock.unlock('not-the-password')
  await expect(lock.error).toBeVisible()
  await expect(lock.root).toBeVisible()
  await lock.unlock()
  await expect(lock.root).toHaveCount(0)
  await expect(lastName).toHaveValue('Незаконченна')
})

test('a session the core has locked shows the lock screen at the next action', async ({
  page,
  demo,
  signIn,
  desk,
  lock
}) => {
  // Whatever the desk asks the core for by itself must be answered before the lock, or it finds the lock before the
  // registrar's next action does: the screen's first loads (both queues, the status line) are waited for, and the
  // page's timers then stand still, so that no poll (the status line's, every few seconds) asks meanwhile.
  await page.clock.install()
  await signIn.as(demo, 'registrar')
  await expect(desk.queueRows.first()).toBeVisible()
  await expect(page.getByTestId('complaint-row').first()).toBeVisible()
  await expect(page.getByTestId('sync-none')).toBeVisible()
  await page.clock.pauseAt(Date.now() + 1_000)
  const stored = (await page.evaluate('sessionStorage.getItem("registrar.session")')) as string
  const token = (JSON.parse(stored) as { session: { token: string } }).session.token
  // Locked elsewhere (as the core does by itself after its idle time): the screen does not know yet.
  await demo.api('auth.lock', {}, token)
  await expect(lock.root).toHaveCount(0)
  // The next action: a search, once its short pause after typing has run.
  await desk.find('Иванов')
  await page.clock.runFor(1_000)
  await expect(lock.root).toBeVisible()
  await lock.unlock()
  await expect(lock.root).toHaveCount(0)
  await desk.find('Иванова')
  await page.clock.runFor(1_000)
  await expect(desk.results.first()).toBeVisible()
})

test('Alt+L locks at once; the lock survives a reload; another user can sign in instead', async ({
  page,
  demo,
  signIn,
  lock
}) => {
  await signIn.as(demo, 'registrar')
  await page.keyboard.press('Alt+KeyL')
  await expect(lock.root).toBeVisible()
  await page.reload()
  await expect(lock.root).toBeVisible()
  await lock.root.getByRole('button', { name: 'Войти другим пользователем' }).click()
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible()
  await signIn.signIn('senior')
  await expect(page.getByTestId('status-user')).toContainText('старший регистратор')
})
