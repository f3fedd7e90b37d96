import type { Locator, Page } from '@playwright/test'

/** The print screen: preview, printer, copies, «Печать», «Сохранить как PDF», then «Выдать…». */
export class PrintPage {
  readonly title: Locator
  readonly preview: Locator
  readonly documentNumber: Locator
  readonly pages: Locator
  readonly verificationCode: Locator
  readonly reprint: Locator
  readonly requestStatus: Locator
  readonly printer: Locator
  readonly printerProblem: Locator
  readonly printersError: Locator
  readonly copies: Locator
  readonly printButton: Locator
  readonly saveButton: Locator
  readonly sent: Locator
  readonly error: Locator
  readonly issueButton: Locator
  readonly issuedNotice: Locator

  constructor(readonly page: Page) {
    this.title = page.getByTestId('document-title')
    this.preview = page.getByTestId('pdf-preview')
    this.documentNumber = page.getByTestId('document-number')
    this.pages = page.getByTestId('document-pages')
    this.verificationCode = page.getByTestId('verification-code')
    this.reprint = page.getByTestId('reprint')
    this.requestStatus = page.getByTestId('request-status')
    this.printer = page.getByTestId('printer')
    this.printerProblem = page.getByTestId('printer-problem')
    this.printersError = page.getByTestId('printers-error')
    this.copies = page.getByTestId('copies')
    this.printButton = page.getByTestId('print')
    this.saveButton = page.getByTestId('save-pdf')
    this.sent = page.getByTestId('print-sent')
    this.error = page.getByTestId('print-error')
    this.issueButton = page.getByTestId('issue')
    this.issuedNotice = page.getByTestId('issued-notice')
  }

  async pageCount(): Promise<number> {
    return Number(await this.pages.textContent())
  }
}

/** The issuance dialog: recipient, identity document, copies, signature pad. */
export class IssuanceDialogPage {
  readonly dialog: Locator
  readonly recipients: Locator
  readonly document: Locator
  readonly copies: Locator
  readonly pad: Locator
  readonly clear: Locator
  readonly undo: Locator
  readonly submit: Locator
  readonly error: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Выдача документа' })
    this.recipients = this.dialog.getByTestId('recipient')
    this.document = this.dialog.getByTestId('recipient-document')
    this.copies = this.dialog.getByLabel('Экземпляров выдано')
    this.pad = this.dialog.getByTestId('signature-pad')
    this.clear = this.dialog.getByTestId('signature-clear')
    this.undo = this.dialog.getByTestId('signature-undo')
    this.submit = this.dialog.getByTestId('confirm-issue')
    this.error = this.dialog.getByTestId('issuance-error')
  }

  recipient(name: string | RegExp): Locator {
    return this.recipients.filter({ hasText: name })
  }

  /** Signs like a person would: a capital, a run of loops, a flourish underneath, as pointer events on the pad. */
  async sign(): Promise<void> {
    const box = await this.pad.boundingBox()
    if (!box) throw new Error('signature pad is not visible')
    const mouse = this.page.mouse
    const at = (x: number, y: number) => [box.x + box.width * x, box.y + box.height * y] as const
    const stroke = async (points: (readonly [number, number])[]): Promise<void> => {
      await mouse.move(...at(...points[0]))
      await mouse.down()
      for (const p of points.slice(1)) await mouse.move(...at(...p))
      await mouse.up()
    }
    const loops: [number, number][] = []
    for (let i = 0; i <= 90; i++) {
      const t = (i / 90) * Math.PI * 8
      loops.push([0.24 + (i / 90) * 0.48 - 0.045 * Math.cos(t), 0.5 - 0.18 * Math.sin(t) * (1 - i / 140)])
    }
    await stroke([
      [0.1, 0.75],
      [0.14, 0.3],
      [0.17, 0.2],
      [0.2, 0.45],
      [0.22, 0.5]
    ])
    await stroke(loops)
    await stroke([
      [0.18, 0.78],
      [0.4, 0.72],
      [0.6, 0.7],
      [0.8, 0.74]
    ])
  }
}

/** Журнал выдачи. */
export class JournalPage {
  readonly heading: Locator
  readonly rows: Locator
  readonly days: Locator
  readonly total: Locator
  readonly empty: Locator
  readonly registrar: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Журнал выдачи' })
    this.rows = page.getByTestId('journal-row')
    this.days = page.getByTestId('journal-day')
    this.total = page.getByTestId('journal-total')
    this.empty = page.getByTestId('journal-empty')
    this.registrar = page.getByTestId('journal-registrar')
  }
}
