// Fixtures: `host` is a fresh, empty browser host; `demo` the same with the demo clinic set up through the API.
// Page objects come ready on the test's page.
import { rmSync } from 'node:fs'
import { test as base, expect, type Browser, type Page } from '@playwright/test'
import { launchWithCamera, type CameraOptions } from './fake-camera'
import { startHost, type Host } from './host'
import { DeskPage } from './pages/desk-page'
import { LockScreen } from './pages/lock-screen'
import { NewRequestPage } from './pages/new-request-page'
import { PatientCardPage } from './pages/patient-card-page'
import { PatientFormPage } from './pages/patient-form-page'
import { RequestPage } from './pages/request-page'
import { SignInPage } from './pages/sign-in-page'

interface Options {
  /** For tests that provoke refusals on purpose: the browser logs each refused request as an error. */
  allowPageErrors: boolean
}

interface Fixtures {
  /** Fails the test on any uncaught page error or console error (a CSP violation is one). */
  pageErrors: string[]
  host: Host
  demo: Host
  signIn: SignInPage
  desk: DeskPage
  card: PatientCardPage
  patientForm: PatientFormPage
  newRequest: NewRequestPage
  requestScreen: RequestPage
  lock: LockScreen
  /** Opens a page in a second Chromium that has a (fake) camera; its errors count like the main page's. */
  cameraPage: (options: CameraOptions) => Promise<Page>
}

function collectErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`)
  })
}

export const test = base.extend<Options & Fixtures>({
  allowPageErrors: [false, { option: true }],
  // Collected from the first moment of the page; checked by `host` before it stops, because once the host is gone
  // the closing page may fail to fetch (say) its icon, and that is not the app's fault.
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      collectErrors(page, errors)
      await use(errors)
    },
    { auto: true }
  ],
  host: async ({ pageErrors, allowPageErrors }, use, testInfo) => {
    const label = testInfo.titlePath
      .slice(1)
      .join('-')
      .replace(/[^\p{L}\d]+/gu, '-')
      .slice(0, 40)
    const host = await startHost(label)
    try {
      await use(host)
      if (!allowPageErrors) expect(pageErrors, 'errors in the page').toEqual([])
    } finally {
      await host.stop()
    }
  },
  demo: async ({ host }, use) => {
    await host.api('system.setupDemo', {})
    await use(host)
  },
  signIn: async ({ page }, use) => use(new SignInPage(page)),
  desk: async ({ page }, use) => use(new DeskPage(page)),
  card: async ({ page }, use) => use(new PatientCardPage(page)),
  patientForm: async ({ page }, use) => use(new PatientFormPage(page)),
  newRequest: async ({ page }, use) => use(new NewRequestPage(page)),
  requestScreen: async ({ page }, use) => use(new RequestPage(page)),
  lock: async ({ page }, use) => use(new LockScreen(page)),
  cameraPage: async ({ playwright, pageErrors }, use, testInfo) => {
    const browsers: Browser[] = []
    const videos: string[] = []
    await use(async (options) => {
      const { browser, page } = await launchWithCamera(playwright.chromium, testInfo, options)
      browsers.push(browser)
      if (options.video) videos.push(options.video)
      collectErrors(page, pageErrors)
      return page
    })
    for (const browser of browsers) await browser.close()
    // A few megabytes each: gone with the browser that played them.
    for (const video of videos) rmSync(video, { force: true })
  }
})

export { expect }
