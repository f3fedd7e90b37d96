// Encryption at rest, proven on the bytes: a store full of demo patients, its WAL and its backups hold no readable
// surname and no SQLite header; a wrong key is refused with a message; a plain store from before is encrypted in
// place without losing a row.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCore } from '../../../src-main/core/app'
import {
  isPlainDatabaseFile,
  newDatabaseKey,
  openDatabaseFile,
  type DatabaseKey
} from '../../../src-main/core/db/cipher'
import { contentFingerprint, plainCopyPath } from '../../../src-main/core/db/encrypt-in-place'
import { demoCore, projectRoot, tempDir, testKey } from '../support/core'

const resourcesDir = join(projectRoot, 'resources')
const migrationsDir = join(projectRoot, 'drizzle')

function surnamesIn(file: string, key: DatabaseKey | 'unencrypted'): string[] {
  const db = openDatabaseFile(file, { key, readonly: true, fileMustExist: true })
  try {
    return db.prepare('SELECT DISTINCT last_name FROM patients').pluck().all() as string[]
  } finally {
    db.close()
  }
}

/** Which of the surnames, or the SQLite header, the raw bytes of the files give away (UTF-8 or UTF-16 either way). */
function readableIn(files: string[], surnames: string[]): string[] {
  const found: string[] = []
  for (const file of files.filter((f) => existsSync(f))) {
    const bytes = readFileSync(file)
    if (bytes.includes(Buffer.from('SQLite format 3', 'latin1'))) found.push(`${file}: SQLite header`)
    for (const name of surnames) {
      const le = Buffer.from(name, 'utf16le')
      const be = Buffer.from(le).swap16()
      for (const needle of [Buffer.from(name, 'utf8'), le, be]) {
        if (bytes.includes(needle)) found.push(`${file}: ${name}`)
      }
    }
  }
  return found
}

function openWith(dir: string, databaseKey: (() => DatabaseKey) | 'unencrypted') {
  return openCore({ dataDir: dir, resourcesDir, migrationsDir, databaseKey, passwordCost: 1024 })
}

describe('encryption at rest', () => {
  it('leaves no readable surname or SQLite header in the store or its WAL', async () => {
    const t = await demoCore(150)
    await t.call(
      'patients.create',
      { draft: { lastName: 'Шифровальщикова', firstName: 'Анна', sex: 'F', birthDate: '1980-02-03' } },
      t.tokens.registrar
    )
    const file = join(t.dir, 'registrar.db')
    const surnames = surnamesIn(file, testKey)
    expect(surnames.length).toBeGreaterThan(50)
    expect(surnames).toContain('Шифровальщикова')
    // While the core is open the latest commits sit in the WAL: both files are read as they are on disk.
    expect(existsSync(`${file}-wal`)).toBe(true)
    expect(readFileSync(`${file}-wal`).length).toBeGreaterThan(0)
    expect(readableIn([file, `${file}-wal`], surnames)).toEqual([])
    // The check itself can fail: the same surnames are found in a plain copy of the same rows.
    const plain = join(t.dir, 'plain.db')
    const source = openDatabaseFile(file, { key: testKey, readonly: true })
    const copy = openDatabaseFile(plain, { key: 'unencrypted' })
    copy.exec('CREATE TABLE patients (last_name TEXT)')
    const insert = copy.prepare('INSERT INTO patients VALUES (?)')
    for (const name of source.prepare('SELECT last_name FROM patients').pluck().all()) insert.run(name)
    source.close()
    copy.close()
    expect(readableIn([plain], surnames).length).toBeGreaterThan(surnames.length)
  })

  it('refuses a wrong key with a Russian message and crashes nothing', async () => {
    const t = await demoCore(20)
    t.core.close()
    const file = join(t.dir, 'registrar.db')
    expect(() => openDatabaseFile(file, { key: newDatabaseKey() })).toThrow(/Ключ базы данных не подходит/)
    for (const databaseKey of [newDatabaseKey, 'unencrypted'] as const) {
      const core = openWith(t.dir, databaseKey)
      const status = await core.dispatch('system.status', {}, null)
      expect(status).toEqual({
        ok: false,
        error: { code: 'DB_KEY_WRONG', message: expect.stringMatching(/^Ключ базы данных не подходит/) }
      })
      const signIn = await core.dispatch('auth.signIn', { login: 'admin', password: 'demo1234' }, null)
      expect(signIn.ok === false && signIn.error.code).toBe('DB_KEY_WRONG')
      core.close()
    }
    // The refused key changed nothing: the right one still opens every row.
    const again = openWith(t.dir, () => testKey)
    const status = await again.dispatch('system.status', {}, null)
    expect(status.ok && (status.value as { initialized: boolean }).initialized).toBe(true)
    again.close()
  })

  it('keeps backups encrypted with the same key, and they verify and restore', async () => {
    const t = await demoCore(40)
    const surnames = surnamesIn(join(t.dir, 'registrar.db'), testKey)
    const backup = await t.call('backup.create', {}, t.tokens.admin)
    expect(backup.patients).toBe(40)
    const backupFile = join(t.dir, 'backups', backup.name)
    expect(readableIn([backupFile], surnames)).toEqual([])
    expect(() => openDatabaseFile(backupFile, { key: newDatabaseKey(), readonly: true })).toThrow(
      /не подходит/
    )
    expect(surnamesIn(backupFile, testKey).sort()).toEqual([...surnames].sort())
    const restored = await t.call('backup.restore', { name: backup.name }, t.tokens.admin)
    expect(restored.patients).toBe(40)
    const file = join(t.dir, 'registrar.db')
    expect(isPlainDatabaseFile(file)).toBe(false)
    expect(readableIn([file, `${file}-wal`], surnames)).toEqual([])
    expect((await t.call('audit.verify', {}, t.tokens.auditor)).ok).toBe(true)
  })

  it('encrypts a plain store from before in place, WAL and all, without losing a row', async () => {
    const plainDir = tempDir()
    const before = openWith(plainDir, 'unencrypted')
    expect((await before.dispatch('system.setupDemo', { patients: 80 }, null)).ok).toBe(true)
    const deps = await before.deps()
    deps.store.sqlite.pragma('wal_autocheckpoint = 0')
    const signIn = await before.dispatch('auth.signIn', { login: 'registrar', password: 'demo1234' }, null)
    const token = signIn.ok ? (signIn.value as { token: string }).token : null
    const made = await before.dispatch(
      'patients.create',
      { draft: { lastName: 'Довременная', firstName: 'Ольга', sex: 'F', birthDate: '1971-05-06' } },
      token
    )
    expect(made.ok).toBe(true)
    // The desk as power loss leaves it: the last commits only in the WAL, copied while the store is open.
    const dir = tempDir()
    const file = join(dir, 'registrar.db')
    copyFileSync(join(plainDir, 'registrar.db'), file)
    copyFileSync(join(plainDir, 'registrar.db-wal'), `${file}-wal`)
    const expected = contentFingerprint(deps.store.sqlite)
    before.close()
    expect(isPlainDatabaseFile(file)).toBe(true)
    const surnames = surnamesIn(file, 'unencrypted')
    expect(surnames).toContain('Довременная')

    const key = newDatabaseKey()
    const after = openWith(dir, () => key)
    const afterDeps = await after.deps()
    expect(contentFingerprint(afterDeps.store.sqlite)).toEqual(expected)
    expect(afterDeps.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(existsSync(plainCopyPath(file))).toBe(false)
    const session = await after.dispatch('auth.signIn', { login: 'registrar', password: 'demo1234' }, null)
    const search = async (query: string) => {
      const found = await after.dispatch(
        'patients.search',
        { query },
        session.ok ? (session.value as { token: string }).token : null
      )
      return found.ok ? (found.value as { fullName: string }[]).map((p) => p.fullName) : found.error
    }
    expect(await search('Довременная')).toEqual(['Довременная Ольга'])
    // Part of a surname goes through the trigram index, which points at rowids: they survived the rekey.
    expect(await search('довремен')).toEqual(['Довременная Ольга'])
    const viaIndex = afterDeps.store.sqlite
      .prepare(
        `SELECT p.last_name FROM patients_fts f JOIN patients p ON p.rowid = f.rowid WHERE patients_fts MATCH '"времен"'`
      )
      .pluck()
      .all()
    expect(viaIndex).toEqual(['Довременная'])
    after.close()
    expect(readableIn([file, `${file}-wal`], surnames)).toEqual([])
    expect(() => openDatabaseFile(file, { key: 'unencrypted' })).toThrow(/не подходит/)
  })

  it('will not encrypt a plain store that another program still has open, and leaves it as it was', async () => {
    const dir = tempDir()
    const plain = openWith(dir, 'unencrypted')
    expect((await plain.dispatch('system.setupDemo', { patients: 10 }, null)).ok).toBe(true)
    const expected = contentFingerprint((await plain.deps()).store.sqlite)
    const refused = openWith(dir, () => testKey)
    const status = await refused.dispatch('system.status', {}, null)
    expect(status.ok === false && status.error).toEqual({
      code: 'DB_ENCRYPTION_FAILED',
      message: expect.stringMatching(/открыта другой программой/)
    })
    refused.close()
    expect(contentFingerprint((await plain.deps()).store.sqlite)).toEqual(expected)
    plain.close()
    expect(isPlainDatabaseFile(join(dir, 'registrar.db'))).toBe(true)
    expect(existsSync(plainCopyPath(join(dir, 'registrar.db')))).toBe(false)
  })

  it('after a cut-off encryption, drops a leftover plain copy once the store opens with the key', async () => {
    const t = await demoCore(10)
    t.core.close()
    const file = join(t.dir, 'registrar.db')
    writeFileSync(plainCopyPath(file), 'leftover plain copy')
    const core = openWith(t.dir, () => testKey)
    expect((await core.dispatch('system.status', {}, null)).ok).toBe(true)
    expect(existsSync(plainCopyPath(file))).toBe(false)
    core.close()
  })
})
