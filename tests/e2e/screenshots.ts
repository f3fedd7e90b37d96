// Screenshots of the main screens: always to tests/.tmp/screenshots/, and to docs/screenshots/ when
// E2E_DOCS_SCREENSHOTS=1 (then they are committed and shown in README).
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { root, tmpRoot } from './host'

export async function snap(page: Page, name: string): Promise<void> {
  const image = await page.screenshot({ animations: 'disabled', caret: 'hide' })
  const dirs = [resolve(tmpRoot, 'screenshots')]
  if (process.env.E2E_DOCS_SCREENSHOTS === '1') dirs.push(resolve(root, 'docs', 'screenshots'))
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(resolve(dir, `${name}.png`), image)
  }
}
