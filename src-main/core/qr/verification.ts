// The verification QR printed on every paper document: signed by the clinic's key, naming the document and a hash
// of its content, and recorded so that a scan can tell authentic, altered, unknown or revoked.
import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { ClinicDetails } from '../../contract/schemas'
import type { CoreDeps } from '../context'
import { nowIso } from '../context'
import { printedDocuments } from '../db/schema'
import { readSetting } from '../settings/settings-service'
import type { ScanResult } from '../../contract/qr-commands'
import { ruDate } from '../../contract/dates'
import { signText, verifyText } from './keys'
import { encodePayload, unsignedText, type VerificationPayload } from './payload'
import { clinicSigningKey, findTrustedKey } from './trust-service'

/** First 16 bytes of the SHA-256, base64url: 22 characters. */
export function shortContentHash(contentSha256Hex: string): string {
  if (!/^[0-9a-f]{64}$/i.test(contentSha256Hex)) throw new Error('contentSha256 must be 64 hex digits')
  return Buffer.from(contentSha256Hex.slice(0, 32), 'hex').toString('base64url')
}

/** A code a person can read out or type: 8 characters of Crockford base32 from the signature's hash. */
export function humanCode(signature: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
  const digest = createHash('sha256').update(signature).digest()
  let code = ''
  for (let i = 0; i < 8; i++) code += alphabet[digest[i] % 32]
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

export async function makeVerificationCode(
  deps: CoreDeps,
  doc: { documentNumber: string; contentSha256: string; title?: string; patientId?: string }
): Promise<{ payload: string; code: string }> {
  const clinic = readSetting<ClinicDetails>(deps, 'clinic')
  const key = clinicSigningKey(deps, clinic?.shortName ?? 'Клиника')
  const payload: VerificationPayload = {
    kind: 'verification',
    keyId: key.keyId,
    documentNumber: doc.documentNumber,
    contentHash: shortContentHash(doc.contentSha256),
    issuedAt: new Date(Math.floor(deps.clock.now().getTime() / 1000) * 1000).toISOString()
  }
  const signature = signText(key, unsignedText(payload))
  const code = humanCode(signature)
  const row = {
    documentNumber: doc.documentNumber,
    contentHash: payload.contentHash,
    verificationCode: code,
    keyId: key.keyId,
    title: doc.title ?? null,
    patientId: doc.patientId ?? null,
    printedAt: nowIso(deps)
  }
  // A reprint of the same content keeps its record; new content under the same number replaces the expected hash.
  deps.store.db
    .insert(printedDocuments)
    .values(row)
    .onConflictDoUpdate({ target: printedDocuments.documentNumber, set: row })
    .run()
  return { payload: encodePayload(payload, signature), code }
}

export function findPrintedDocument(deps: CoreDeps, documentNumber: string) {
  return deps.store.db
    .select()
    .from(printedDocuments)
    .where(eq(printedDocuments.documentNumber, documentNumber))
    .get()
}

/** What a scanned verification QR says about the paper: authentic, altered, unknown or revoked. */
export function verifyDocumentPayload(
  deps: CoreDeps,
  p: VerificationPayload,
  signed: string,
  signature: string
): ScanResult {
  const key = findTrustedKey(deps, p.keyId)
  const base = { kind: 'verification' as const, documentNumber: p.documentNumber, issuedAt: p.issuedAt }
  if (!key) {
    return {
      ...base,
      status: 'unknown',
      title: null,
      issuerName: null,
      message: 'Неизвестен: документ подписан ключом, которого нет в списке доверенных'
    }
  }
  if (!verifyText(key.publicKey, signed, signature)) {
    return {
      ...base,
      status: 'altered',
      title: null,
      issuerName: key.issuerName,
      message: 'Изменён: подпись QR-кода не сходится с его содержимым'
    }
  }
  if (key.revokedAt) {
    return {
      ...base,
      status: 'revoked',
      title: null,
      issuerName: key.issuerName,
      message: `Отозван: ключ «${key.issuerName}» отозван ${ruDate(key.revokedAt.slice(0, 10))}`
    }
  }
  if (!key.own) {
    return {
      ...base,
      status: 'authentic',
      title: null,
      issuerName: key.issuerName,
      message: `Подлинный: подпись «${key.issuerName}» верна (документ выдан другой организацией)`
    }
  }
  const printed = findPrintedDocument(deps, p.documentNumber)
  if (!printed) {
    return {
      ...base,
      status: 'unknown',
      title: null,
      issuerName: key.issuerName,
      message: 'Неизвестен: подпись наша, но документ с этим номером здесь не печатался'
    }
  }
  if (printed.revokedAt) {
    return {
      ...base,
      status: 'revoked',
      title: printed.title,
      issuerName: key.issuerName,
      message: 'Отозван: документ аннулирован'
    }
  }
  if (printed.contentHash !== p.contentHash) {
    return {
      ...base,
      status: 'altered',
      title: printed.title,
      issuerName: key.issuerName,
      message: 'Изменён: содержимое документа отличается от выданного'
    }
  }
  return {
    ...base,
    status: 'authentic',
    title: printed.title,
    issuerName: key.issuerName,
    message: `Подлинный: ${printed.title ?? 'документ'} № ${p.documentNumber}`
  }
}
