import type { Locator, Page } from '@playwright/test'

export class NewRequestPage {
  readonly heading: Locator
  readonly purpose: Locator
  readonly representative: Locator
  readonly authority: Locator
  readonly submit: Locator
  readonly error: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Новое заявление на выписку' })
    this.purpose = page.getByLabel('Цель получения')
    this.representative = page.getByLabel('Представитель пациента')
    this.authority = page.getByTestId('authority')
    this.submit = page.getByTestId('submit-request')
    this.error = page.getByTestId('form-error')
  }

  applicant(kind: 'self' | 'representative'): Locator {
    return this.page.getByRole('radio', { name: kind === 'self' ? 'Пациент сам' : 'Представитель' })
  }
}
