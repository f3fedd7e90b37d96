import { describe, expect, it } from 'vitest'
import {
  SNILS_UNCHECKED_MAX,
  checkEnp,
  checkInn,
  checkOgrn,
  checkSnils,
  classifyIdentifier,
  formatSnils,
  generateEnp,
  generateInn,
  generateOgrn,
  generateSnils,
  normalizeSnils,
  type IdentifierCheck
} from '../../../src-main/contract/identifiers'

// Only to prove that a hand-made vector sits on the boundary it claims; the expected check numbers below are
// written out by hand, not computed with this.
function snilsWeightedSum(nine: string): number {
  return [...nine].reduce((sum, d, i) => sum + Number(d) * (9 - i), 0)
}

function codeOf(check: IdentifierCheck): string {
  return check.ok ? 'OK' : check.code
}

// Change one digit at a position (wraps 9 → 0) so that a valid number becomes a corrupted one.
function corrupt(digits: string, position: number): string {
  const d = (Number(digits[position]) + 1) % 10
  return digits.slice(0, position) + d + digits.slice(position + 1)
}

describe('СНИЛС', () => {
  it('accepts the classic example 112-233-445 95 in any formatting', () => {
    for (const input of [
      '112-233-445 95',
      '11223344595',
      '112 233 445 95',
      '112-233-445-95',
      ' 112–233–445 95 '
    ]) {
      expect(checkSnils(input)).toEqual({ ok: true, value: '11223344595' })
    }
  })

  it('rejects a wrong check number with a message a registrar understands', () => {
    const result = checkSnils('112-233-445 96')
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.code).toBe('CHECKSUM')
      expect(result.message).toMatch(/^СНИЛС: неверное контрольное число/)
    }
  })

  it('rejects every single-digit corruption of the payload', () => {
    for (let i = 0; i < 9; i++) expect(codeOf(checkSnils(corrupt('11223344595', i)))).toBe('CHECKSUM')
  })

  it('rejects two swapped neighbouring digits', () => {
    expect(codeOf(checkSnils('121-233-445 95'))).toBe('CHECKSUM')
  })

  it('uses S itself when S < 100', () => {
    expect(snilsWeightedSum('920000010')).toBe(99)
    expect(codeOf(checkSnils('920-000-010 99'))).toBe('OK')
    expect(codeOf(checkSnils('920-000-010 00'))).toBe('CHECKSUM')
  })

  it('uses 00 when S is 100 or 101', () => {
    expect(snilsWeightedSum('920000100')).toBe(100)
    expect(snilsWeightedSum('920000101')).toBe(101)
    expect(codeOf(checkSnils('920-000-100 00'))).toBe('OK')
    expect(codeOf(checkSnils('920-000-101 00'))).toBe('OK')
    expect(codeOf(checkSnils('920-000-100 100'))).toBe('FORMAT')
    expect(codeOf(checkSnils('920-000-101 01'))).toBe('CHECKSUM')
  })

  it('uses S mod 101 when S > 101', () => {
    expect(snilsWeightedSum('920000102')).toBe(102)
    expect(codeOf(checkSnils('920-000-102 01'))).toBe('OK')
    expect(codeOf(checkSnils('920-000-102 02'))).toBe('CHECKSUM')
    expect(snilsWeightedSum('996000202')).toBe(203)
    expect(codeOf(checkSnils('996-000-202 01'))).toBe('OK')
  })

  it('turns a remainder of 100 into 00 (S = 201) and a remainder of 0 into 00 (S = 202)', () => {
    expect(snilsWeightedSum('996000200')).toBe(201)
    expect(codeOf(checkSnils('996-000-200 00'))).toBe('OK')
    expect(snilsWeightedSum('996000201')).toBe(202)
    expect(codeOf(checkSnils('996-000-201 00'))).toBe('OK')
  })

  it('accepts any check number up to 001-001-998 and checks from 001-001-999 on', () => {
    expect(SNILS_UNCHECKED_MAX).toBe(1001998)
    for (const check of ['00', '17', '99']) {
      expect(codeOf(checkSnils(`001-001-998 ${check}`))).toBe('OK')
      expect(codeOf(checkSnils(`000-000-001 ${check}`))).toBe('OK')
    }
    expect(snilsWeightedSum('001001999')).toBe(65)
    expect(codeOf(checkSnils('001-001-999 65'))).toBe('OK')
    expect(codeOf(checkSnils('001-001-999 00'))).toBe('CHECKSUM')
  })

  it('tells empty input from malformed input', () => {
    expect(codeOf(checkSnils(''))).toBe('EMPTY')
    expect(codeOf(checkSnils('  - '))).toBe('EMPTY')
    expect(codeOf(checkSnils('112-233-445'))).toBe('FORMAT')
    expect(codeOf(checkSnils('112-233-445 955'))).toBe('FORMAT')
    expect(codeOf(checkSnils('112-233-445 9О'))).toBe('FORMAT')
    const empty = checkSnils('')
    if (!empty.ok) expect(empty.message).toContain('СНИЛС')
  })

  it('normalizes and formats', () => {
    expect(normalizeSnils('112-233-445 95')).toBe('11223344595')
    expect(normalizeSnils('112-233-445 96')).toBe('11223344596')
    expect(normalizeSnils('112-233-445')).toBeNull()
    expect(normalizeSnils('112-233-445 9a')).toBeNull()
    expect(formatSnils('11223344595')).toBe('112-233-445 95')
    expect(formatSnils('112 233 445 95')).toBe('112-233-445 95')
    expect(formatSnils('12345')).toBe('12345')
  })

  it('generates numbers that pass, with leading zeros kept', () => {
    expect(generateSnils('112233445')).toBe('11223344595')
    expect(generateSnils(1001999)).toBe('00100199965')
    expect(generateSnils('996-000-200')).toBe('99600020000')
    for (let n = 100_000_000; n < 999_999_999; n += 7_654_321) {
      expect(codeOf(checkSnils(generateSnils(n)))).toBe('OK')
    }
    expect(() => generateSnils('12345678')).toThrow(RangeError)
    expect(() => generateSnils(-1)).toThrow(RangeError)
  })
})

describe('ЕНП', () => {
  // Published Luhn test numbers of the same length: an independent check that this is standard Luhn.
  const published = ['4111111111111111', '5500000000000004', '4012888888881881', '4242424242424242']

  it('accepts 16-digit numbers with a valid standard Luhn digit', () => {
    for (const n of published) expect(checkEnp(n)).toEqual({ ok: true, value: n })
    expect(checkEnp('4111 1111 1111 1111')).toEqual({ ok: true, value: '4111111111111111' })
  })

  it('doubles from the rightmost payload digit, not from the check digit', () => {
    // The payload digit 1 is doubled to 2, so the check is 8; with the opposite parity it would be 9.
    expect(generateEnp('000000000000001')).toBe('0000000000000018')
    expect(codeOf(checkEnp('0000000000000018'))).toBe('OK')
    expect(codeOf(checkEnp('0000000000000019'))).toBe('CHECKSUM')
    // 5 doubled is 10, which counts as 1: check 9 (a plain doubling would give 0).
    expect(generateEnp('000000000000005')).toBe('0000000000000059')
  })

  it('rejects corrupted numbers', () => {
    for (const n of published) {
      for (let i = 0; i < 16; i++) expect(codeOf(checkEnp(corrupt(n, i)))).toBe('CHECKSUM')
    }
  })

  it('rejects wrong lengths and letters', () => {
    expect(codeOf(checkEnp('411111111111111'))).toBe('FORMAT')
    expect(codeOf(checkEnp('41111111111111111'))).toBe('FORMAT')
    expect(codeOf(checkEnp('4111x11111111111'))).toBe('FORMAT')
    expect(codeOf(checkEnp(''))).toBe('EMPTY')
  })

  it('generates from 15 digits, as a number or a string', () => {
    expect(generateEnp('411111111111111')).toBe('4111111111111111')
    expect(generateEnp(770000000000001)).toHaveLength(16)
    expect(codeOf(checkEnp(generateEnp(770000000000001)))).toBe('OK')
    expect(generateEnp(1)).toBe(generateEnp('000000000000001'))
  })
})

describe('ИНН', () => {
  const organisations = [
    ['ПАО Сбербанк', '7707083893'],
    ['ПАО «Газпром»', '7736050003'],
    ['ОАО «РЖД»', '7708503727'],
    ['ПАО «Аэрофлот»', '7712040126'],
    ['ПАО «Ростелеком»', '7707049388'],
    ['Банк ВТБ (ПАО)', '7702070139']
  ]

  it.each(organisations)('accepts the ИНН of %s', (_name, inn) => {
    expect(checkInn(inn)).toEqual({ ok: true, value: inn })
  })

  it('accepts a valid 12-digit ИНН of a person and checks both of its check digits', () => {
    expect(codeOf(checkInn('500100732259'))).toBe('OK')
    expect(codeOf(checkInn('500100732269'))).toBe('CHECKSUM')
    expect(codeOf(checkInn('500100732258'))).toBe('CHECKSUM')
    for (let i = 0; i < 10; i++) expect(codeOf(checkInn(corrupt('500100732259', i)))).toBe('CHECKSUM')
  })

  it('rejects corrupted 10-digit numbers', () => {
    for (const [, inn] of organisations) {
      for (let i = 0; i < 10; i++) expect(codeOf(checkInn(corrupt(inn, i)))).toBe('CHECKSUM')
    }
  })

  it('applies (Σ mod 11) mod 10, so a remainder of 10 gives 0', () => {
    // 000000005: Σ = 5·8 = 40, 40 mod 11 = 7; 000000010: Σ = 1·6 = 6; 100000001: Σ = 2 + 8 = 10 → 10 → 0.
    expect(generateInn('000000005')).toBe('0000000057')
    expect(generateInn('000000010')).toBe('0000000106')
    expect(generateInn('100000001')).toBe('1000000010')
    expect(codeOf(checkInn('1000000010'))).toBe('OK')
  })

  it('rejects other lengths', () => {
    expect(codeOf(checkInn('770708389'))).toBe('FORMAT')
    expect(codeOf(checkInn('77070838931'))).toBe('FORMAT')
    expect(codeOf(checkInn(''))).toBe('EMPTY')
  })

  it('generates 10- and 12-digit numbers that pass', () => {
    expect(generateInn('770708389')).toBe('7707083893')
    expect(generateInn('5001007322')).toBe('500100732259')
    for (let n = 100_000_000; n < 999_999_999; n += 98_765_431)
      expect(codeOf(checkInn(generateInn(n)))).toBe('OK')
  })
})

describe('ОГРН and ОГРНИП', () => {
  const organisations = [
    ['ПАО Сбербанк', '1027700132195'],
    ['ПАО «Газпром»', '1027700070518'],
    ['ОАО «РЖД»', '1037739877295'],
    ['ПАО «Аэрофлот»', '1027700092661'],
    ['ПАО «Ростелеком»', '1027700198767'],
    ['Банк ВТБ (ПАО)', '1027739609391']
  ]

  it.each(organisations)('accepts the ОГРН of %s', (_name, ogrn) => {
    expect(checkOgrn(ogrn)).toEqual({ ok: true, value: ogrn })
  })

  it('rejects corrupted ОГРН', () => {
    for (const [, ogrn] of organisations) {
      for (let i = 0; i < 13; i++) expect(codeOf(checkOgrn(corrupt(ogrn, i)))).not.toBe('OK')
    }
  })

  it('takes the remainder mod 11 modulo 10 (a remainder of 10 gives 0)', () => {
    // 000000000010 mod 11 = 10 → check 0; 000000000021 mod 11 = 10 as well.
    expect(generateOgrn('000000000010')).toBe('0000000000100')
    expect(generateOgrn('000000000021')).toBe('0000000000210')
    expect(generateOgrn('000000000009')).toBe('0000000000099')
  })

  it('accepts a valid ОГРНИП (15 digits, mod 13) and rejects its corruptions', () => {
    expect(codeOf(checkOgrn('304500116000157'))).toBe('OK')
    expect(codeOf(checkOgrn('304500116000158'))).toBe('CHECKSUM')
    // 00000000000012 mod 13 = 12 → last digit 2; mod 11 would have given 1.
    expect(generateOgrn('00000000000012')).toBe('000000000000122')
  })

  it('computes the remainder exactly for the longest payloads', () => {
    expect(generateOgrn('99999999999999')).toBe('99999999999999' + String(Number(99999999999999n % 13n) % 10))
    expect(generateOgrn('999999999999')).toBe('999999999999' + String(Number(999999999999n % 11n) % 10))
  })

  it('rejects other lengths', () => {
    expect(codeOf(checkOgrn('102770013219'))).toBe('FORMAT')
    expect(codeOf(checkOgrn('10277001321950'))).toBe('FORMAT')
    expect(codeOf(checkOgrn(''))).toBe('EMPTY')
  })

  it('generates numbers that pass', () => {
    expect(generateOgrn('102770013219')).toBe('1027700132195')
    expect(generateOgrn(102770013219)).toBe('1027700132195')
    expect(codeOf(checkOgrn(generateOgrn('30450011600015')))).toBe('OK')
    expect(() => generateOgrn('1234')).toThrow(RangeError)
  })

  it('names the identifier in every message', () => {
    for (const [check, label] of [
      [checkOgrn, 'ОГРН'],
      [checkInn, 'ИНН'],
      [checkEnp, 'ЕНП'],
      [checkSnils, 'СНИЛС']
    ] as const) {
      for (const input of ['', '12', '1'.repeat(30)]) {
        const result = check(input)
        expect(result.ok).toBe(false)
        if (!result.ok) expect(result.message.startsWith(label)).toBe(true)
      }
    }
  })
})

describe('classifyIdentifier', () => {
  it.each([
    ['112-233-445 95', 'snils', '11223344595'],
    ['11223344595', 'snils', '11223344595'],
    ['112 233 445 95', 'snils', '11223344595'],
    ['4111 1111 1111 1111', 'enp', '4111111111111111'],
    ['4111111111111111', 'enp', '4111111111111111'],
    ['45 06 123456', 'passport', '4506123456'],
    ['4506123456', 'passport', '4506123456'],
    ['4506 № 123456', 'passport', '4506123456'],
    ['В-2026-000123', 'requestNumber', 'В-2026-000123'],
    ['в-2026-000123', 'requestNumber', 'В-2026-000123'],
    ['V-2026-000123', 'requestNumber', 'В-2026-000123'],
    ['v-2026-000123', 'requestNumber', 'В-2026-000123'],
    [' В–2026–000123 ', 'requestNumber', 'В-2026-000123'],
    ['12.03.1984', 'birthDate', '1984-03-12'],
    ['1984-03-12', 'birthDate', '1984-03-12'],
    ['1.3.1984', 'birthDate', '1984-03-01'],
    ['29.02.2024', 'birthDate', '2024-02-29'],
    ['Иванов Иван', 'text', 'Иванов Иван'],
    ['  Иванов   Иван  ', 'text', 'Иванов Иван']
  ])('%s → %s', (input, kind, value) => {
    expect(classifyIdentifier(input)).toEqual({ kind, value })
  })

  it('falls back to text when a check fails or a date does not exist', () => {
    expect(classifyIdentifier('112-233-445 96').kind).toBe('text')
    expect(classifyIdentifier('4111111111111112').kind).toBe('text')
    expect(classifyIdentifier('29.02.2023').kind).toBe('text')
    expect(classifyIdentifier('31.04.1990').kind).toBe('text')
    expect(classifyIdentifier('1984-13-01').kind).toBe('text')
    expect(classifyIdentifier('В-2026-00012').kind).toBe('text')
    expect(classifyIdentifier('Х-2026-000123').kind).toBe('text')
    expect(classifyIdentifier('123456789').kind).toBe('text')
    expect(classifyIdentifier('')).toEqual({ kind: 'text', value: '' })
  })

  it('prefers СНИЛС and ЕНП to a passport only by length, never by guess', () => {
    expect(classifyIdentifier(generateSnils('450612345')).kind).toBe('snils')
    expect(classifyIdentifier(generateEnp('450612345600000')).kind).toBe('enp')
    expect(classifyIdentifier('4506-123456').kind).toBe('passport')
  })
})
