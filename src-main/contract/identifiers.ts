// Checks for the identifiers a registrar types or scans: СНИЛС, ЕНП, ИНН, ОГРН/ОГРНИП.
// Pure on purpose: the renderer validates as the registrar types, core validates again before it stores.

export type IdentifierErrorCode = 'EMPTY' | 'FORMAT' | 'CHECKSUM'

export type IdentifierCheck =
  | { ok: true; /** normalized digits */ value: string }
  | { ok: false; code: IdentifierErrorCode; message: string }

// Besides the ASCII hyphen, people paste the dashes Word and PDF viewers substitute for it, and NBSP.
const SEPARATORS = /[\s\-\u2010\u2011\u2012\u2013\u2014\u2212]/g

function stripSeparators(input: string): string {
  return input.replace(SEPARATORS, '')
}

function digitAt(digits: string, index: number): number {
  return digits.charCodeAt(index) - 48
}

function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0
  for (let i = 0; i < weights.length; i++) sum += digitAt(digits, i) * weights[i]
  return sum
}

// A decimal string modulo m, digit by digit: exact for any length, no BigInt needed.
function decimalMod(digits: string, m: number): number {
  let rest = 0
  for (let i = 0; i < digits.length; i++) rest = (rest * 10 + digitAt(digits, i)) % m
  return rest
}

interface IdentifierRule {
  label: string
  lengths: readonly number[]
  lengthHint: string
  checksumMessage: string
  verify(digits: string): boolean
}

function checkWith(rule: IdentifierRule, input: string): IdentifierCheck {
  const stripped = stripSeparators(input ?? '')
  if (stripped === '') return { ok: false, code: 'EMPTY', message: `${rule.label}: не указан` }
  if (!/^\d+$/.test(stripped)) {
    return {
      ok: false,
      code: 'FORMAT',
      message: `${rule.label}: допустимы только цифры, пробелы и дефисы`
    }
  }
  if (!rule.lengths.includes(stripped.length)) {
    return {
      ok: false,
      code: 'FORMAT',
      message: `${rule.label}: ${rule.lengthHint}, введено цифр: ${stripped.length}`
    }
  }
  if (!rule.verify(stripped)) return { ok: false, code: 'CHECKSUM', message: rule.checksumMessage }
  return { ok: true, value: stripped }
}

// Generators take a payload typed as a number by a test or a demo script; a number loses leading zeros.
function payloadDigits(payload: number | string, lengths: readonly number[], what: string): string {
  let digits: string
  if (typeof payload === 'number') {
    if (!Number.isSafeInteger(payload) || payload < 0)
      throw new RangeError(`${what}: ${payload} не целое число`)
    digits = String(payload).padStart(lengths[0], '0')
  } else {
    digits = stripSeparators(payload)
  }
  if (!/^\d+$/.test(digits) || !lengths.includes(digits.length)) {
    throw new RangeError(`${what}: ожидалось цифр ${lengths.join(' или ')}, получено «${payload}»`)
  }
  return digits
}

// ---------------------------------------------------------------- СНИЛС

/** Numbers up to 001-001-998 were issued before the check number existed, so any check is accepted. */
export const SNILS_UNCHECKED_MAX = 1_001_998

function snilsCheckNumber(nine: string): number {
  const sum = weightedSum(nine, [9, 8, 7, 6, 5, 4, 3, 2, 1])
  if (sum < 100) return sum
  if (sum === 100 || sum === 101) return 0
  const rest = sum % 101
  return rest === 100 ? 0 : rest
}

const snilsRule: IdentifierRule = {
  label: 'СНИЛС',
  lengths: [11],
  lengthHint: 'нужно 11 цифр, например 112-233-445 95',
  checksumMessage: 'СНИЛС: неверное контрольное число — сверьте цифры с документом',
  verify(digits) {
    const nine = digits.slice(0, 9)
    if (Number(nine) <= SNILS_UNCHECKED_MAX) return true
    return snilsCheckNumber(nine) === Number(digits.slice(9))
  }
}

/** 11 digits of a СНИЛС with spaces and dashes removed, or null; does not look at the check number. */
export function normalizeSnils(input: string): string | null {
  const stripped = stripSeparators(input ?? '')
  return /^\d{11}$/.test(stripped) ? stripped : null
}

export function checkSnils(input: string): IdentifierCheck {
  return checkWith(snilsRule, input)
}

/** '11223344595' → '112-233-445 95'; anything that is not 11 digits comes back unchanged, so old data still shows. */
export function formatSnils(digits: string): string {
  const d = normalizeSnils(digits)
  if (d === null) return digits
  return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)} ${d.slice(9)}`
}

/** Completes nine digits with the check number: 11 digits, unformatted. */
export function generateSnils(nineDigits: number | string): string {
  const nine = payloadDigits(nineDigits, [9], 'СНИЛС')
  return nine + String(snilsCheckNumber(nine)).padStart(2, '0')
}

// ---------------------------------------------------------------- ЕНП

// The standard Luhn algorithm: doubling starts from the rightmost of the payload digits (the one just left of
// the check digit) and alternates leftwards; a doubled digit above 9 loses 9; the check digit tops the sum up to
// a multiple of 10. ФОМС words it differently (the odd-position digits from the right are read as one number and
// doubled, the even-position digits are prepended, all digits of the result are summed) but that is the same
// sum: a carry appears exactly where Luhn subtracts 9.
function luhnCheckDigit(payload: string): number {
  let sum = 0
  let double = true
  for (let i = payload.length - 1; i >= 0; i--) {
    let d = digitAt(payload, i)
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
    double = !double
  }
  return (10 - (sum % 10)) % 10
}

const enpRule: IdentifierRule = {
  label: 'ЕНП',
  lengths: [16],
  lengthHint: 'номер полиса ОМС единого образца состоит из 16 цифр',
  checksumMessage: 'ЕНП: неверная контрольная цифра — сверьте номер с полисом',
  verify: (digits) => luhnCheckDigit(digits.slice(0, 15)) === digitAt(digits, 15)
}

export function checkEnp(input: string): IdentifierCheck {
  return checkWith(enpRule, input)
}

export function generateEnp(fifteenDigits: number | string): string {
  const payload = payloadDigits(fifteenDigits, [15], 'ЕНП')
  return payload + String(luhnCheckDigit(payload))
}

// ---------------------------------------------------------------- ИНН

const INN_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8]
const INN_12_FIRST = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
const INN_12_SECOND = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]

function innDigit(digits: string, weights: readonly number[]): number {
  return (weightedSum(digits, weights) % 11) % 10
}

const innRule: IdentifierRule = {
  label: 'ИНН',
  lengths: [10, 12],
  lengthHint: 'нужно 10 цифр у организации или 12 цифр у физического лица',
  checksumMessage: 'ИНН: неверное контрольное число — сверьте цифры с документом',
  verify(digits) {
    if (digits.length === 10) return innDigit(digits, INN_10) === digitAt(digits, 9)
    return (
      innDigit(digits, INN_12_FIRST) === digitAt(digits, 10) &&
      innDigit(digits, INN_12_SECOND) === digitAt(digits, 11)
    )
  }
}

export function checkInn(input: string): IdentifierCheck {
  return checkWith(innRule, input)
}

/** 9 digits → ИНН of an organisation (10), 10 digits → ИНН of a person (12). */
export function generateInn(payload: number | string): string {
  const digits = payloadDigits(payload, [9, 10], 'ИНН')
  if (digits.length === 9) return digits + String(innDigit(digits, INN_10))
  const eleven = digits + String(innDigit(digits, INN_12_FIRST))
  return eleven + String(innDigit(eleven, INN_12_SECOND))
}

// ---------------------------------------------------------------- ОГРН / ОГРНИП

function ogrnCheckDigit(payload: string): number {
  // ОГРН: 12 payload digits mod 11; ОГРНИП: 14 payload digits mod 13. Then the last decimal digit.
  return decimalMod(payload, payload.length === 12 ? 11 : 13) % 10
}

const ogrnRule: IdentifierRule = {
  label: 'ОГРН',
  lengths: [13, 15],
  lengthHint: 'нужно 13 цифр (ОГРН) или 15 цифр (ОГРНИП)',
  checksumMessage: 'ОГРН: неверная контрольная цифра — сверьте номер с выпиской из реестра',
  verify: (digits) => ogrnCheckDigit(digits.slice(0, -1)) === digitAt(digits, digits.length - 1)
}

export function checkOgrn(input: string): IdentifierCheck {
  return checkWith(ogrnRule, input)
}

/** 12 digits → ОГРН (13), 14 digits → ОГРНИП (15). */
export function generateOgrn(twelve: number | string): string {
  const payload = payloadDigits(twelve, [12, 14], 'ОГРН')
  return payload + String(ogrnCheckDigit(payload))
}

// ---------------------------------------------------------------- the single search box

export type IdentifierKind =
  'snils' | 'enp' | 'passport' | 'requestNumber' | 'complaintNumber' | 'birthDate' | 'text'

export interface ClassifiedIdentifier {
  kind: IdentifierKind
  /** snils/enp/passport: digits; requestNumber: 'В-2026-01-000123' or 'В-2026-000123'; birthDate: ISO 'YYYY-MM-DD'; text: trimmed */
  value: string
}

// Cyrillic В is the canonical prefix; Latin V, and Latin B that looks just like В on a printout, are accepted.
// Numbers made at a desk carry its two-digit desk number (В-2026-01-000123); older or imported ones may not.
const REQUEST_NUMBER =
  /^([ВвVvBb])\s*[-\u2010-\u2014]?\s*(20\d{2})\s*[-\u2010-\u2014]?\s*(?:(\d{2})\s*[-\u2010-\u2014]\s*)?(\d{6})$/
// Complaint numbers: Ж-2026-01-000007, printed with a QR on the patient's receipt.
const COMPLAINT_NUMBER =
  /^[Жж]\s*[-\u2010-\u2014]?\s*(20\d{2})\s*[-\u2010-\u2014]\s*(\d{2})\s*[-\u2010-\u2014]\s*(\d{6})$/
const DATE_RU = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/
const DATE_ISO = /^(\d{4})-(\d{2})-(\d{2})$/

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > daysInMonth) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Decides what the registrar typed into the one search box, so that the search can use the right index. */
export function classifyIdentifier(input: string): ClassifiedIdentifier {
  const trimmed = (input ?? '').trim().replace(/\s+/g, ' ')

  const request = REQUEST_NUMBER.exec(trimmed)
  if (request) {
    const desk = request[3] ? `${request[3]}-` : ''
    return { kind: 'requestNumber', value: `В-${request[2]}-${desk}${request[4]}` }
  }

  const complaint = COMPLAINT_NUMBER.exec(trimmed)
  if (complaint)
    return { kind: 'complaintNumber', value: `Ж-${complaint[1]}-${complaint[2]}-${complaint[3]}` }

  const ru = DATE_RU.exec(trimmed)
  const iso = ru ? null : DATE_ISO.exec(trimmed)
  const date = ru
    ? isoDate(Number(ru[3]), Number(ru[2]), Number(ru[1]))
    : iso
      ? isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
      : null
  if (date) return { kind: 'birthDate', value: date }

  // A passport is often written with «№» between series and number.
  const digits = stripSeparators(trimmed.replace(/№/g, ''))
  if (/^\d+$/.test(digits)) {
    if (digits.length === 11 && checkSnils(digits).ok) return { kind: 'snils', value: digits }
    if (digits.length === 16 && checkEnp(digits).ok) return { kind: 'enp', value: digits }
    if (digits.length === 10) return { kind: 'passport', value: digits }
  }
  return { kind: 'text', value: trimmed }
}
