import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabaseFile } from '../../../src-main/core/db/cipher'
import { openStore } from '../../../src-main/core/db/open'
import { projectRoot, tempDir, testKey } from '../support/core'

const migrationsDir = join(projectRoot, 'drizzle')

describe('local store', () => {
  it('opens with WAL, foreign keys, full sync and a busy timeout', () => {
    const store = openStore({ file: join(tempDir(), 'a.db'), migrationsDir, key: testKey })
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    store.close()
  })

  it('applies migrations once: opening again changes nothing', () => {
    const file = join(tempDir(), 'b.db')
    openStore({ file, migrationsDir, key: testKey }).close()
    const schemaOf = () => {
      const db = openDatabaseFile(file, { key: testKey, readonly: true })
      const rows = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()
      const applied = db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()
      db.close()
      return { rows, applied }
    }
    const first = schemaOf()
    openStore({ file, migrationsDir, key: testKey }).close()
    openStore({ file, migrationsDir, key: testKey }).close()
    expect(schemaOf()).toEqual(first)
    const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[]
    }
    expect(first.applied).toEqual({ n: journal.entries.length })
  })

  it('keeps the trigram index and the surname table in step with patients', () => {
    const store = openStore({ file: join(tempDir(), 'c.db'), migrationsDir, key: testKey })
    const insert = store.sqlite.prepare(
      `INSERT INTO patients (id, last_name, first_name, sex, birth_date, search_text, created_at, updated_at) VALUES (?, ?, ?, 'M', '1990-01-01', ?, 'x', 'x')`
    )
    insert.run('a', 'Ёлкин', 'Иван', 'елкин иван')
    insert.run('b', 'Ёлкин', 'Пётр', 'елкин петр')
    const match = (q: string) =>
      store.sqlite.prepare('SELECT rowid FROM patients_fts WHERE patients_fts MATCH ?').all(q).length
    expect(match('"лки"')).toBe(2)
    expect(store.sqlite.prepare("SELECT n FROM patient_surnames WHERE surname = 'елкин'").pluck().get()).toBe(
      2
    )
    store.sqlite
      .prepare("UPDATE patients SET search_text = 'палкин петр', last_name = 'Палкин' WHERE id = 'b'")
      .run()
    expect(match('"палк"')).toBe(1)
    expect(match('"елкин"')).toBe(1)
    expect(store.sqlite.prepare('SELECT surname, n FROM patient_surnames ORDER BY surname').all()).toEqual([
      { surname: 'елкин', n: 1 },
      { surname: 'палкин', n: 1 }
    ])
    expect(() => store.sqlite.prepare("DELETE FROM patients WHERE id = 'a'").run()).toThrow(
      /merged, never deleted/
    )
    store.close()
  })

  it('loses no committed change when the process stops without closing', () => {
    const file = join(tempDir(), 'd.db')
    const store = openStore({ file, migrationsDir, key: testKey })
    store.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run()
    // No close(): the WAL holds the commit and the next open replays it.
    const again = openDatabaseFile(file, { key: testKey, readonly: true })
    expect(again.prepare("SELECT value FROM settings WHERE key = 'k'").pluck().get()).toBe('1')
    again.close()
    store.close()
  })
})
