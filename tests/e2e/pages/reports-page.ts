import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'

export class ReportsPage {
  readonly heading: Locator
  readonly from: Locator
  readonly to: Locator
  readonly period: Locator
  readonly total: Locator
  readonly chart: Locator
  readonly exportDone: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Отчёты', level: 1 })
    this.from = page.getByLabel('С', { exact: true })
    this.to = page.getByLabel('По', { exact: true })
    this.period = page.getByTestId('report-period')
    this.total = page.getByTestId('figure-total')
    this.chart = page.getByTestId('report-chart')
    this.exportDone = page.getByTestId('export-done')
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name })
  }

  table(testid: string): Locator {
    return this.page.getByTestId(testid)
  }

  /** Presses the export shortcut and returns the downloaded file's name and bytes. */
  async exportWith(keys: string): Promise<{ name: string; bytes: Buffer }> {
    const download = this.page.waitForEvent('download')
    await this.page.keyboard.press(keys)
    const saved = await download
    return { name: saved.suggestedFilename(), bytes: readFileSync(await saved.path()) }
  }

  /** Whether the chart's canvas has anything drawn on it (not one flat colour). */
  async chartIsDrawn(index = 0): Promise<boolean> {
    return this.chart.nth(index).evaluate((node) => {
      // Runs in the page; the tests' own types have no DOM.
      const canvas = node as unknown as {
        width: number
        height: number
        getContext(
          kind: '2d'
        ): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null
      }
      const context = canvas.getContext('2d')
      if (!context || canvas.width === 0 || canvas.height === 0) return false
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data
      for (let i = 4; i < pixels.length; i += 4) if (pixels[i + 3] !== pixels[3]) return true
      return false
    })
  }
}
