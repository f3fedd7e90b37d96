// Markup and template text typed into ФИО, an address, a request's purpose or a complaint's contacts is shown as
// the characters typed on every screen that shows it: no dialog opens, no element is injected, no template runs.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { fileMissing } from './complaint-seed'
import { createPatient, today, yearsAgo } from './seed'

const markup = {
  middleName: '<img src=x onerror=alert(1)>',
  address: '<script>alert(2)</script> {{ 7*7 }} ул. Ленина',
  purpose: '<b>в санаторий</b> {{ 7*7 }} <script>alert(3)</script>',
  contacts: '<svg onload=alert(4)> {{ constructor.constructor("alert(5)")() }}'
}

/** Nothing the markup could have made: no dialog, no injected element, no inline script. */
async function expectNothingInjected(page: Page, dialogs: string[]): Promise<void> {
  expect(dialogs).toEqual([])
  await expect(page.locator('img[src="x"], svg[onload], iframe, b:text("в санаторий")')).toHaveCount(0)
  await expect(page.locator('script:not([src])')).toHaveCount(0)
}

async function go(page: Page, hash: string): Promise<void> {
  // The route changes inside the running app, as a link would: a fresh load would need the launch key again.
  await page.evaluate((h) => {
    ;(globalThis as unknown as { location: { hash: string } }).location.hash = h
  }, hash)
}

test('markup in ФИО, address, purpose and contacts shows as text on search, queue, card, request and complaint', async ({
  page,
  demo,
  signIn,
  desk,
  card
}) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const token = await demo.signIn('registrar')
  const patient = await createPatient(demo, token, {
    lastName: 'Скриптов',
    firstName: 'Иван',
    middleName: markup.middleName,
    sex: 'M',
    birthDate: '1980-05-06',
    address: markup.address
  })
  const request = await demo.api<{ id: string; number: string }>(
    'requests.create',
    {
      patientId: patient.id,
      applicantKind: 'self',
      channel: 'in_person',
      kind: 'brief',
      periodFrom: yearsAgo(1),
      periodTo: today(),
      purpose: markup.purpose,
      delivery: 'in_person',
      urgent: true
    },
    token
  )
  const complaint = await fileMissing(demo, token, patient.id, { contacts: markup.contacts })
  const fullName = `Скриптов Иван ${markup.middleName}`

  await signIn.as(demo, 'registrar')
  await expect(desk.queueRows.filter({ hasText: 'Скриптов' })).toContainText(fullName)
  await desk.find('Скриптов')
  await expect(desk.result('Скриптов')).toContainText(fullName)
  await expectNothingInjected(page, dialogs)

  await desk.result('Скриптов').click()
  await expect(card.page.getByTestId('patient-name')).toHaveText(fullName)
  await expect(page.getByText(markup.address)).toBeVisible()
  await expectNothingInjected(page, dialogs)

  await go(page, `#/requests/${request.id}`)
  await expect(page.getByText(markup.purpose)).toBeVisible()
  await expectNothingInjected(page, dialogs)

  await go(page, `#/complaints/${complaint.id}`)
  await expect(page.getByText(markup.contacts)).toBeVisible()
  await expect(page.getByText(fullName).first()).toBeVisible()
  await expectNothingInjected(page, dialogs)
})
