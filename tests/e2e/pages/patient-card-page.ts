import type { Locator, Page } from '@playwright/test'

export class PatientCardPage {
  readonly name: Locator
  readonly identityWarnings: Locator
  readonly duplicatesNotice: Locator
  readonly mergedFrom: Locator
  readonly newRequestButton: Locator

  constructor(readonly page: Page) {
    this.name = page.getByTestId('patient-name')
    this.identityWarnings = page.getByTestId('identity-warnings')
    this.duplicatesNotice = page.getByTestId('duplicates-notice')
    this.mergedFrom = page.getByTestId('merged-from')
    this.newRequestButton = page.getByTestId('new-request')
  }

  /** Tabs carry a count after the label («Заявления3»), so match the start. */
  tab(label: string): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${label}`) })
  }

  async openTab(label: string): Promise<void> {
    await this.tab(label).click()
  }

  get panel(): Locator {
    return this.page.getByRole('tabpanel')
  }
}
