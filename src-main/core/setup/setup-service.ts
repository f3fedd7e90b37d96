// First start: an empty store becomes either a new clinic with its administrator, or the demo clinic.
import { eq } from 'drizzle-orm'
import { AppError } from '../../contract/errors'
import { checkOgrn } from '../../contract/identifiers'
import type { ClinicDetails, SystemStatus } from '../../contract/schemas'
import { appendAudit } from '../audit/audit'
import { localDate } from '../clock'
import type { CoreDeps } from '../context'
import { inTransaction, nowIso } from '../context'
import { regions, trustedKeys, workstations } from '../db/schema'
import { loadDemoPortalKey } from '../qr/request-issuer'
import { clinicSigningKey } from '../qr/trust-service'
import { generateDemoClinic } from '../demo/generate'
import { uuidv7 } from '../ids'
import { loadReferenceData, type ReferenceData } from '../reference/reference-data'
import { seedReferenceData } from '../reference/reference-service'
import { isInitialized, readSetting, thisWorkstation, writeSetting } from '../settings/settings-service'
import { createUser } from '../users/user-service'
import { join } from 'node:path'

export const APP_VERSION = '0.1.0'

export function systemStatus(deps: CoreDeps): SystemStatus {
  const clinic = readSetting<ClinicDetails>(deps, 'clinic')
  const region = clinic
    ? deps.store.db.select().from(regions).where(eq(regions.code, clinic.regionCode)).get()
    : undefined
  const ws = thisWorkstation(deps)
  return {
    initialized: isInitialized(deps),
    clinicName: clinic?.shortName ?? null,
    regionName: region?.name ?? null,
    portalData: region ? region.portalData : null,
    workstation: ws ? { id: ws.id, name: ws.name } : null,
    today: localDate(deps.clock.now()),
    appVersion: APP_VERSION
  }
}

function guardEmpty(deps: CoreDeps): void {
  if (isInitialized(deps))
    throw new AppError('ALREADY_INITIALIZED', 'Клиника уже настроена на этом рабочем месте')
}

function initialise(
  deps: CoreDeps,
  reference: ReferenceData,
  clinic: ClinicDetails,
  workstationName: string
): void {
  seedReferenceData(deps, reference)
  if (!reference.regions.some((r) => r.code === clinic.regionCode)) {
    throw new AppError('VALIDATION', `Регион с кодом «${clinic.regionCode}» не найден в справочнике`)
  }
  const ogrn = checkOgrn(clinic.ogrn)
  if (!ogrn.ok) throw new AppError('VALIDATION', ogrn.message)
  deps.store.db
    .insert(workstations)
    .values({
      id: uuidv7(deps.clock.now().getTime()),
      name: workstationName,
      isThisDesk: true,
      enrolledAt: nowIso(deps)
    })
    .run()
  writeSetting(deps, 'clinic', clinic)
  writeSetting(deps, 'deskNumber', '01')
}

export async function setupClinic(
  deps: CoreDeps,
  input: {
    clinic: ClinicDetails
    workstationName: string
    admin: { login: string; fullName: string; password: string }
  }
): Promise<SystemStatus> {
  guardEmpty(deps)
  const reference = await loadReferenceData(join(deps.resourcesDir, 'reference'))
  inTransaction(deps, () => {
    guardEmpty(deps)
    initialise(deps, reference, input.clinic, input.workstationName)
  })
  inTransaction(deps, () => clinicSigningKey(deps, input.clinic.shortName))
  await createUser(deps, null, { ...input.admin, role: 'admin' })
  inTransaction(deps, () =>
    appendAudit(deps, null, { action: 'system.setup', entity: 'clinic', details: { demo: false } })
  )
  return systemStatus(deps)
}

export const DEMO_PASSWORD = 'demo1234'
export const demoUsers = [
  { login: 'registrar', fullName: 'Смирнова Ольга Викторовна', role: 'registrar' },
  { login: 'senior', fullName: 'Кузнецова Татьяна Николаевна', role: 'senior_registrar' },
  { login: 'admin', fullName: 'Попов Андрей Сергеевич', role: 'admin' },
  { login: 'auditor', fullName: 'Волкова Елена Игоревна', role: 'auditor' }
] as const

export async function setupDemo(deps: CoreDeps, input: { patients: number }): Promise<SystemStatus> {
  guardEmpty(deps)
  const reference = await loadReferenceData(join(deps.resourcesDir, 'reference'))
  const home = reference.organisations.find((o) => o.regionCode === '77') ?? reference.organisations[0]
  const clinic: ClinicDetails = {
    name: home.fullName,
    shortName: home.shortName,
    address: home.address,
    ogrn: home.ogrn,
    regionCode: home.regionCode,
    phone: '+7 495 000-00-00'
  }
  inTransaction(deps, () => {
    guardEmpty(deps)
    initialise(deps, reference, clinic, deps.defaultWorkstationName ?? 'Регистратура, окно 1')
    writeSetting(deps, 'demo', true)
    clinicSigningKey(deps, clinic.shortName)
    const portal = loadDemoPortalKey(deps.resourcesDir)
    deps.store.db
      .insert(trustedKeys)
      .values({
        keyId: portal.keyId,
        issuerKind: 'portal',
        issuerName: 'Демо-портал госуслуг (учебный ключ)',
        publicKey: portal.publicKey,
        addedAt: nowIso(deps)
      })
      .run()
  })
  const ids: Record<string, string> = {}
  for (const u of demoUsers)
    // Demo accounts share a published password on purpose, so the demo skips the password rules.
    ids[u.login] = (
      await createUser(deps, null, { ...u, password: DEMO_PASSWORD }, { skipPasswordRules: true })
    ).id
  generateDemoClinic(deps, {
    patients: input.patients,
    clinicOrgId: home.id,
    clinicRegion: home.regionCode,
    userIds: { registrar: ids.registrar, senior: ids.senior },
    reference
  })
  inTransaction(deps, () =>
    appendAudit(deps, null, {
      action: 'system.setup',
      entity: 'clinic',
      details: { demo: true, patients: input.patients }
    })
  )
  return systemStatus(deps)
}
