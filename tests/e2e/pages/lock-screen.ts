import type { Locator, Page } from '@playwright/test'

export class LockScreen {
  readonly root: Locator
  readonly password: Locator
  readonly submit: Locator
  readonly error: Locator

  constructor(readonly page: Page) {
    this.root = page.locator('[data-lock-screen]')
    this.password = this.root.getByLabel('Пароль')
    this.submit = this.root.getByRole('button', { name: 'Разблокировать' })
    this.error = this.root.getByRole('alert')
  }

  async unlock(password = 'demo1234'): Promise<void> {
    await this.password.fill(password)
    await this.submit.click()
  }
}
