// Builds main, preload, host and renderer once for the whole run (E2E_SKIP_BUILD=1 when out/ is already fresh).
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export default function globalSetup(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
  if (process.env.E2E_SKIP_BUILD === '1') {
    if (
      !existsSync(resolve(root, 'out/main/host.js')) ||
      !existsSync(resolve(root, 'out/renderer/index.html'))
    ) {
      throw new Error('E2E_SKIP_BUILD=1, but out/ has no build: run `npx electron-vite build` first')
    }
    return
  }
  execSync('npx electron-vite build', { cwd: root, stdio: 'inherit' })
}
