// Two desks and the clinic's sync server, as people use them: the administrator connects desk A with a code, desk B
// joins the clinic from the first-run screen, a request made at A shows at B, and a complaint filed at A while the
// server is down waits on the status line and goes out by itself when the server is back. Waits are on what the
// screens say, never on time.
import type { Page } from '@playwright/test'
import { complainant, daysAgo } from './complaint-seed'
import { expect, test } from './fixtures'
import { startHost, type Host } from './host'
import { ComplaintPage, MissingComplaintForm } from './pages/complaint-page'
import { SignInPage } from './pages/sign-in-page'
import { snap } from './screenshots'
import { freshIdentifiers, ruDate, searchOne } from './seed'
import { SyncServerProcess } from './sync-server'

// A server started twice, two hosts, a clinic pushed and loaded as a snapshot: far more than one screen's test.
test.setTimeout(300_000)

const SYNC = 30_000

function statusOf(page: Page) {
  return {
    state: page.getByTestId('sync-state'),
    pending: page.getByTestId('sync-pending'),
    error: page.getByTestId('sync-error'),
    now: page.getByTestId('sync-now'),
    tasks: page.getByTestId('sync-tasks-link')
  }
}

test('a request made at desk A reaches desk B; a complaint filed offline goes out when the server is back', async ({
  page,
  browser,
  demo: deskA,
  signIn,
  card,
  newRequest,
  requestScreen
}) => {
  const server = await SyncServerProcess.create('sync')
  let deskB: Host | null = null
  const contextB = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' })
  const errorsB: string[] = []
  try {
    // Desk A: the administrator connects the demo clinic's desk with a one-time code.
    await signIn.as(deskA, 'admin')
    const panel = page.getByTestId('sync-panel')
    await expect(panel).toContainText('Рабочее место не подключено к серверу')
    await panel.getByLabel('Адрес сервера').fill(server.url)
    await panel.getByLabel('Код подключения').fill(await server.enrolmentCode('Окно 1'))
    await panel.getByTestId('sync-connect').click()
    await expect(panel.getByTestId('sync-panel-state')).toHaveText('Сервер на связи', { timeout: 120_000 })
    await expect(statusOf(page).pending).toHaveText('Всё отправлено')
    await panel.scrollIntoViewIfNeeded()
    await snap(page, '52-settings-sync')
    await page.getByRole('button', { name: 'Выйти' }).click()

    // Desk B: an empty desk joins the clinic from the first-run screen, then its registrar signs in.
    deskB = await startHost('sync-desk-b')
    const pageB = await contextB.newPage()
    pageB.on('pageerror', (e) => errorsB.push(e.message))
    pageB.on('console', (m) => void (m.type() === 'error' && errorsB.push(m.text())))
    await pageB.goto(deskB.url)
    const join = pageB.getByTestId('join-clinic')
    await join.getByLabel('Адрес сервера').fill(server.url)
    await join.getByLabel('Код подключения').fill(await server.enrolmentCode('Окно 2'))
    await join.getByLabel('Название рабочего места').fill('Регистратура, окно 2')
    await join.getByTestId('join-submit').click()
    const signInB = new SignInPage(pageB)
    await expect(signInB.submit).toBeVisible({ timeout: 120_000 })
    await signInB.signIn('registrar')
    await expect(statusOf(pageB).state).toHaveText('Сервер на связи', { timeout: SYNC })

    // Desk A: the registrar takes a request through the card, and sends it with F9.
    await signIn.as(deskA, 'registrar')
    const a = statusOf(page)
    await expect(a.state).toHaveText('Сервер на связи', { timeout: SYNC })
    const tokenA = await deskA.signIn('registrar')
    const patient = await searchOne(deskA, tokenA, 'Иванов')
    await page.goto(`${deskA.origin}/#/patients/${patient.id}`)
    await card.newRequestButton.click()
    await newRequest.purpose.fill('Для бассейна')
    await newRequest.submit.click()
    await expect(requestScreen.status).toHaveText('Принято')
    const requestNumber = (await requestScreen.number.textContent())!.trim()
    const requestId = /#\/requests\/([^/?]+)/.exec(page.url())![1]
    await expect(a.pending).toContainText('Ждут отправки')
    await expect(a.now).toContainText('F9')
    await page.keyboard.press('F9')
    await expect(a.pending).toHaveText('Всё отправлено', { timeout: SYNC })

    // Desk B: "sync now" with the mouse this time, and the request is there.
    const b = statusOf(pageB)
    await b.now.click()
    await expect(b.now).toContainText('Синхронизировать сейчас', { timeout: SYNC })
    await pageB.goto(`${deskB.origin}/#/requests/${requestId}`)
    await expect(pageB.getByTestId('request-number')).toHaveText(requestNumber)

    // The server goes down. Desk A files a complaint through the screens; it waits on the status line.
    const person = await complainant(deskA, tokenA)
    await page.keyboard.press('F9')
    await expect(a.pending).toHaveText('Всё отправлено', { timeout: SYNC })
    await server.stop()
    await page.goto(`${deskA.origin}/#/patients/${person.id}`)
    // The shortcut belongs to the card: it answers once the card is on screen.
    await expect(page.getByRole('button', { name: /Жалоба: документ не пришёл/ })).toBeVisible()
    await page.keyboard.press('Alt+KeyC')
    const form = new MissingComplaintForm(page)
    await expect(form.documentKind).toBeFocused()
    await form.documentKind.selectOption({ label: 'Протокол лабораторного исследования' })
    await form.visitDate.fill(ruDate(daysAgo(6)))
    await form.organisation.selectOption('msk-gp-240')
    await form.comment.fill('Подана, когда сервер клиники был недоступен')
    await page.keyboard.press('Control+Enter')
    const complaint = new ComplaintPage(page)
    await expect(complaint.status).toHaveText('Зарегистрирована')
    const complaintId = /#\/complaints\/([^/?]+)/.exec(page.url())![1]
    await expect(a.pending).toContainText('Ждут отправки')
    await page.keyboard.press('F9')
    await expect(a.state).toHaveText('Нет связи с сервером', { timeout: SYNC })
    await expect(a.error).not.toBeEmpty()
    await expect(a.pending).toContainText('Ждут отправки')
    await snap(page, '50-sync-offline-pending')

    // Meanwhile both desks register the same person: the server must flag it, never merge it silently.
    const same = {
      ...freshIdentifiers(),
      lastName: 'Двойникова',
      firstName: 'Анна',
      sex: 'F',
      birthDate: '1990-02-02'
    }
    await deskA.api('patients.create', { draft: same }, tokenA)
    const tokenB = await deskB.signIn('registrar')
    await deskB.api('patients.create', { draft: same }, tokenB)

    // The server is back: desk A's loop sends the complaint by itself, nobody presses anything.
    await server.start()
    await expect(a.pending).toHaveText('Всё отправлено', { timeout: 120_000 })
    await expect(a.state).toHaveText('Сервер на связи')
    await expect(a.error).toHaveCount(0)

    await pageB.keyboard.press('F9')
    await expect(b.pending).toHaveText('Всё отправлено', { timeout: SYNC })
    await pageB.goto(`${deskB.origin}/#/complaints/${complaintId}`)
    await expect(pageB.getByTestId('complaint-status')).toHaveText('Зарегистрирована')

    // The suspected duplicate waits at desk B as a task; F8 opens the list, the card is one link away.
    await expect(b.tasks).toHaveText(/Задачи: 1/, { timeout: SYNC })
    await pageB.keyboard.press('F8')
    const task = pageB.getByTestId('sync-task')
    await expect(task).toHaveCount(1)
    await expect(task).toHaveAttribute('data-kind', 'duplicate_patient')
    await expect(task).toContainText('Возможный двойник')
    await expect(task).toContainText('Двойникова')
    await expect(task.getByTestId('task-patient')).toBeFocused()
    await snap(pageB, '51-sync-tasks')
    await task.getByTestId('task-patient').click()
    await expect(pageB.getByTestId('patient-name')).toContainText('Двойникова')
    await pageB.goBack()
    await task.getByTestId('task-resolve').click()
    const dialog = pageB.getByRole('dialog')
    await dialog
      .getByLabel('Что сделано')
      .fill('Проверили паспорт: один человек, карты объединит старший регистратор')
    await pageB.keyboard.press('Control+Enter')
    await expect(pageB.getByTestId('no-tasks')).toBeVisible()
    await expect(b.tasks).toHaveCount(0)
    expect(errorsB, 'errors in desk B').toEqual([])
  } finally {
    await contextB.close()
    await deskB?.stop()
    await server.dispose()
  }
})
