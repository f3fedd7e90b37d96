import type { Locator, Page } from '@playwright/test'

export class AuditPage {
  readonly chainOk: Locator
  readonly chainBroken: Locator
  readonly rows: Locator
  readonly total: Locator
  readonly action: Locator
  readonly user: Locator
  readonly patient: Locator
  readonly from: Locator
  readonly exported: Locator

  constructor(readonly page: Page) {
    this.chainOk = page.getByTestId('audit-chain-ok')
    this.chainBroken = page.getByTestId('audit-chain-broken')
    this.rows = page.getByTestId('audit-row')
    this.total = page.getByTestId('audit-total')
    this.action = page.getByLabel('Действие', { exact: true })
    this.user = page.getByLabel('Пользователь', { exact: true })
    this.patient = page.getByLabel('Пациент (ФИО или id)')
    this.from = page.getByLabel('С', { exact: true })
    this.exported = page.getByTestId('audit-exported')
  }
}
