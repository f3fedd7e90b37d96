import { describe, expect, it } from 'vitest'
import type { PatientDraftInput } from '../../../src-main/contract/schemas'
import { generateEnp, generateSnils } from '../../../src-main/contract/identifiers'
import { demoCore } from '../support/core'

const snils = generateSnils('987654321')
const enp = generateEnp('770000000000123')

function draft(overrides: Partial<PatientDraftInput> = {}): PatientDraftInput {
  return {
    lastName: 'Ёлкин',
    firstName: 'Пётр',
    middleName: 'Семёнович',
    sex: 'M',
    birthDate: '1979-04-12',
    snils,
    enp,
    docKind: 'passport',
    docSeries: '45 06',
    docNumber: '123456',
    ...overrides
  }
}

describe('patients', () => {
  it('finds Ёлкин by "елкин", by a 3-letter fragment, by СНИЛС with and without dashes, by ЕНП and passport', async () => {
    const t = await demoCore(60)
    const token = t.tokens.registrar
    const p = await t.call('patients.create', { draft: draft() }, token)
    const ids = async (query: string) => (await t.call('patients.search', { query }, token)).map((r) => r.id)
    expect(await ids('елкин')).toContain(p.id)
    expect(await ids('ЕЛКИН петр')).toContain(p.id)
    expect(await ids('лки')).toContain(p.id)
    expect(await ids('ёлк')).toContain(p.id)
    const dashed = `${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}`
    expect(await ids(dashed)).toEqual([p.id])
    expect(await ids(snils)).toEqual([p.id])
    expect(await ids(enp)).toEqual([p.id])
    expect(await ids('4506 123456')).toEqual([p.id])
    expect(await ids('елкин 12.04.1979')).toEqual([p.id])
  })

  it('finds a surname with one typo and marks the match as fuzzy', async () => {
    const t = await demoCore(60)
    const token = t.tokens.registrar
    const p = await t.call(
      'patients.create',
      { draft: draft({ lastName: 'Колесникова', firstName: 'Анна', sex: 'F', snils: '', enp: '' }) },
      token
    )
    const found = await t.call('patients.search', { query: 'Калесникова анна' }, token)
    expect(found.find((r) => r.id === p.id)?.matchedBy).toBe('name_fuzzy')
    const swapped = await t.call('patients.search', { query: 'Колесинкова' }, token)
    expect(swapped.map((r) => r.id)).toContain(p.id)
  })

  it('treats search input as text, never as query syntax', async () => {
    const t = await demoCore(20)
    for (const query of ['"', 'ив" OR "а', '*', 'NEAR(ив)', "'; DROP TABLE patients; --", '(((', '\u0000']) {
      expect(await t.call('patients.search', { query }, t.tokens.registrar)).toBeInstanceOf(Array)
    }
  })

  it('refuses a wrong СНИЛС with a clear message', async () => {
    const t = await demoCore(10)
    const bad = snils.slice(0, 9) + String((Number(snils.slice(9)) + 1) % 100).padStart(2, '0')
    const error = await t.fail('patients.create', { draft: draft({ snils: bad }) }, t.tokens.registrar)
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toMatch(/СНИЛС/)
    expect(error.message).toMatch(/контрольн/)
  })

  it('refuses a future birth date and a surname with digits', async () => {
    const t = await demoCore(10)
    expect(
      (await t.fail('patients.create', { draft: draft({ birthDate: '2030-01-01' }) }, t.tokens.registrar))
        .message
    ).toMatch(/будущем/)
    expect(
      (await t.fail('patients.create', { draft: draft({ lastName: 'Ив4нов' }) }, t.tokens.registrar)).message
    ).toMatch(/Фамилия/)
  })

  it('warns of a same-name-and-birth-date duplicate, creates it when confirmed, and merges without deleting', async () => {
    const t = await demoCore(10)
    const token = t.tokens.registrar
    const first = await t.call('patients.create', { draft: draft() }, token)
    const second = draft({ snils: '', enp: '', phone: '+7 900 000-00-00' })
    const dupes = await t.call('patients.findDuplicates', { draft: second }, token)
    expect(dupes).toEqual([
      expect.objectContaining({
        reason: 'same_name_and_birth_date',
        patient: expect.objectContaining({ id: first.id })
      })
    ])
    const warned = await t.fail('patients.create', { draft: second }, token)
    expect(warned.code).toBe('DUPLICATE_PATIENT')
    expect(warned.message).toMatch(/Похожий пациент/)
    const copy = await t.call('patients.create', { draft: second, confirmDuplicate: true }, token)
    expect((await t.fail('patients.merge', { sourceId: copy.id, targetId: first.id }, token)).code).toBe(
      'FORBIDDEN'
    )
    const merged = await t.call('patients.merge', { sourceId: copy.id, targetId: first.id }, t.tokens.senior)
    expect(merged.phone).toBe('+7 900 000-00-00')
    const found = await t.call('patients.search', { query: 'елкин петр' }, token)
    expect(found.map((r) => r.id)).toEqual([first.id])
    const viaCopy = await t.call('patients.get', { id: copy.id }, token)
    expect(viaCopy.patient.id).toBe(first.id)
    expect(viaCopy.mergedFrom.map((m) => m.id)).toEqual([copy.id])
    const deps = await t.core.deps()
    expect(
      deps.store.sqlite.prepare('SELECT merged_into FROM patients WHERE id = ?').pluck().get(copy.id)
    ).toBe(first.id)
  })

  it('refuses a second patient with the same СНИЛС even when confirmed', async () => {
    const t = await demoCore(10)
    await t.call('patients.create', { draft: draft() }, t.tokens.registrar)
    const error = await t.fail(
      'patients.create',
      { draft: draft({ lastName: 'Другой', enp: '' }), confirmDuplicate: true },
      t.tokens.registrar
    )
    expect(error.code).toBe('DUPLICATE_PATIENT')
    expect(error.message).toMatch(/СНИЛС/)
  })

  it('guards edits with the version and records only changed fields in the outbox', async () => {
    const t = await demoCore(10)
    const token = t.tokens.registrar
    const p = await t.call('patients.create', { draft: draft() }, token)
    const edited = await t.call(
      'patients.update',
      { id: p.id, version: p.version, draft: draft({ phone: '+7 911 111-11-11' }) },
      token
    )
    expect(edited.version).toBe(2)
    expect(
      (await t.fail('patients.update', { id: p.id, version: 1, draft: draft({ phone: '1' }) }, token)).code
    ).toBe('CONFLICT')
    const deps = await t.core.deps()
    const rows = deps.store.sqlite
      .prepare(
        "SELECT op, fields, base_version FROM outbox WHERE entity = 'patient' AND entity_id = ? ORDER BY device_seq"
      )
      .all(p.id) as { op: string; fields: string; base_version: number }[]
    expect(rows.map((r) => r.op)).toEqual(['insert', 'update'])
    expect(JSON.parse(rows[1].fields)).toEqual({ phone: '+7 911 111-11-11' })
    expect(rows[1].base_version).toBe(1)
  })

  it('audits every read of a card', async () => {
    const t = await demoCore(10)
    const p = await t.call('patients.create', { draft: draft() }, t.tokens.registrar)
    await t.call('patients.get', { id: p.id }, t.tokens.registrar)
    await t.call('patients.get', { id: p.id }, t.tokens.auditor)
    const trail = await t.call('audit.forPatient', { patientId: p.id }, t.tokens.senior)
    expect(trail.filter((e) => e.action === 'patient.read').map((e) => e.userName)).toEqual([
      'Волкова Елена Игоревна',
      'Смирнова Ольга Викторовна'
    ])
  })
})
