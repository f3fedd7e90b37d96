import type { Locator, Page } from '@playwright/test'

export type Status = 'accepted' | 'processing' | 'approved' | 'ready' | 'issued' | 'refused' | 'cancelled'

export class RequestPage {
  readonly number: Locator
  readonly status: Locator
  readonly refusalReason: Locator
  readonly history: Locator
  readonly reopenButton: Locator
  readonly error: Locator

  constructor(readonly page: Page) {
    this.number = page.getByTestId('request-number')
    this.status = page.getByTestId('request-status')
    this.refusalReason = page.getByTestId('refusal-reason')
    this.history = page.getByTestId('history-row')
    this.reopenButton = page.getByTestId('reopen')
    this.error = page.getByTestId('request-error')
  }

  action(to: Status): Locator {
    return this.page.getByTestId(`to-${to}`)
  }

  async refuse(reasonLabel: string, note = ''): Promise<void> {
    await this.action('refused').click()
    const dialog = this.page.getByRole('dialog')
    await dialog.getByLabel('Причина отказа').selectOption({ label: reasonLabel })
    await dialog.getByLabel('Пояснение для заявителя').fill(note)
    await dialog.getByTestId('confirm-refuse').click()
  }

  async reopen(toLabel: string, reason: string): Promise<void> {
    await this.reopenButton.click()
    const dialog = this.page.getByRole('dialog')
    await dialog.getByLabel('Вернуть в статус').selectOption({ label: toLabel })
    await dialog.getByLabel(/Причина возврата/).fill(reason)
    await dialog.getByTestId('confirm-reopen').click()
  }
}
