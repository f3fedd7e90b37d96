import type { Locator, Page } from '@playwright/test'

/** «Жалоба: документ не пришёл» from the card. */
export class MissingComplaintForm {
  readonly heading: Locator
  readonly documentKind: Locator
  readonly visitDate: Locator
  readonly region: Locator
  readonly organisation: Locator
  readonly organisationName: Locator
  readonly ogrn: Locator
  readonly contacts: Locator
  readonly comment: Locator
  readonly submit: Locator
  readonly error: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Жалоба: документ не пришёл' })
    this.documentKind = page.getByLabel('Вид документа')
    this.visitDate = page.getByLabel('Дата посещения')
    this.region = page.getByLabel('Регион, где было посещение')
    this.organisation = page.getByLabel('Организация региона')
    this.organisationName = page.getByLabel('Название организации')
    this.ogrn = page.getByTestId('ogrn')
    this.contacts = page.getByLabel('Контакты для ответа')
    this.comment = page.getByLabel('Комментарий')
    this.submit = page.getByTestId('submit-complaint')
    this.error = page.getByTestId('form-error')
  }

  source(kind: 'directory' | 'typed'): Locator {
    return this.page.getByRole('radio', {
      name: kind === 'directory' ? 'Из справочника' : 'Нет в справочнике — ввести'
    })
  }

  /** The message under a field, found through the field's aria-describedby. */
  async messageOf(field: Locator): Promise<string | null> {
    const id = await field.getAttribute('aria-describedby')
    return id ? this.page.locator(`[id="${id}"]`).textContent() : null
  }
}

/** «Расхождение с бумажной версией» of an ЭМД, a dialog on the card's ЭМД tab. */
export class DiscrepancyDialogPage {
  readonly dialog: Locator
  readonly field: Locator
  readonly paperValue: Locator
  readonly description: Locator
  readonly submit: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Расхождение с бумажной версией' })
    this.field = this.dialog.getByLabel('Что различается')
    this.paperValue = this.dialog.getByLabel('Что написано на бумаге')
    this.description = this.dialog.getByLabel('Описание')
    this.submit = this.dialog.getByTestId('submit-discrepancy')
  }
}

/** One complaint's screen. */
export class ComplaintPage {
  readonly number: Locator
  readonly status: Locator
  readonly overdue: Locator
  readonly filed: Locator
  readonly due: Locator
  readonly route: Locator
  readonly field: Locator
  readonly resolution: Locator
  readonly matches: Locator
  readonly resolveMatch: Locator
  readonly history: Locator
  readonly printReceipt: Locator
  readonly printLetter: Locator
  readonly error: Locator

  constructor(readonly page: Page) {
    this.number = page.getByTestId('complaint-number')
    this.status = page.getByTestId('complaint-status')
    this.overdue = page.getByTestId('complaint-overdue')
    this.filed = page.getByTestId('complaint-filed')
    this.due = page.getByTestId('complaint-due')
    this.route = page.getByTestId('complaint-route')
    this.field = page.getByTestId('complaint-field')
    this.resolution = page.getByTestId('complaint-resolution')
    this.matches = page.getByTestId('complaint-match')
    this.resolveMatch = page.getByTestId('resolve-match')
    this.history = page.getByTestId('complaint-history-row')
    this.printReceipt = page.getByTestId('print-complaint-receipt')
    this.printLetter = page.getByTestId('print-complaint-letter')
    this.error = page.getByTestId('complaint-error')
  }

  action(to: 'forwarded' | 'in_review' | 'resolved' | 'rejected'): Locator {
    return this.page.getByTestId(`complaint-to-${to}`)
  }
}

/** «Поступил документ» from the card. */
export class DocumentArrivalPage {
  readonly heading: Locator
  readonly kind: Locator
  readonly date: Locator
  readonly title: Locator
  readonly number: Locator
  readonly region: Locator
  readonly organisation: Locator
  readonly authorName: Locator
  readonly authorRole: Locator
  readonly content: Locator
  readonly submit: Locator
  readonly saved: Locator
  readonly answers: Locator
  readonly answered: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Поступил документ' })
    this.kind = page.getByLabel('Вид документа')
    this.date = page.getByLabel('Дата документа')
    this.title = page.getByLabel('Название документа')
    this.number = page.getByLabel('Номер документа')
    this.region = page.getByLabel('Регион организации')
    this.organisation = page.getByLabel('Организация, выдавшая документ')
    this.authorName = page.getByLabel('Автор (ФИО)')
    this.authorRole = page.getByLabel('Должность автора')
    this.content = page.getByLabel('Содержание')
    this.submit = page.getByTestId('submit-document')
    this.saved = page.getByTestId('document-saved')
    this.answers = page.getByTestId('document-answers')
    this.answered = page.getByTestId('answered-complaint')
  }
}

/** The desk's list of open complaints. */
export class ComplaintQueuePage {
  readonly root: Locator
  readonly rows: Locator
  readonly overdueCount: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('complaint-queue')
    this.rows = page.getByTestId('complaint-row')
    this.overdueCount = page.getByTestId('complaints-overdue-count')
  }

  row(number: string): Locator {
    return this.rows.filter({ hasText: number })
  }
}
