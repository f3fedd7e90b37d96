import { describe, expect, it } from 'vitest'
import { checkEnp, checkSnils } from '../../../src-main/contract/identifiers'
import { demoCore } from '../support/core'

function fingerprint(db: import('better-sqlite3').Database) {
  return db
    .prepare('SELECT last_name, first_name, middle_name, birth_date, snils, enp FROM patients ORDER BY snils')
    .all()
}

describe('demo clinic', () => {
  it('is deterministic and realistic: valid identifiers, parents for children, every request status', async () => {
    const a = await demoCore(300)
    const b = await demoCore(300)
    const db = (await a.core.deps()).store.sqlite
    expect(fingerprint(db)).toEqual(fingerprint((await b.core.deps()).store.sqlite))
    const people = db.prepare('SELECT snils, enp, birth_date, middle_name FROM patients').all() as Record<
      string,
      string
    >[]
    expect(people).toHaveLength(300)
    for (const p of people) {
      expect(checkSnils(p.snils).ok).toBe(true)
      expect(checkEnp(p.enp).ok).toBe(true)
      expect(p.middle_name).toMatch(/(вич|вна|ична|ич)$/)
    }
    const orphans = db
      .prepare(
        "SELECT count(*) FROM patients p WHERE p.birth_date > '2011-11-20' AND NOT EXISTS (SELECT 1 FROM representatives r WHERE r.patient_id = p.id)"
      )
      .pluck()
      .get()
    expect(orphans).toBe(0)
    const statuses = db.prepare('SELECT DISTINCT status FROM extract_requests').pluck().all()
    expect(new Set(statuses)).toEqual(
      new Set(['accepted', 'processing', 'approved', 'ready', 'issued', 'refused', 'cancelled'])
    )
    expect(db.prepare('SELECT count(*) FROM document_signatures').pluck().get()).toBeGreaterThan(50)
    expect(db.prepare('SELECT count(*) FROM complaints').pluck().get()).toBeGreaterThan(3)
    expect(
      db.prepare('SELECT count(DISTINCT d.kind_code) FROM medical_documents d').pluck().get()
    ).toBeGreaterThanOrEqual(8)
  })

  it('hands out request numbers after the demo’s own', async () => {
    const t = await demoCore(100)
    const p = (await t.call('patients.search', { query: 'ова', limit: 100 }, t.tokens.registrar)).find(
      (x) => x.birthDate < '2000-01-01'
    )!
    const r = await t.call(
      'requests.create',
      {
        patientId: p.id,
        applicantKind: 'self',
        channel: 'in_person',
        kind: 'brief',
        periodFrom: '2025-01-01',
        periodTo: '2026-11-20',
        purpose: 'для работы',
        delivery: 'in_person'
      },
      t.tokens.registrar
    )
    expect(r.number).toMatch(/^В-2026-01-\d{6}$/)
  })

  it('offers setup only once', async () => {
    const t = await demoCore(10)
    expect((await t.fail('system.setupDemo', {})).code).toBe('ALREADY_INITIALIZED')
  })
})
