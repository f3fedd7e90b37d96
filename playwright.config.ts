// End-to-end tests: the real renderer and the real core, through the browser host, in Debian's Chromium.
// Each test starts its own host on a free port with a fresh data folder (tests/e2e/fixtures.ts).
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/.tmp/test-results',
  globalSetup: './tests/e2e/global-setup.ts',
  // Two cores on the CI machine; every test also runs a host process.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: 'tests/.tmp/report' }]]
    : 'list',
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'ru-RU',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // `npx playwright install` cannot download here; Debian's Chromium is the browser.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // A name that resolves to 127.0.0.1, as a DNS-rebinding attacker's would (tests/e2e/host.spec.ts).
        '--host-resolver-rules=MAP rebind.test 127.0.0.1'
      ]
    }
  }
})
