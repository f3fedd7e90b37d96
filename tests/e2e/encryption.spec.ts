// The browser host when its database key is wrong or unsafe: the host stays up, every command answers
// {code, message}, and the first screen says in Russian what is wrong and how to put it right.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openCore } from '../../src-main/core/app'
import { newDatabaseKey } from '../../src-main/core/db/cipher'
import { dataFolderKey } from '../../src-main/core/db/key-file'
import { expect, test } from '@playwright/test'
import { root, startHost, type Host } from './host'
import { snap } from './screenshots'

/** A demo clinic made in the folder the way the host would make it: encrypted, with registrar.key beside it. */
async function demoStore(dataDir: string): Promise<void> {
  const core = openCore({
    dataDir,
    databaseKey: dataFolderKey(dataDir),
    resourcesDir: join(root, 'resources'),
    migrationsDir: join(root, 'drizzle'),
    scheduleBackups: false
  })
  const made = await core.dispatch('system.setupDemo', { patients: 30 }, null)
  core.close()
  if (!made.ok) throw new Error(made.error.message)
}

async function withHost(
  label: string,
  prepare: (dataDir: string) => Promise<void>,
  use: (host: Host) => Promise<void>
) {
  const host = await startHost(label, prepare)
  try {
    await use(host)
  } finally {
    await host.stop()
  }
}

test('a key that does not fit the store is named on the first screen, and the host stays up', async ({
  page
}) => {
  await withHost(
    'key-wrong',
    async (dir) => {
      await demoStore(dir)
      writeFileSync(join(dir, 'registrar.key'), `${newDatabaseKey()}\n`, { mode: 0o600 })
    },
    async (host) => {
      await page.goto(host.url)
      const alert = page.getByRole('alert')
      await expect(alert).toContainText('Ключ базы данных не подходит')
      await expect(page.getByRole('button', { name: 'Повторить' })).toBeVisible()
      await snap(page, '15-database-key-wrong')
      const status = await host.call('system.status', {})
      expect(status.error?.code).toBe('DB_KEY_WRONG')
      const signIn = await host.call('auth.signIn', { login: 'registrar', password: 'demo1234' })
      expect(signIn.error?.code).toBe('DB_KEY_WRONG')
    }
  )
})

test('a key file others can read is refused with the command that fixes it', async ({ page }) => {
  let keyBefore = ''
  await withHost(
    'key-open',
    async (dir) => {
      await demoStore(dir)
      keyBefore = readFileSync(join(dir, 'registrar.key'), 'utf8')
      chmodSync(join(dir, 'registrar.key'), 0o644)
    },
    async (host) => {
      await page.goto(host.url)
      await expect(page.getByRole('alert')).toContainText('доступен не только владельцу')
      await expect(page.getByRole('alert')).toContainText('chmod 600')
      expect((await host.call('system.status', {})).error?.code).toBe('DB_KEY_UNAVAILABLE')
      // The refused key was neither used nor replaced.
      expect(readFileSync(join(host.dataDir, 'registrar.key'), 'utf8')).toBe(keyBefore)
      // Put right while the host runs, «Повторить» opens the store (the host retries at most every 2 s).
      chmodSync(join(host.dataDir, 'registrar.key'), 0o600)
      await expect(async () => {
        await page.getByRole('button', { name: 'Повторить' }).click()
        await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible({ timeout: 1000 })
      }).toPass({ timeout: 15_000 })
    }
  )
})
