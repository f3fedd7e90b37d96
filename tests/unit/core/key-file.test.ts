// Where the desk's key is kept: an owner-only key file for the browser host, an OS-wrapped key for Electron.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { openCore } from '../../../src-main/core/app'
import { newDatabaseKey } from '../../../src-main/core/db/cipher'
import {
  dataFolderKey,
  keyFileRefusal,
  loadOrCreateKeyFile,
  loadOrCreateWrappedKey,
  type OsKeyStore
} from '../../../src-main/core/db/key-file'
import { projectRoot, tempDir } from '../support/core'

const posix = process.platform !== 'win32'

/** An OS key store as safeStorage behaves: AES-GCM under a secret of the signed-in account. */
function accountKeyStore(secret = randomBytes(32), available = true): OsKeyStore {
  return {
    isEncryptionAvailable: () => available,
    encryptString(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', secret, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    decryptString(wrapped) {
      const decipher = createDecipheriv('aes-256-gcm', secret, wrapped.subarray(0, 12))
      decipher.setAuthTag(wrapped.subarray(12, 28))
      return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]).toString('utf8')
    }
  }
}

describe('the browser host key file', () => {
  it('is made on first run, readable by the owner only, and read back the same', () => {
    const dir = tempDir()
    const keyFile = join(dir, 'keys', 'registrar.key')
    const key = loadOrCreateKeyFile(keyFile, join(dir, 'registrar.db'))
    expect(key).toMatch(/^[0-9a-f]{64}$/)
    if (posix) expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    expect(loadOrCreateKeyFile(keyFile, join(dir, 'registrar.db'))).toBe(key)
    expect(existsSync(`${keyFile}.new`)).toBe(false)
  })

  it.skipIf(!posix)('refuses a key file others can read, saying how to fix it', () => {
    const dir = tempDir()
    const keyFile = join(dir, 'registrar.key')
    writeFileSync(keyFile, `${newDatabaseKey()}\n`, { mode: 0o644 })
    chmodSync(keyFile, 0o644)
    expect(() => loadOrCreateKeyFile(keyFile, join(dir, 'registrar.db'))).toThrow(
      /доступен не только владельцу \(права 0644\).*chmod 600/
    )
    chmodSync(keyFile, 0o640)
    expect(keyFileRefusal(keyFile)).toMatch(/0640/)
    chmodSync(keyFile, 0o600)
    expect(keyFileRefusal(keyFile)).toBeNull()
    expect(keyFileRefusal(keyFile, { platform: 'linux', uid: statSync(keyFile).uid + 1 })).toMatch(
      /другому пользователю/
    )
    mkdirSync(join(dir, 'folder.key'))
    expect(keyFileRefusal(join(dir, 'folder.key'))).toMatch(/не является обычным файлом/)
  })

  it('refuses a damaged key file, and will not make a new key for a store that is already encrypted', async () => {
    const dir = tempDir()
    const keyFile = join(dir, 'registrar.key')
    writeFileSync(keyFile, 'not a key', { mode: 0o600 })
    expect(() => loadOrCreateKeyFile(keyFile, join(dir, 'registrar.db'))).toThrow(/повреждён/)

    const desk = tempDir()
    const core = openCore({
      dataDir: desk,
      resourcesDir: join(projectRoot, 'resources'),
      migrationsDir: join(projectRoot, 'drizzle'),
      databaseKey: dataFolderKey(desk),
      scheduleBackups: false
    })
    expect((await core.dispatch('system.status', {}, null)).ok).toBe(true)
    core.close()
    expect(() => loadOrCreateKeyFile(join(desk, 'elsewhere.key'), join(desk, 'registrar.db'))).toThrow(
      /не найден, а база данных уже зашифрована/
    )
    expect(existsSync(join(desk, 'elsewhere.key'))).toBe(false)
  })

  it.skipIf(!posix)('reaches the registrar as {code, message} when the host cannot use its key', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'registrar.key'), `${newDatabaseKey()}\n`)
    chmodSync(join(dir, 'registrar.key'), 0o604)
    const core = openCore({
      dataDir: dir,
      resourcesDir: join(projectRoot, 'resources'),
      migrationsDir: join(projectRoot, 'drizzle'),
      databaseKey: dataFolderKey(dir),
      scheduleBackups: false
    })
    const status = await core.dispatch('system.status', {}, null)
    expect(status).toEqual({
      ok: false,
      error: { code: 'DB_KEY_UNAVAILABLE', message: expect.stringMatching(/chmod 600/) }
    })
    // Put right, the same core opens the store at the next command once the retry interval has passed.
    chmodSync(join(dir, 'registrar.key'), 0o600)
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + 2500)
      const opened = await core.dispatch('system.status', {}, null)
      expect(opened.ok && (opened.value as { initialized: boolean }).initialized).toBe(false)
    } finally {
      vi.useRealTimers()
      core.close()
    }
  })
})

describe('the Electron key wrapped by the OS key store', () => {
  it('is made once, kept only wrapped, and unwrapped the same by the same account', () => {
    const dir = tempDir()
    const wrapped = join(dir, 'registrar.key.wrapped')
    const account = accountKeyStore()
    const key = loadOrCreateWrappedKey(wrapped, join(dir, 'registrar.db'), account)
    expect(key).toMatch(/^[0-9a-f]{64}$/)
    expect(readFileSync(wrapped).includes(Buffer.from(key))).toBe(false)
    if (posix) expect(statSync(wrapped).mode & 0o777).toBe(0o600)
    expect(loadOrCreateWrappedKey(wrapped, join(dir, 'registrar.db'), account)).toBe(key)
  })

  it('another account cannot unwrap it, and without an OS key store no key is made', () => {
    const dir = tempDir()
    const wrapped = join(dir, 'registrar.key.wrapped')
    loadOrCreateWrappedKey(wrapped, join(dir, 'registrar.db'), accountKeyStore())
    expect(() => loadOrCreateWrappedKey(wrapped, join(dir, 'registrar.db'), accountKeyStore())).toThrow(
      /не расшифровывается хранилищем ключей этой учётной записи/
    )
    const fresh = tempDir()
    expect(() =>
      loadOrCreateWrappedKey(
        join(fresh, 'registrar.key.wrapped'),
        join(fresh, 'registrar.db'),
        accountKeyStore(randomBytes(32), false)
      )
    ).toThrow(/Хранилище ключей операционной системы недоступно/)
    expect(existsSync(join(fresh, 'registrar.key.wrapped'))).toBe(false)
  })
})
