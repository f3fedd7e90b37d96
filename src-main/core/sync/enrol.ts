// Connecting a desk to the clinic's server. A configured desk (sync.configure) enrols under its own id; its first
// sync run queues the baseline (baseline.ts). A new desk (system.setupFromServer) enrols, takes the clinic and loads
// the snapshot.
import { join } from 'node:path'
import { AppError } from '../../contract/errors'
import type { SystemStatus } from '../../contract/schemas'
import type { SyncStatus } from '../../contract/sync-commands'
import { appendAudit } from '../audit/audit'
import type { Actor, CoreDeps } from '../context'
import { inTransaction, nowIso } from '../context'
import { syncState, workstations } from '../db/schema'
import { uuidv7 } from '../ids'
import { SYNC_SCHEMA_VERSION } from '../outbox/outbox'
import { clinicSigningKey } from '../qr/trust-service'
import { loadReferenceData } from '../reference/reference-data'
import { seedReferenceData } from '../reference/reference-service'
import { getSettings, isInitialized, thisWorkstation, writeSetting } from '../settings/settings-service'
import { systemStatus } from '../setup/setup-service'
import { syncEngineFor } from './engine'
import { readSyncState, updateSyncState, writeDeskToken } from './state'
import { createTransport, SyncClientError } from './transport'

/** Sync failures cross the contract as AppError with the server's own Russian explanation. */
export function asAppError(error: unknown): unknown {
  if (!(error instanceof SyncClientError)) return error
  const code =
    error.code === 'ENROLMENT_REFUSED' || error.code === 'REVOKED'
      ? 'FORBIDDEN'
      : error.code === 'NOT_SEEDED'
        ? 'NOT_INITIALIZED'
        : 'CONFLICT'
  return new AppError(code, error.message)
}

export async function configureSync(
  deps: CoreDeps,
  actor: Actor,
  input: { serverUrl: string; code: string },
  fetchImpl?: typeof fetch
): Promise<SyncStatus> {
  const ws = thisWorkstation(deps)
  if (!ws) throw new AppError('NOT_INITIALIZED', 'Рабочее место ещё не настроено')
  const t = createTransport({
    serverUrl: input.serverUrl,
    token: null,
    schemaVersion: SYNC_SCHEMA_VERSION,
    generation: null,
    fetch: fetchImpl
  })
  let res
  try {
    res = await t.enrol({
      code: input.code,
      deviceId: ws.id,
      name: ws.name,
      clinic: getSettings(deps).clinic
    })
  } catch (error) {
    throw asAppError(error)
  }
  writeDeskToken(deps, res.token)
  inTransaction(deps, () => {
    if (readSyncState(deps)) {
      updateSyncState(deps, {
        serverUrl: input.serverUrl,
        deskNumber: res.deskNumber,
        state: 'idle',
        lastError: null
      })
    } else {
      deps.store.db
        .insert(syncState)
        .values({
          id: 1,
          serverUrl: input.serverUrl,
          deviceId: ws.id,
          deskNumber: res.deskNumber,
          generation: res.generation,
          enrolledAt: nowIso(deps)
        })
        .run()
    }
    writeSetting(deps, 'deskNumber', res.deskNumber)
    appendAudit(deps, actor, {
      action: 'sync.configure',
      entity: 'workstation',
      entityId: ws.id,
      details: { serverUrl: input.serverUrl, deskNumber: res.deskNumber, seeded: res.seededByThisDesk }
    })
  })
  // The first run queues the baseline and sends it: at a large clinic, most of an hour. The administrator gets the
  // answer now; the status line shows the preparation and then the changes going out.
  const engine = syncEngineFor(deps)
  engine.start()
  engine.soon()
  return engine.status()
}

export async function joinClinic(
  deps: CoreDeps,
  input: { serverUrl: string; code: string; workstationName: string },
  fetchImpl?: typeof fetch
): Promise<SystemStatus> {
  if (isInitialized(deps))
    throw new AppError('ALREADY_INITIALIZED', 'Клиника уже настроена на этом рабочем месте')
  const deviceId = uuidv7(deps.clock.now().getTime())
  const t = createTransport({
    serverUrl: input.serverUrl,
    token: null,
    schemaVersion: SYNC_SCHEMA_VERSION,
    generation: null,
    fetch: fetchImpl
  })
  let res
  try {
    res = await t.enrol({ code: input.code, deviceId, name: input.workstationName, clinic: null })
  } catch (error) {
    throw asAppError(error)
  }
  const reference = await loadReferenceData(join(deps.resourcesDir, 'reference'))
  writeDeskToken(deps, res.token)
  const clinic = res.clinic
  inTransaction(deps, () => {
    if (isInitialized(deps))
      throw new AppError('ALREADY_INITIALIZED', 'Клиника уже настроена на этом рабочем месте')
    seedReferenceData(deps, reference)
    deps.store.db
      .insert(workstations)
      .values({ id: deviceId, name: input.workstationName, isThisDesk: true, enrolledAt: nowIso(deps) })
      .run()
    writeSetting(deps, 'clinic', clinic)
    writeSetting(deps, 'deskNumber', res.deskNumber)
    deps.store.db
      .insert(syncState)
      .values({
        id: 1,
        serverUrl: input.serverUrl,
        deviceId,
        deskNumber: res.deskNumber,
        generation: res.generation,
        baselineDone: true,
        enrolledAt: nowIso(deps)
      })
      .run()
    clinicSigningKey(deps, clinic.shortName)
    appendAudit(deps, null, {
      action: 'system.setup',
      entity: 'clinic',
      details: { fromServer: input.serverUrl, deskNumber: res.deskNumber }
    })
  })
  const engine = syncEngineFor(deps)
  engine.start()
  await engine.syncNow()
  return systemStatus(deps)
}
