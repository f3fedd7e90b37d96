// Backups are copied and checked on a worker thread, so a desk whose store takes minutes to copy keeps answering.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/contract/errors'
import { copyStoreInWorker, verifyCopyInWorker } from '../../../src-main/core/backup/copy-worker'
import { newDatabaseKey, openDatabaseFile } from '../../../src-main/core/db/cipher'
import { demoCore, tempDir, testKey } from '../support/core'

/** Rows nobody reads, so that copying and checking the store takes a while (each page is encrypted and checked). */
async function addBallast(t: Awaited<ReturnType<typeof demoCore>>, megabytes: number) {
  const { store } = await t.core.deps()
  store.sqlite.exec(`
    CREATE TABLE ballast (id INTEGER PRIMARY KEY, payload BLOB);
    CREATE INDEX ballast_payload ON ballast (substr(payload, 1, 16));
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${megabytes * 256})
    INSERT INTO ballast (payload) SELECT randomblob(4096) FROM n;`)
}

describe('backups on a worker thread', () => {
  it('copies the store on another thread into a file that opens only with the key and holds every patient', async () => {
    const t = await demoCore(25)
    const { store } = await t.core.deps()
    const target = join(tempDir(), 'copy.db')
    expect(await copyStoreInWorker(store.access, target)).toEqual({ patients: 25 })
    expect(readFileSync(target).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
    const copy = openDatabaseFile(target, { key: testKey, readonly: true })
    expect(copy.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(25)
    copy.close()
    expect(await verifyCopyInWorker(store.access, target)).toEqual({ patients: 25 })
  })

  it('keeps answering the desk while a large store is copied and checked', async () => {
    const t = await demoCore(10)
    await addBallast(t, 12)
    let ticks = 0
    const timer = setInterval(() => ticks++, 0)
    const events: string[] = []
    const backup = t.call('backup.create', {}, t.tokens.admin).then((made) => {
      events.push('backup done')
      return made
    })
    let searches = 0
    while (!events.includes('backup done')) {
      // Each request of the desk arrives as its own event (IPC, HTTP), not in one chain of promises.
      await new Promise((resolve) => setImmediate(resolve))
      await t.call('patients.search', { query: 'а' }, t.tokens.registrar)
      searches++
      if (!events.includes('backup done')) events.push('search answered')
    }
    clearInterval(timer)
    const made = await backup
    expect(made.patients).toBe(10)
    // Copied on this thread, the backup would be done before the first search is answered and no timer would fire.
    expect(events.slice(0, 3)).toEqual(['search answered', 'search answered', 'search answered'])
    expect(searches).toBeGreaterThan(3)
    expect(ticks).toBeGreaterThan(3)
    expect(readdirSync(join(t.dir, 'backups'))).toEqual([made.name])
  })

  it('takes backups asked for together one after another, each in its own verified file', async () => {
    const t = await demoCore(10)
    await addBallast(t, 8)
    const [first, second] = await Promise.all([
      t.call('backup.create', {}, t.tokens.admin),
      t.call('backup.create', {}, t.tokens.admin)
    ])
    expect(first.name).not.toBe(second.name)
    expect([first.patients, second.patients]).toEqual([10, 10])
    const list = await t.call('backup.list', {}, t.tokens.admin)
    expect(list.map((b) => b.name)).toEqual([second.name, first.name])
  })

  it('reports a wrong key and a damaged copy in Russian and leaves no half-made file', async () => {
    const t = await demoCore(10)
    const { store } = await t.core.deps()
    const dir = tempDir()
    const wrongKey = { ...store.access, key: newDatabaseKey() }
    const notMade = await copyStoreInWorker(wrongKey, join(dir, 'copy.db')).catch((e: unknown) => e)
    expect(notMade).toBeInstanceOf(AppError)
    expect((notMade as AppError).message).toBe('Резервная копия не создана: не подходит ключ базы данных')
    expect(existsSync(join(dir, 'copy.db'))).toBe(false)

    const made = await t.call('backup.create', {}, t.tokens.admin)
    const file = join(t.dir, 'backups', made.name)
    const unreadable = await verifyCopyInWorker(wrongKey, file).catch((e: unknown) => e)
    expect((unreadable as AppError).message).toBe('Резервная копия не читается: не подходит ключ базы данных')

    // A page in the middle of the copy overwritten: it no longer decrypts into a b-tree page.
    const bytes = readFileSync(file)
    bytes.fill(0x5a, 4096 * 3, 4096 * 4)
    writeFileSync(file, bytes)
    const damaged = await t.fail('backup.restore', { name: made.name }, t.tokens.admin)
    expect(damaged.message).toMatch(/^Резервная копия (повреждена|не читается): /)
    // The store was left as it was.
    expect(store.sqlite.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(10)
  })

  it('drops a copy cut short by the app quitting and never lists it', async () => {
    const t = await demoCore(10)
    const first = await t.call('backup.create', {}, t.tokens.admin)
    const leftover = join(t.dir, 'backups', `${first.name}x.partial`)
    writeFileSync(leftover, 'half a copy')
    expect((await t.call('backup.list', {}, t.tokens.admin)).map((b) => b.name)).toEqual([first.name])
    t.clock.advance(1000)
    await t.call('backup.create', {}, t.tokens.admin)
    expect(existsSync(leftover)).toBe(false)
  })
})
