import { describe, expect, it } from 'vitest'
import {
  addYears,
  assessAuthority,
  type RepresentativeFacts
} from '../../../src-main/core/representatives/authority'

const today = '2026-11-20'
const parent: RepresentativeFacts = {
  fullName: 'Мать',
  relation: 'parent',
  authorityDocument: null,
  poaNumber: null,
  poaDate: null,
  poaValidUntil: null
}
const proxy = (poaDate: string | null, poaValidUntil: string | null): RepresentativeFacts => ({
  ...parent,
  relation: 'proxy',
  poaNumber: '1',
  poaDate,
  poaValidUntil
})

describe('who may act for a patient', () => {
  it('lets a patient act alone from the fifteenth birthday', () => {
    expect(assessAuthority('2011-11-21', null, today).ok).toBe(false)
    expect(assessAuthority('2011-11-20', null, today).ok).toBe(true)
  })

  it('lets a parent act until the child is 15, not after', () => {
    expect(assessAuthority('2011-11-21', parent, today).ok).toBe(true)
    const older = assessAuthority('2011-11-20', parent, today)
    expect(older.ok).toBe(false)
    expect(older.message).toMatch(/доверенность/)
  })

  it('needs the guardianship document for a guardian', () => {
    expect(assessAuthority('1950-01-01', { ...parent, relation: 'guardian' }, today).ok).toBe(false)
    expect(
      assessAuthority(
        '1950-01-01',
        { ...parent, relation: 'guardian', authorityDocument: 'распоряжение № 5' },
        today
      ).ok
    ).toBe(true)
  })

  it('checks the power of attorney dates, with one year when no term is written', () => {
    expect(assessAuthority('1950-01-01', proxy('2026-01-01', '2026-11-20'), today).ok).toBe(true)
    expect(assessAuthority('1950-01-01', proxy('2026-01-01', '2026-11-19'), today).ok).toBe(false)
    expect(assessAuthority('1950-01-01', proxy('2025-11-20', null), today).ok).toBe(true)
    expect(assessAuthority('1950-01-01', proxy('2025-11-19', null), today).message).toBe(
      'Срок доверенности № 1 истёк 19.11.2026'
    )
    expect(assessAuthority('1950-01-01', proxy('2026-12-01', null), today).ok).toBe(false)
    expect(assessAuthority('1950-01-01', proxy(null, null), today).ok).toBe(false)
  })

  it('adds years to 29 February as 28 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28')
  })
})
