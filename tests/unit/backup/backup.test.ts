import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupName, backupsToPrune } from '../../../src-main/core/backup/backup-service'
import { demoCore } from '../support/core'

describe('backups', () => {
  it('names backups by time without collisions and keeps the newest', () => {
    const at = new Date('2026-11-20T06:30:05.123Z')
    expect(backupName(at, () => false)).toBe('registrar-20261120T063005Z.db')
    expect(backupName(at, (n) => n === 'registrar-20261120T063005Z.db')).toBe(
      'registrar-20261120T063005Z-2.db'
    )
    const names = [
      'registrar-20261118T000000Z.db',
      'registrar-20261120T000000Z.db',
      'registrar-20261119T000000Z.db',
      'notes.txt'
    ]
    expect(backupsToPrune(names, 2)).toEqual(['registrar-20261118T000000Z.db'])
  })

  it('makes a verified online backup, keeps a bounded number, and restores it', async () => {
    const t = await demoCore(40)
    const admin = t.tokens.admin
    const first = await t.call('backup.create', {}, admin)
    expect(first.patients).toBe(40)
    const p = await t.call(
      'patients.create',
      { draft: { lastName: 'Послебэкапов', firstName: 'Олег', sex: 'M', birthDate: '1990-01-01' } },
      t.tokens.registrar
    )
    t.clock.advance(1000)
    const restored = await t.call('backup.restore', { name: first.name }, admin)
    expect(restored.patients).toBe(40)
    expect(await t.call('patients.search', { query: 'послебэкапов' }, t.tokens.registrar)).toEqual([])
    const list = await t.call('backup.list', {}, admin)
    // The restore first saved the state it replaced: the patient made after the first backup is there.
    expect(list.length).toBe(2)
    const audit = await t.call('audit.verify', {}, t.tokens.auditor)
    expect(audit.ok).toBe(true)
    void p
  })

  it('refuses to restore a damaged copy and only the administrator may restore', async () => {
    const t = await demoCore(10)
    const name = 'registrar-20260101T000000Z.db'
    mkdirSync(join(t.dir, 'backups'), { recursive: true })
    writeFileSync(join(t.dir, 'backups', name), 'not a database')
    expect((await t.fail('backup.restore', { name }, t.tokens.admin)).message).toMatch(/Резервная копия/)
    expect((await t.fail('backup.restore', { name }, t.tokens.senior)).code).toBe('FORBIDDEN')
    expect((await t.fail('backup.restore', { name: '../registrar.db' }, t.tokens.admin)).code).toBe(
      'VALIDATION'
    )
    expect(existsSync(join(t.dir, 'registrar.db'))).toBe(true)
  })
})

describe('backup schedule', () => {
  it('is due when there is none, or the newest is older than the interval; 0 turns it off', async () => {
    const { backupDue } = await import('../../../src-main/core/backup/backup-service')
    const now = new Date('2026-11-20T12:00:00Z')
    expect(backupDue(null, now, 4)).toBe(true)
    expect(backupDue('2026-11-20T08:00:01Z', now, 4)).toBe(false)
    expect(backupDue('2026-11-20T08:00:00Z', now, 4)).toBe(true)
    expect(backupDue(null, now, 0)).toBe(false)
  })
})
