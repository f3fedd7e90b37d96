import type { Locator, Page } from '@playwright/test'
import type { Host } from '../host'

export class SignInPage {
  readonly login: Locator
  readonly password: Locator
  readonly submit: Locator
  readonly error: Locator

  constructor(readonly page: Page) {
    this.login = page.getByLabel('Логин')
    this.password = page.getByLabel('Пароль')
    this.submit = page.getByRole('button', { name: 'Войти' })
    this.error = page.getByRole('alert')
  }

  async open(host: Host): Promise<void> {
    await this.page.goto(host.url)
  }

  /**
   * Waits for the sign-in form first: right after «Выйти» the screen left behind may still show for a moment, and
   * its own «Логин» field (the settings' new-user form has one) would take the typing meant for this form.
   */
  async signIn(login: string, password = 'demo1234'): Promise<void> {
    await this.submit.waitFor()
    await this.login.fill(login)
    await this.password.fill(password)
    await this.submit.click()
  }

  /** Opens the app and signs in, waiting for the status line to name the user. */
  async as(host: Host, login: string, password = 'demo1234'): Promise<void> {
    await this.open(host)
    await this.signIn(login, password)
    await this.page.getByTestId('status-user').waitFor()
  }
}
