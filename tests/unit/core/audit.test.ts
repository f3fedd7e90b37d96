import type Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { demoCore } from '../support/core'

// Tampering is done the way an intruder with the file would: straight SQL, after dropping the guard triggers.
function unguard(db: Database.Database) {
  db.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;')
}

async function coreWithEvents() {
  const t = await demoCore(10)
  for (const q of ['ива', 'пет', 'сми']) await t.call('patients.search', { query: q }, t.tokens.registrar)
  const found = await t.call('patients.search', { query: 'ова' }, t.tokens.registrar)
  for (const p of found.slice(0, 4)) await t.call('patients.get', { id: p.id }, t.tokens.registrar)
  const deps = await t.core.deps()
  return { t, db: deps.store.sqlite }
}

describe('audit hash chain', () => {
  it('verifies an untouched journal', async () => {
    const { t } = await coreWithEvents()
    const result = await t.call('audit.verify', {}, t.tokens.auditor)
    expect(result.ok).toBe(true)
    expect(result.checked).toBeGreaterThan(8)
  })

  it('refuses edits and deletes through the store itself', async () => {
    const { db } = await coreWithEvents()
    expect(() => db.exec("UPDATE audit_events SET action = 'x' WHERE seq = 2")).toThrow(/append-only/)
    expect(() => db.exec('DELETE FROM audit_events WHERE seq = 2')).toThrow(/append-only/)
  })

  it('detects an edited event', async () => {
    const { t, db } = await coreWithEvents()
    unguard(db)
    db.exec('UPDATE audit_events SET details = \'{"login":"someone-else"}\' WHERE seq = 3')
    const result = await t.call('audit.verify', {}, t.tokens.auditor)
    expect(result.ok).toBe(false)
    expect(result.problems).toContainEqual({
      seq: 3,
      kind: 'edited',
      message: 'Событие №3 изменено после записи'
    })
  })

  it('detects a deleted event', async () => {
    const { t, db } = await coreWithEvents()
    unguard(db)
    db.exec('DELETE FROM audit_events WHERE seq = 4')
    const result = await t.call('audit.verify', {}, t.tokens.auditor)
    expect(result.problems).toEqual([expect.objectContaining({ seq: 5, kind: 'missing' })])
  })

  it('detects reordered events', async () => {
    const { t, db } = await coreWithEvents()
    unguard(db)
    // Swap the row numbers of events 3 and 4: each keeps its own valid hash, the links break.
    db.exec(
      'UPDATE audit_events SET seq = -3 WHERE seq = 3; UPDATE audit_events SET seq = 3 WHERE seq = 4; UPDATE audit_events SET seq = 4 WHERE seq = -3;'
    )
    const result = await t.call('audit.verify', {}, t.tokens.auditor)
    expect(result.ok).toBe(false)
    expect(result.problems.map((p) => p.kind)).toContain('reordered')
    expect(result.problems.map((p) => p.kind)).not.toContain('edited')
  })

  it('detects events cut off the end of the journal', async () => {
    const { t, db } = await coreWithEvents()
    const before = (await t.call('audit.verify', {}, t.tokens.auditor)).checked
    unguard(db)
    // audit.verify itself is not audited, so the last event is still the last card read.
    db.exec('DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)')
    const result = await t.call('audit.verify', {}, t.tokens.auditor)
    expect(result.checked).toBe(before - 1)
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'truncated', seq: before })])
  })
})
