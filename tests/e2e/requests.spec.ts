// A request through its statuses, a refusal with its coded reason, and the privileged, audited reopen.
import { expect, test } from './fixtures'
import { createRequest, moveRequest, searchOne } from './seed'

test('a request moves forward through every status to issued', async ({
  page,
  demo,
  signIn,
  card: cardPage,
  newRequest,
  requestScreen
}) => {
  const token = await demo.signIn('registrar')
  const patient = await searchOne(demo, token, 'Иванов')
  await signIn.as(demo, 'registrar')
  await page.goto(`${demo.origin}/#/patients/${patient.id}`)
  await cardPage.newRequestButton.click()
  await newRequest.purpose.fill('Для санаторно-курортного лечения')
  await page.getByLabel('Срочно').check()
  await newRequest.submit.click()

  await expect(requestScreen.status).toHaveText('Принято')
  const steps: [string, string][] = [
    ['processing', 'В обработке'],
    ['approved', 'Одобрено'],
    ['ready', 'Готово к выдаче']
  ]
  for (const [to, label] of steps) {
    await requestScreen.action(to as 'processing').click()
    await expect(requestScreen.status).toHaveText(label)
  }
  // Handing over is its own step, recorded in the issuance journal (tests/e2e/print.spec.ts goes through it all).
  await requestScreen.action('issued').click()
  await page.getByTestId('confirm-issue').click()
  await expect(requestScreen.status).toHaveText('Выдано')
  await page.keyboard.press('Escape')
  await expect(requestScreen.history).toHaveCount(5)
  await expect(page.getByText('Заявление завершено.')).toBeVisible()
  for (const to of ['processing', 'refused', 'cancelled'] as const)
    await expect(requestScreen.action(to)).toHaveCount(0)

  await page.getByRole('link', { name: /Карта пациента/ }).click()
  await expect(cardPage.tab('Заявления')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('card-request-row').first()).toContainText('Выдано')
})

test('a refusal needs a coded reason and shows it', async ({ page, demo, signIn, requestScreen }) => {
  const token = await demo.signIn('registrar')
  const patient = await searchOne(demo, token, 'Иванов')
  const created = await createRequest(demo, token, patient.id)
  await moveRequest(demo, token, created.id, 'processing')

  await signIn.as(demo, 'registrar')
  await page.goto(`${demo.origin}/#/requests/${created.id}`)
  await expect(requestScreen.status).toHaveText('В обработке')
  await requestScreen.action('refused').click()
  const dialog = page.getByRole('dialog')
  await dialog.getByTestId('confirm-refuse').click()
  await expect(dialog.getByText('Выберите причину отказа')).toBeVisible()
  const labels = await dialog.getByLabel('Причина отказа').locator('option').allTextContents()
  expect(labels.slice(1)).toEqual([
    'Неполные данные',
    'Нет согласия',
    'Полис ОМС неактивен',
    'Нет полномочий',
    'Нет записей за период',
    'Технические причины'
  ])
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(requestScreen.status).toHaveText('В обработке')

  await requestScreen.refuse('Полис ОМС неактивен', 'Полис закрыт страховой компанией')
  await expect(requestScreen.status).toHaveText('Отказано')
  await expect(requestScreen.refusalReason).toHaveText('Полис ОМС неактивен')
  await expect(requestScreen.history.last()).toContainText(
    'Полис ОМС неактивен. Полис закрыт страховой компанией'
  )
})

test('a registrar cannot reopen a finished request; a senior registrar can, and the audit trail shows it', async ({
  page,
  demo,
  signIn,
  card: cardPage,
  requestScreen
}) => {
  const registrarToken = await demo.signIn('registrar')
  const patient = await searchOne(demo, registrarToken, 'Иванов')
  const created = await createRequest(demo, registrarToken, patient.id)
  await moveRequest(demo, registrarToken, created.id, 'processing', 'approved', 'ready', 'issued')

  await signIn.as(demo, 'registrar')
  await page.goto(`${demo.origin}/#/requests/${created.id}`)
  await expect(requestScreen.status).toHaveText('Выдано')
  await expect(page.getByText('Заявление завершено.')).toBeVisible()
  await expect(requestScreen.reopenButton).toHaveCount(0)
  // Hiding the button is not the protection: the core refuses the registrar's reopen by itself.
  const refused = await demo.call(
    'requests.reopen',
    { id: created.id, to: 'ready', reason: 'Ошибка выдачи' },
    registrarToken
  )
  expect(refused.error?.code).toBe('FORBIDDEN')
  await page.getByRole('button', { name: 'Выйти' }).click()

  await signIn.signIn('senior')
  await expect(page.getByTestId('status-user')).toContainText('старший регистратор')
  await page.goto(`${demo.origin}/#/requests/${created.id}`)
  await requestScreen.reopen('Готово к выдаче', 'Выдано не тому представителю')
  await expect(requestScreen.status).toHaveText('Готово к выдаче')
  await expect(requestScreen.history.last()).toContainText('Выдано не тому представителю')
  await expect(requestScreen.action('issued')).toBeVisible()

  await page.goto(`${demo.origin}/#/patients/${patient.id}?tab=audit`)
  const reopenEvent = page.getByTestId('audit-row').filter({ hasText: 'Заявление возвращено в работу' })
  await expect(reopenEvent).toHaveCount(1)
  await expect(reopenEvent).toContainText('Кузнецова Татьяна Николаевна')
  await expect(reopenEvent).toContainText('Возврат из «Выдано» в «Готово к выдаче»')
  await expect(reopenEvent).toContainText(`Заявление: ${created.number}`)
  await expect(reopenEvent).toContainText('Причина: Выдано не тому представителю')
  await expect(cardPage.tab('Журнал')).toHaveAttribute('aria-selected', 'true')
})
