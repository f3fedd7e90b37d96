// A whole request at the desk without touching the mouse: sign in, find, open, take, and issue.
import { expect, test } from './fixtures'
import { searchOne } from './seed'

test('a request from search to issue, keyboard only', async ({
  page,
  demo,
  signIn,
  desk,
  card,
  newRequest,
  requestScreen
}) => {
  const token = await demo.signIn('registrar')
  const patient = await searchOne(demo, token, 'Иванов')
  const kb = page.keyboard

  await signIn.open(demo)
  await expect(signIn.login).toBeFocused()
  await kb.type('registrar')
  await kb.press('Tab')
  await kb.type('demo1234')
  await kb.press('Enter')

  await expect(desk.search).toBeFocused()
  await kb.type(patient.fullName)
  await expect(desk.result(patient.fullName)).toHaveCount(1)
  await kb.press('Enter')
  await expect(card.name).toHaveText(patient.fullName)

  await kb.press('Alt+KeyZ')
  await expect(newRequest.heading).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Полная' })).toBeFocused()
  await kb.press('ArrowRight')
  await expect(page.getByRole('radio', { name: 'Краткая' })).toBeChecked()
  await kb.press('Tab') // period from (a year back by default)
  await kb.press('Tab') // period to (today)
  await kb.press('Tab')
  await expect(newRequest.purpose).toBeFocused()
  await kb.type('Для предъявления в страховую компанию')
  await expect(newRequest.authority).toHaveText('Пациент обращается сам')
  await kb.press('Control+Enter')

  await expect(requestScreen.status).toHaveText('Принято')
  await expect(page.getByText('Краткая', { exact: true })).toBeVisible()
  const steps: [string, string, string][] = [
    ['Взять в обработку', 'В обработке', 'processing'],
    ['Одобрить', 'Одобрено', 'approved']
  ]
  for (const [button, status, to] of steps) {
    // The next ordinary step has the focus, so Enter is all it takes.
    await expect(requestScreen.action(to as 'processing')).toBeFocused()
    await expect(requestScreen.action(to as 'processing')).toHaveText(button)
    await kb.press('Enter')
    await expect(requestScreen.status).toHaveText(status)
  }
  // An approved extract is printed next (tests/e2e/print.spec.ts); here it was printed earlier, so move it on.
  await expect(page.getByTestId('print-extract')).toBeFocused()
  await kb.press('Tab')
  await expect(requestScreen.action('ready')).toBeFocused()
  await kb.press('Enter')
  await expect(requestScreen.status).toHaveText('Готово к выдаче')
  // «Выдать…» opens the issuance dialog over the preview, its button focused: the patient and passport are on file.
  await expect(requestScreen.action('issued')).toBeFocused()
  await expect(requestScreen.action('issued')).toHaveText(/^Выдать…/)
  await kb.press('Enter')
  await expect(page.getByTestId('confirm-issue')).toBeFocused()
  await kb.press('Enter')
  await expect(requestScreen.status).toHaveText('Выдано')

  await kb.press('Escape')
  await expect(requestScreen.status).toHaveText('Выдано')
  await kb.press('Escape')
  await expect(card.name).toHaveText(patient.fullName)
  await kb.press('F2')
  await expect(desk.search).toBeFocused()
})
