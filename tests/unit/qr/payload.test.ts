import { describe, expect, it } from 'vitest'
import { generateSigningKey, verifyText } from '../../../src-main/core/qr/keys'
import { MAX_PAYLOAD_BYTES, parsePayload, QrError } from '../../../src-main/core/qr/payload'
import { signRequestPayload } from '../../../src-main/core/qr/request-issuer'
import { seededRandom } from '../../../src-main/core/demo/random'

const { key } = generateSigningKey('portal')
const fields = {
  number: 'В-2026-000777',
  snils: '11223344595',
  enp: '7700000000001231',
  lastName: 'Ёлкин',
  firstName: 'Пётр',
  middleName: 'Семёнович',
  birthDate: '1979-04-12',
  extractKind: 'full' as const,
  periodFrom: '2025-01-01',
  periodTo: '2026-11-01',
  issuedAt: '2026-11-19T10:15:42.000Z',
  expiresOn: '2026-12-19'
}
const text = signRequestPayload(key, fields)

function codeOf(fn: () => unknown): string {
  try {
    fn()
    return 'ok'
  } catch (error) {
    if (error instanceof QrError) return error.code
    throw error
  }
}

describe('request QR payload', () => {
  it('round-trips and verifies, and is small enough for a modest QR version', () => {
    const parsed = parsePayload(text)
    expect(parsed.payload).toEqual({ kind: 'request', keyId: key.keyId, ...fields })
    expect(verifyText(key.publicKey, parsed.signed, parsed.signature)).toBe(true)
    const bytes = Buffer.byteLength(text)
    expect(bytes).toBeLessThan(260)
  })

  it('fails the signature when one bit flips in the body or in the signature', () => {
    const bodyFlipped = text.replace('Пётр', 'Петр')
    const p1 = parsePayload(bodyFlipped)
    expect(verifyText(key.publicKey, p1.signed, p1.signature)).toBe(false)
    const sig = text.slice(-86)
    const flippedChar = sig[10] === 'A' ? 'B' : 'A'
    const sigFlipped = text.slice(0, -86) + sig.slice(0, 10) + flippedChar + sig.slice(11)
    const p2 = parsePayload(sigFlipped)
    expect(verifyText(key.publicKey, p2.signed, p2.signature)).toBe(false)
  })

  it('refuses a signature spelled another way that decodes to the same bytes', () => {
    const sig = text.slice(-86)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    // The last character carries 2 bits of the signature and 4 spare ones: flip a spare bit.
    const twin = alphabet[alphabet.indexOf(sig[85]) ^ 1]
    const respelled = text.slice(0, -1) + twin
    expect(Buffer.from(respelled.slice(-86), 'base64url')).toEqual(Buffer.from(sig, 'base64url'))
    const p = parsePayload(respelled)
    expect(verifyText(key.publicKey, p.signed, p.signature)).toBe(false)
  })

  it('does not verify under another issuer’s key', () => {
    const other = generateSigningKey('portal').key
    const p = parsePayload(text)
    expect(verifyText(other.publicKey, p.signed, p.signature)).toBe(false)
  })

  it('names what is wrong: truncation, oversize, unknown version, foreign text, non-UTF-8', () => {
    expect(codeOf(() => parsePayload(text.slice(0, text.length - 5)))).toBe('QR_MALFORMED')
    expect(codeOf(() => parsePayload(text.slice(0, 60)))).toBe('QR_MALFORMED')
    expect(codeOf(() => parsePayload('RWS1|R|' + 'x'.repeat(MAX_PAYLOAD_BYTES)))).toBe('QR_TOO_LARGE')
    expect(codeOf(() => parsePayload(text.replace(/^RWS1/, 'RWS9')))).toBe('QR_UNSUPPORTED_VERSION')
    expect(codeOf(() => parsePayload('https://example.org/anything'))).toBe('QR_UNKNOWN_FORMAT')
    expect(
      codeOf(() =>
        parsePayload(Buffer.from([0x52, 0x57, 0x53, 0x31, 0x7c, 0xff, 0xfe, 0x7c]).toString('utf8'))
      )
    ).toBe('QR_MALFORMED')
    expect(codeOf(() => parsePayload(''))).toBe('QR_EMPTY')
    expect(codeOf(() => parsePayload(text.replace('19790412', '19791332')))).toBe('QR_MALFORMED')
  })

  it('turns 10,000 random and mutated inputs into typed errors only', () => {
    const rnd = seededRandom(7)
    const alphabet = 'RWS1|VBF0123456789-_abcxyzАБВЁё \u0000\uFFFD'
    let typed = 0
    for (let i = 0; i < 10_000; i++) {
      let input: string
      if (i % 2 === 0) {
        const chars = [...text]
        const edits = rnd.int(1, 4)
        for (let e = 0; e < edits; e++) {
          const at = rnd.int(0, chars.length - 1)
          const op = rnd.int(0, 2)
          if (op === 0) chars[at] = rnd.pick([...alphabet])
          else if (op === 1) chars.splice(at, 1)
          else chars.splice(at, 0, rnd.pick([...alphabet]))
        }
        input = chars.join('')
      } else {
        input = Array.from({ length: rnd.int(0, 700) }, () => rnd.pick([...alphabet])).join('')
      }
      try {
        const parsed = parsePayload(input)
        // Whatever still parses must fail the signature unless it is the original text.
        if (input !== text && parsed.payload.kind === 'request') {
          expect(verifyText(key.publicKey, parsed.signed, parsed.signature)).toBe(false)
        }
      } catch (error) {
        expect(error).toBeInstanceOf(QrError)
        typed++
      }
    }
    expect(typed).toBeGreaterThan(9000)
  }, 120_000)
})
