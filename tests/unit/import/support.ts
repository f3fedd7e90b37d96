// A demo clinic to import into, the senior registrar as the actor, and counts straight from the store.
import { eq } from 'drizzle-orm'
import type { Actor, CoreDeps } from '../../../src-main/core/context'
import { users } from '../../../src-main/core/db/schema'
import type { ImportFile } from '../../../src-main/core/import/format'
import { sourceFromFile } from '../../../src-main/core/import/import-source'
import { runImport, type ImportOptions } from '../../../src-main/core/import/importer'
import { thisWorkstationId } from '../../../src-main/core/settings/settings-service'
import { demoCore } from '../support/core'

export async function importCore(patients = 20) {
  const t = await demoCore(patients)
  const deps = await t.core.deps()
  const senior = deps.store.db.select().from(users).where(eq(users.login, 'senior')).get()!
  const actor: Actor = {
    userId: senior.id,
    fullName: senior.fullName,
    role: senior.role,
    workstationId: thisWorkstationId(deps)
  }
  const run = (file: ImportFile, options: Partial<ImportOptions> = {}) =>
    runImport(deps, actor, sourceFromFile(file), { dryRun: false, batchSize: 7, ...options })
  return { ...t, deps, actor, run }
}

const tables = [
  'patients',
  'visits',
  'visit_services',
  'medical_documents',
  'document_signatures',
  'extract_requests',
  'request_status_history',
  'outbox',
  'audit_events'
] as const

export function tableCounts(deps: CoreDeps): Record<(typeof tables)[number], number> {
  return Object.fromEntries(
    tables.map((t) => [
      t,
      (deps.store.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n
    ])
  ) as Record<(typeof tables)[number], number>
}

export function outboxSince(deps: CoreDeps, afterSeq: number) {
  return deps.store.sqlite
    .prepare(
      'SELECT device_seq, entity, entity_id, op, fields FROM outbox WHERE device_seq > ? ORDER BY device_seq'
    )
    .all(afterSeq) as { device_seq: number; entity: string; entity_id: string; op: string; fields: string }[]
}

export function lastOutboxSeq(deps: CoreDeps): number {
  return (
    deps.store.sqlite.prepare('SELECT coalesce(max(device_seq), 0) AS n FROM outbox').get() as { n: number }
  ).n
}
