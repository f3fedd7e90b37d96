// The browser host's guards as a browser meets them (the rules themselves have unit tests in tests/unit/host).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from './fixtures'

test.use({ allowPageErrors: true })

async function callFromPage(
  page: import('@playwright/test').Page,
  url: string,
  secret: string | null
): Promise<string> {
  return page.evaluate(
    async ({ url, secret }) => {
      try {
        const headers: Record<string, string> = { 'Content-Type': 'application/json' }
        if (secret) headers['X-Host-Secret'] = secret
        const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ input: {} }) })
        return `${response.status} ${await response.text()}`
      } catch {
        return 'blocked'
      }
    },
    { url, secret }
  )
}

test('without the launch key the page explains itself and the API refuses', async ({ page, host }) => {
  await page.goto(`${host.origin}/`)
  await expect(page.getByRole('alert')).toContainText('Нет ключа запуска')
  const answer = await callFromPage(page, `${host.origin}/api/system.status`, null)
  expect(answer).toMatch(/^403 .*"FORBIDDEN"/)
})

test('a page of another origin cannot call the host, even knowing the key', async ({ page, host }) => {
  const other: Server = createServer((_, res) => res.end('<!doctype html><title>чужая страница</title>'))
  await new Promise<void>((done) => other.listen(0, '127.0.0.1', done))
  try {
    await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`)
    expect(await callFromPage(page, `${host.origin}/api/system.status`, host.secret)).toBe('blocked')
  } finally {
    other.close()
  }
})

test('a rebinding host name gets nothing, not even the app', async ({ page, host }) => {
  const port = new URL(host.origin).port
  const response = await page.goto(`http://rebind.test:${port}/`)
  expect(response?.status()).toBe(403)
  expect(await page.content()).not.toContain('<script')
  expect(await callFromPage(page, `http://rebind.test:${port}/api/system.status`, host.secret)).toMatch(
    /^403 /
  )
})
