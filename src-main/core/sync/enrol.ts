// Connecting a desk to the clinic's server. A configured desk (sync.configure) enrols under its own id and queues
// every record it holds that never went through the outbox (the demo clinic, data from before sync), so that nothing
// stays on one desk only. A new desk (system.setupFromServer) enrols, takes the clinic and loads the snapshot.
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm'
import { join } from 'node:path'
import { AppError } from '../../contract/errors'
import type { SystemStatus } from '../../contract/schemas'
import type { SyncStatus } from '../../contract/sync-commands'
import { appendAudit } from '../audit/audit'
import type { Actor, CoreDeps } from '../context'
import { inTransaction, nowIso } from '../context'
import { leaveWal } from '../db/bulk-load'
import { outbox, syncState, workstations } from '../db/schema'
import { uuidv7 } from '../ids'
import { changeRecorder, SYNC_SCHEMA_VERSION } from '../outbox/outbox'
import { clinicSigningKey } from '../qr/trust-service'
import { loadReferenceData } from '../reference/reference-data'
import { seedReferenceData } from '../reference/reference-service'
import { getSettings, isInitialized, thisWorkstation, writeSetting } from '../settings/settings-service'
import { systemStatus } from '../setup/setup-service'
import { idColumn } from './apply-record'
import { syncEngineFor } from './engine'
import { bookkeeping, entitySpecs, type EntitySpec } from './entities'
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

export const BASELINE_CHUNK = 2000

/** Children of a chunk of parents, by parent id: one query per child table and chunk, not one per parent. */
type ChildrenOf = (parentIds: string[]) => Map<string, unknown[]>

function childReaders(spec: EntitySpec, deps: CoreDeps): ChildrenOf[] {
  return spec.children.map((child) => {
    const column = (child.table as unknown as Record<string, Parameters<typeof eq>[0]>)[child.parentColumn]
    return (parentIds) => {
      const byParent = new Map<string, unknown[]>()
      const rows = deps.store.db.select().from(child.table).where(inArray(column, parentIds)).all() as Record<
        string,
        unknown
      >[]
      for (const row of rows) {
        const parent = String(row[child.parentColumn])
        const list = byParent.get(parent)
        if (list) list.push(row)
        else byParent.set(parent, [row])
      }
      return byParent
    }
  })
}

function baselineFields(spec: EntitySpec, row: Record<string, unknown>, children: Map<string, unknown[]>[]) {
  const fields: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(row))
    if (!spec.localOnly.includes(k) && !bookkeeping.has(k)) fields[k] = v
  spec.children.forEach((child, i) => {
    fields[child.field] = children[i].get(String(row.id)) ?? []
  })
  return fields
}

/**
 * Every synced record of this desk without an insert in the outbox gets one, in dependency order. A table is read a
 * chunk at a time in id order: a clinic of a million patients has millions of visits, which would not fit in memory
 * at once. No await in between, so no other change of this desk can slip in while the baseline is queued. The
 * outbox is written as a bulk load writes, through a rollback journal: WAL would write each of its pages twice.
 */
export function queueBaseline(deps: CoreDeps): number {
  const backToWal = leaveWal(deps.store.sqlite)
  try {
    return queueUnqueued(deps)
  } finally {
    backToWal()
  }
}

function queueUnqueued(deps: CoreDeps): number {
  let queued = 0
  const specs = Object.values(entitySpecs)
    .filter((s) => s.table && s.name !== 'sync_task')
    .sort((a, b) => a.rank - b.rank)
  for (const spec of specs) {
    const table = spec.table!
    const id = idColumn(table)
    const readers = childReaders(spec, deps)
    const unqueued = sql`not exists (select 1 from ${outbox} where ${outbox.entity} = ${spec.name}
      and ${outbox.entityId} = ${id} and ${outbox.op} = 'insert')`
    let after: string | null = null
    for (;;) {
      const rows = deps.store.db
        .select()
        .from(table)
        .where(after === null ? unqueued : and(gt(id, after), unqueued))
        .orderBy(asc(id))
        .limit(BASELINE_CHUNK)
        .all() as Record<string, unknown>[]
      if (rows.length === 0) break
      const ids = rows.map((row) => String(row.id))
      const children = readers.map((read) => read(ids))
      inTransaction(deps, () => {
        const record = changeRecorder(deps)
        for (const row of rows) {
          record({
            entity: spec.name,
            entityId: String(row.id),
            op: 'insert',
            fields: baselineFields(spec, row, children),
            baseVersion: 0
          })
        }
      })
      queued += rows.length
      after = ids[ids.length - 1]
    }
  }
  return queued
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
  if (!readSyncState(deps)?.baselineDone) {
    queueBaseline(deps)
    updateSyncState(deps, { baselineDone: true })
  }
  const engine = syncEngineFor(deps)
  engine.start()
  await engine.syncNow()
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
