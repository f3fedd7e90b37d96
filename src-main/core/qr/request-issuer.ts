// The issuing side of a request QR: what the portal does. Used by `npm run qr` and by tests, with the demo key.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { signText, type SigningKey } from './keys'
import { encodePayload, unsignedText, type RequestPayload } from './payload'
import { demoPortalKey } from './trust-service'

export function signRequestPayload(key: SigningKey, fields: Omit<RequestPayload, 'kind' | 'keyId'>): string {
  const payload: RequestPayload = {
    ...fields,
    // The QR carries whole seconds; signing the same rounding keeps the round trip exact.
    issuedAt: new Date(Math.floor(Date.parse(fields.issuedAt) / 1000) * 1000).toISOString(),
    kind: 'request',
    keyId: key.keyId
  }
  return encodePayload(payload, signText(key, unsignedText(payload)))
}

export function loadDemoPortalKey(resourcesDir: string): SigningKey {
  return demoPortalKey(readFileSync(join(resourcesDir, 'demo', 'portal-demo-key.pem'), 'utf8'))
}
