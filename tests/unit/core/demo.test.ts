import { describe, expect, it } from 'vitest'
import { checkEnp, checkSnils } from '../../../src-main/contract/identifiers'
import { demoCore } from '../support/core'

function fingerprint(db: import('better-sqlite3-multiple-ciphers').Database) {
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

  it('is loaded in bulk and left as the app expects: keys, search index, triggers and store settings', async () => {
    const t = await demoCore(300)
    const db = (await t.core.deps()).store.sqlite
    // The load runs without foreign-key checks and rebuilds the search data at the end: both must hold afterwards.
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([])
    expect(() => db.exec(`INSERT INTO patients_fts(patients_fts) VALUES ('integrity-check')`)).not.toThrow()
    const surnames = db
      .prepare(
        `SELECT substr(search_text, 1, instr(search_text || ' ', ' ') - 1) AS surname, count(*) AS n
           FROM patients GROUP BY 1 ORDER BY 1`
      )
      .all()
    expect(db.prepare('SELECT surname, n FROM patient_surnames WHERE n > 0 ORDER BY surname').all()).toEqual(
      surnames
    )
    const objects = db
      .prepare(`SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = 'patients'`)
      .pluck()
      .all()
    expect(objects).toEqual(
      expect.arrayContaining([
        'patients_fts_ai',
        'patient_surnames_ai',
        'patients_name_birth_ix',
        'patients_snils_ix'
      ])
    )
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    // Triggers are back: a card made after the load is found by name at once.
    const p = await t.call(
      'patients.create',
      {
        draft: {
          lastName: 'Ёжикова',
          firstName: 'Ия',
          middleName: 'Петровна',
          sex: 'F',
          birthDate: '1990-01-01',
          snils: '',
          enp: '',
          docKind: 'passport',
          docSeries: '4501',
          docNumber: '000001'
        }
      },
      t.tokens.registrar
    )
    const found = await t.call('patients.search', { query: 'ежикова' }, t.tokens.registrar)
    expect(found.map((r) => r.id)).toContain(p.id)
  })

  it('gives patients about five visits and two ЭМД each, with some surnames from the long tail', async () => {
    const t = await demoCore(400)
    const db = (await t.core.deps()).store.sqlite
    const perPatient = (table: string) =>
      (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) / 400
    expect(perPatient('visits')).toBeGreaterThan(4)
    expect(perPatient('visits')).toBeLessThan(6)
    expect(perPatient('medical_documents')).toBeGreaterThan(1.5)
    expect(perPatient('medical_documents')).toBeLessThan(2.5)
    // Half the surnames are drawn from a generated tail: hundreds of distinct ones even in a small clinic.
    expect(db.prepare('SELECT count(*) FROM patient_surnames').pluck().get()).toBeGreaterThan(200)
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
