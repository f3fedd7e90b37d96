import type { Locator, Page } from '@playwright/test'

export class ImportPage {
  readonly file: Locator
  readonly system: Locator
  readonly check: Locator
  readonly commit: Locator
  readonly cancel: Locator
  readonly dryRun: Locator
  readonly result: Locator
  readonly outcome: Locator
  readonly errors: Locator

  constructor(readonly page: Page) {
    this.file = page.getByTestId('import-file')
    this.system = page.getByLabel('Система-источник')
    this.check = page.getByRole('button', { name: 'Проверить файл' })
    this.commit = page.getByTestId('import-commit')
    this.cancel = page.getByTestId('import-cancel')
    this.dryRun = page.getByTestId('import-dry-run')
    this.result = page.getByTestId('import-result')
    this.outcome = page.getByTestId('import-outcome')
    this.errors = page.getByTestId('import-error')
  }

  /** A file as the registrar picks it; the picker itself is the operating system's and is not driven. */
  async choose(name: string, text: string): Promise<void> {
    await this.file.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') })
  }

  /** One figure of a report's counts table, e.g. count(report, 'patients', 'new'). */
  async count(report: Locator, section: string, which: string): Promise<number> {
    const cell = report.locator(`tr[data-section="${section}"] td[data-count="${which}"]`)
    return Number((await cell.innerText()).replace(/\s/g, ''))
  }
}
