// Ed25519 keys for QR signatures. The clinic's private key lives in a KeyVault (a file only the owner may read for
// the browser host; Electron wraps it with the OS key store); public keys are kept in trusted_keys and synced.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject
} from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

export interface KeyVault {
  read(name: string): Buffer | null
  write(name: string, data: Buffer): void
}

/** Files under dir, written atomically and readable by the owner only. */
export function fileKeyVault(dir: string): KeyVault {
  return {
    read: (name) => {
      const file = join(dir, name)
      return existsSync(file) ? readFileSync(file) : null
    },
    write: (name, data) => {
      const file = join(dir, name)
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
      const tmp = `${file}.tmp`
      writeFileSync(tmp, data, { mode: 0o600 })
      chmodSync(tmp, 0o600)
      renameSync(tmp, file)
    }
  }
}

export interface SigningKey {
  keyId: string
  privateKey: KeyObject
  publicKey: string
}

/** Raw 32-byte public key, base64url: what trusted_keys stores and an administrator pastes. */
export function publicKeyText(key: KeyObject): string {
  const jwk = createPublicKey(key).export({ format: 'jwk' })
  if (typeof jwk.x !== 'string') throw new Error('not an Ed25519 key')
  return jwk.x
}

export function publicKeyFromText(text: string): KeyObject {
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) throw new Error('Открытый ключ Ed25519: 43 символа base64url')
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: text }, format: 'jwk' })
}

/** A short, stable id derived from the key itself, so two issuers can never claim the same id by accident. */
export function keyIdOf(prefix: string, publicKey: string): string {
  const digest = createHash('sha256').update(publicKey).digest('hex').slice(0, 10)
  return `${prefix}-${digest}`
}

export function generateSigningKey(prefix: string): { pem: string; key: SigningKey } {
  const { privateKey } = generateKeyPairSync('ed25519')
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
  return { pem, key: signingKeyFromPem(prefix, pem) }
}

export function signingKeyFromPem(prefix: string, pem: string): SigningKey {
  const privateKey = createPrivateKey(pem)
  const publicKey = publicKeyText(privateKey)
  return { keyId: keyIdOf(prefix, publicKey), privateKey, publicKey }
}

export function signText(key: SigningKey, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64url')
}

export function verifyText(publicKey: string, text: string, signature: string): boolean {
  try {
    const sig = Buffer.from(signature, 'base64url')
    // 86 characters carry 516 bits for 512: a last character that differs only in the spare bits, or characters the
    // decoder skips, would decode to the same signature. Only the one canonical spelling is authentic.
    if (sig.length !== 64 || sig.toString('base64url') !== signature) return false
    return verify(null, Buffer.from(text, 'utf8'), publicKeyFromText(publicKey), sig)
  } catch {
    return false
  }
}
