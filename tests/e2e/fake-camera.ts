// Chromium's fake camera: a browser of its own, launched with the project's options plus the flags that give it a
// camera playing a y4m file (or its built-in test pattern) and, unless told otherwise, the permission to use it.
import type { Browser, BrowserType, Page, TestInfo } from '@playwright/test'

export interface CameraOptions {
  /** A y4m video (see qr-codes.ts); without it the fake camera shows Chromium's own test pattern. */
  video?: string
  /** false: the camera is there but the permission prompt is refused, as when a person clicks «Блокировать». */
  allow?: boolean
}

export async function launchWithCamera(
  chromium: BrowserType,
  testInfo: TestInfo,
  options: CameraOptions
): Promise<{ browser: Browser; page: Page }> {
  const { launchOptions, viewport, locale } = testInfo.project.use
  const args = [...(launchOptions?.args ?? []), '--use-fake-device-for-media-stream']
  if (options.allow !== false) args.push('--use-fake-ui-for-media-stream')
  if (options.video) args.push(`--use-file-for-fake-video-capture=${options.video}`)
  const browser = await chromium.launch({ ...launchOptions, args })
  const context = await browser.newContext({ viewport, locale })
  return { browser, page: await context.newPage() }
}
