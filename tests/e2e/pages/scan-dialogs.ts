import type { Locator, Page } from '@playwright/test'

/** The camera dialog and what a scan puts on screen. */
export class ScanDialogs {
  readonly camera: Locator
  readonly cameraView: Locator
  readonly cameraProblem: Locator
  readonly cameraChoice: Locator
  readonly manualCode: Locator
  readonly verdict: Locator
  readonly verificationMessage: Locator
  readonly refused: Locator
  readonly fromCode: Locator
  readonly notice: Locator

  constructor(readonly page: Page) {
    this.camera = page.getByRole('dialog', { name: 'Сканирование QR-кода' })
    this.cameraView = page.getByTestId('camera-view')
    this.cameraProblem = page.getByTestId('camera-problem')
    this.cameraChoice = this.camera.getByLabel('Камера', { exact: true })
    this.manualCode = this.camera.getByLabel(/Или введите текст кода/)
    this.verdict = page.getByTestId('verification-status')
    this.verificationMessage = page.getByTestId('verification-message')
    this.refused = page.getByTestId('scan-refused')
    this.fromCode = page.getByTestId('request-from-code')
    this.notice = page.getByTestId('scan-notice')
  }

  /** F4, then the code typed into the dialog's field, as a registrar would paste it. */
  async enterCode(text: string): Promise<void> {
    await this.page.keyboard.press('F4')
    await this.manualCode.fill(text)
    await this.manualCode.press('Enter')
  }
}
