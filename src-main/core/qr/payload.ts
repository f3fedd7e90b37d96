// Our own QR payload formats (docs/qr-formats.md). Short UTF-8 text: a scheme tag with its version, a kind letter,
// positional fields separated by '|', and an Ed25519 signature (base64url) over everything before the last '|'.
// Positional fields keep the payload small enough for a QR code a phone screen shows well.

export const SCHEME = 'RWS1'
/** Larger than any payload we make; anything bigger is refused before it is parsed. */
export const MAX_PAYLOAD_BYTES = 600

export type QrErrorCode =
  | 'QR_EMPTY'
  | 'QR_TOO_LARGE'
  | 'QR_UNKNOWN_FORMAT'
  | 'QR_UNSUPPORTED_VERSION'
  | 'QR_MALFORMED'
  | 'QR_UNTRUSTED'
  | 'QR_FORGED'
  | 'QR_EXPIRED'
  | 'QR_REVOKED'

export class QrError extends Error {
  constructor(
    readonly code: QrErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'QrError'
  }
}

export interface RequestPayload {
  kind: 'request'
  number: string
  snils: string | null
  enp: string | null
  lastName: string
  firstName: string
  middleName: string | null
  birthDate: string
  extractKind: 'full' | 'brief'
  periodFrom: string
  periodTo: string
  issuedAt: string
  expiresOn: string
  keyId: string
}

export interface VerificationPayload {
  kind: 'verification'
  keyId: string
  documentNumber: string
  /** base64url of the first 16 bytes of the content's SHA-256: enough to show a change, short enough to print. */
  contentHash: string
  issuedAt: string
}

export type SignedPayload = RequestPayload | VerificationPayload

export interface ParsedPayload {
  payload: SignedPayload
  /** The exact bytes the signature covers. */
  signed: string
  signature: string
}

const compactDate = (iso: string) => iso.replace(/-/g, '')
const FIELD = /^[^|\n\r]*$/

function isoFromCompact(value: string, what: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value)
  if (!m) throw new QrError('QR_MALFORMED', `QR-код повреждён: неверная дата (${what})`)
  const iso = `${m[1]}-${m[2]}-${m[3]}`
  const d = new Date(`${iso}T00:00:00Z`)
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
    throw new QrError('QR_MALFORMED', `QR-код повреждён: неверная дата (${what})`)
  }
  return iso
}

function secondsToIso(value: string): string {
  if (!/^\d{9,11}$/.test(value)) throw new QrError('QR_MALFORMED', 'QR-код повреждён: неверное время выдачи')
  return new Date(Number(value) * 1000).toISOString()
}

function isoToSeconds(iso: string): string {
  return String(Math.floor(Date.parse(iso) / 1000))
}

function checkKeyId(keyId: string): void {
  if (!/^[a-z0-9-]{3,40}$/.test(keyId))
    throw new QrError('QR_MALFORMED', 'QR-код повреждён: неверный ключ подписи')
}

/** The text that gets signed, for a payload; fields are checked so that no value can smuggle in a separator. */
export function unsignedText(p: SignedPayload): string {
  const fields =
    p.kind === 'request'
      ? [
          SCHEME,
          'R',
          p.number,
          p.snils ?? '',
          p.enp ?? '',
          p.lastName,
          p.firstName,
          p.middleName ?? '',
          compactDate(p.birthDate),
          p.extractKind === 'full' ? 'F' : 'B',
          compactDate(p.periodFrom),
          compactDate(p.periodTo),
          isoToSeconds(p.issuedAt),
          compactDate(p.expiresOn),
          p.keyId
        ]
      : [SCHEME, 'V', p.keyId, p.documentNumber, p.contentHash, isoToSeconds(p.issuedAt)]
  for (const f of fields) if (!FIELD.test(f)) throw new Error(`QR field contains a separator: ${f}`)
  return fields.join('|')
}

export function encodePayload(p: SignedPayload, signature: string): string {
  return `${unsignedText(p)}|${signature}`
}

/** Splits and checks the shape of a payload; the signature is checked by the caller against a trusted key. */
export function parsePayload(text: string): ParsedPayload {
  const bytes = new TextEncoder().encode(text).length
  if (text.trim() === '') throw new QrError('QR_EMPTY', 'QR-код пуст')
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw new QrError('QR_TOO_LARGE', `QR-код слишком длинный (${bytes} байт): это не наш формат`)
  }
  if (text.includes('\uFFFD'))
    throw new QrError('QR_MALFORMED', 'QR-код прочитан с искажениями: отсканируйте ещё раз')
  const fields = text.split('|')
  if (!fields[0].startsWith('RWS'))
    throw new QrError('QR_UNKNOWN_FORMAT', 'QR-код не относится к выпискам и документам')
  if (fields[0] !== SCHEME) {
    throw new QrError(
      'QR_UNSUPPORTED_VERSION',
      `Версия QR-кода «${fields[0].slice(0, 8)}» не поддерживается: обновите программу`
    )
  }
  const signature = fields[fields.length - 1]
  if (!/^[A-Za-z0-9_-]{86}$/.test(signature))
    throw new QrError('QR_MALFORMED', 'QR-код повреждён: нет подписи')
  const signed = text.slice(0, text.length - signature.length - 1)
  const f = fields.slice(0, -1)
  if (f[1] === 'R') {
    if (f.length !== 15) throw new QrError('QR_MALFORMED', 'QR-код заявления повреждён: не хватает полей')
    const [
      ,
      ,
      number,
      snils,
      enp,
      lastName,
      firstName,
      middleName,
      birth,
      kind,
      from,
      to,
      issued,
      expires,
      keyId
    ] = f
    if (!/^[\p{L}\d-]{3,40}$/u.test(number))
      throw new QrError('QR_MALFORMED', 'QR-код повреждён: неверный номер заявления')
    if (snils !== '' && !/^\d{11}$/.test(snils))
      throw new QrError('QR_MALFORMED', 'QR-код повреждён: неверный СНИЛС')
    if (enp !== '' && !/^\d{16}$/.test(enp))
      throw new QrError('QR_MALFORMED', 'QR-код повреждён: неверный ЕНП')
    if (!lastName || !firstName) throw new QrError('QR_MALFORMED', 'QR-код повреждён: нет ФИО')
    checkKeyId(keyId)
    if (kind !== 'F' && kind !== 'B')
      throw new QrError('QR_MALFORMED', 'QR-код повреждён: неизвестный вид выписки')
    return {
      signed,
      signature,
      payload: {
        kind: 'request',
        number,
        snils: snils || null,
        enp: enp || null,
        lastName,
        firstName,
        middleName: middleName || null,
        birthDate: isoFromCompact(birth, 'дата рождения'),
        extractKind: kind === 'F' ? 'full' : 'brief',
        periodFrom: isoFromCompact(from, 'начало периода'),
        periodTo: isoFromCompact(to, 'конец периода'),
        issuedAt: secondsToIso(issued),
        expiresOn: isoFromCompact(expires, 'срок действия'),
        keyId
      }
    }
  }
  if (f[1] === 'V') {
    if (f.length !== 6)
      throw new QrError('QR_MALFORMED', 'QR-код проверки документа повреждён: не хватает полей')
    const [, , keyId, documentNumber, contentHash, issued] = f
    checkKeyId(keyId)
    if (!/^[A-Za-z0-9_-]{22}$/.test(contentHash))
      throw new QrError('QR_MALFORMED', 'QR-код повреждён: неверный хеш')
    if (!documentNumber) throw new QrError('QR_MALFORMED', 'QR-код повреждён: нет номера документа')
    return {
      signed,
      signature,
      payload: { kind: 'verification', keyId, documentNumber, contentHash, issuedAt: secondsToIso(issued) }
    }
  }
  throw new QrError('QR_UNKNOWN_FORMAT', 'Неизвестный вид QR-кода')
}
