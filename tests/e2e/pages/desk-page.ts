import type { Locator, Page } from '@playwright/test'

export class DeskPage {
  readonly search: Locator
  readonly results: Locator
  readonly empty: Locator
  readonly queueRows: Locator

  constructor(readonly page: Page) {
    this.search = page.getByRole('combobox', { name: 'Поиск пациента' })
    this.results = page.getByTestId('search-result')
    this.empty = page.getByTestId('search-empty')
    this.queueRows = page.getByTestId('queue-row')
  }

  async find(query: string): Promise<void> {
    await this.search.fill(query)
  }

  result(text: string | RegExp): Locator {
    return this.results.filter({ hasText: text })
  }
}
