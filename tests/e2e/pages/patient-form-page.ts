import type { Locator, Page } from '@playwright/test'

export interface PatientFields {
  lastName: string
  firstName: string
  middleName?: string
  birthDate: string
  sex: 'M' | 'F'
  snils?: string
  enp?: string
}

export class PatientFormPage {
  readonly submit: Locator
  readonly duplicateWarning: Locator
  readonly createAnyway: Locator

  constructor(readonly page: Page) {
    this.submit = page.getByRole('button', { name: /^Создать карту/ })
    this.duplicateWarning = page.getByTestId('duplicate-warning')
    this.createAnyway = page.getByRole('button', { name: 'Это другой человек — создать карту' })
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true })
  }

  async fill(p: PatientFields): Promise<void> {
    await this.field('Фамилия').fill(p.lastName)
    await this.field('Имя').fill(p.firstName)
    await this.field('Отчество').fill(p.middleName ?? '')
    await this.field('Дата рождения').fill(p.birthDate)
    await this.page.getByRole('radio', { name: p.sex === 'M' ? 'мужской' : 'женский' }).check()
    await this.field('СНИЛС').fill(p.snils ?? '')
    await this.field('ЕНП (полис ОМС)').fill(p.enp ?? '')
  }

  /** The message under a field, found through the field's aria-describedby. */
  async errorOf(label: string): Promise<string | null> {
    const id = await this.field(label).getAttribute('aria-describedby')
    return id ? this.page.locator(`[id="${id}"]`).textContent() : null
  }
}
