// Which signatures this clinic believes: its own key (made on setup), the portal's, other clinics'.
import { eq } from 'drizzle-orm'
import { AppError } from '../../contract/errors'
import { appendAudit } from '../audit/audit'
import type { Actor, CoreDeps } from '../context'
import { inTransaction, nowIso } from '../context'
import { trustedKeys } from '../db/schema'
import { generateSigningKey, keyIdOf, publicKeyFromText, signingKeyFromPem, type SigningKey } from './keys'

const CLINIC_KEY_FILE = 'clinic-signing-key.pem'

export type TrustedKeyRow = typeof trustedKeys.$inferSelect

/** The clinic's signing key: read from the vault, or made once and its public half recorded as trusted. */
export function clinicSigningKey(deps: CoreDeps, clinicName: string): SigningKey {
  const stored = deps.vault.read(CLINIC_KEY_FILE)
  let key: SigningKey
  if (stored) {
    key = signingKeyFromPem('clinic', stored.toString('utf8'))
  } else {
    const made = generateSigningKey('clinic')
    deps.vault.write(CLINIC_KEY_FILE, Buffer.from(made.pem, 'utf8'))
    key = made.key
  }
  const known = deps.store.db.select().from(trustedKeys).where(eq(trustedKeys.keyId, key.keyId)).get()
  if (!known) {
    deps.store.db
      .insert(trustedKeys)
      .values({
        keyId: key.keyId,
        issuerKind: 'clinic',
        issuerName: clinicName,
        publicKey: key.publicKey,
        own: true,
        addedAt: nowIso(deps)
      })
      .run()
  }
  return key
}

export function findTrustedKey(deps: CoreDeps, keyId: string): TrustedKeyRow | undefined {
  return deps.store.db.select().from(trustedKeys).where(eq(trustedKeys.keyId, keyId)).get()
}

export function listTrustedKeys(deps: CoreDeps): TrustedKeyRow[] {
  return deps.store.db.select().from(trustedKeys).orderBy(trustedKeys.issuerName).all()
}

export function addTrustedKey(
  deps: CoreDeps,
  actor: Actor | null,
  input: { issuerKind: 'portal' | 'other_clinic'; issuerName: string; publicKey: string }
): TrustedKeyRow {
  try {
    publicKeyFromText(input.publicKey)
  } catch {
    throw new AppError('VALIDATION', 'Открытый ключ: нужна строка из 43 символов base64url (ключ Ed25519)')
  }
  const keyId = keyIdOf(input.issuerKind === 'portal' ? 'portal' : 'clinic', input.publicKey)
  return inTransaction(deps, () => {
    const existing = findTrustedKey(deps, keyId)
    if (existing) throw new AppError('CONFLICT', `Этот ключ уже есть в списке: ${existing.issuerName}`)
    const row: TrustedKeyRow = {
      keyId,
      issuerKind: input.issuerKind,
      issuerName: input.issuerName,
      publicKey: input.publicKey,
      own: false,
      addedAt: nowIso(deps),
      revokedAt: null
    }
    deps.store.db.insert(trustedKeys).values(row).run()
    appendAudit(deps, actor, {
      action: 'key.trust',
      entity: 'trusted_key',
      entityId: keyId,
      details: { issuerName: input.issuerName }
    })
    return row
  })
}

export function revokeTrustedKey(deps: CoreDeps, actor: Actor, keyId: string): TrustedKeyRow {
  return inTransaction(deps, () => {
    const row = findTrustedKey(deps, keyId)
    if (!row) throw new AppError('NOT_FOUND', 'Ключ не найден')
    if (row.revokedAt) throw new AppError('CONFLICT', 'Ключ уже отозван')
    const revokedAt = nowIso(deps)
    deps.store.db.update(trustedKeys).set({ revokedAt }).where(eq(trustedKeys.keyId, keyId)).run()
    appendAudit(deps, actor, { action: 'key.revoke', entity: 'trusted_key', entityId: keyId })
    return { ...row, revokedAt }
  })
}

/** The demo portal's key: shipped with the demo so that `npm run qr` makes codes the demo clinic accepts. */
export function demoPortalKey(pem: string): SigningKey {
  return signingKeyFromPem('portal', pem)
}
