// Tasks sync leaves for a registrar. Most come from the server and are closed for every desk through the log; a
// change this desk could not apply is its own and stays here.
import { desc, eq, isNull } from 'drizzle-orm'
import { AppError } from '../../contract/errors'
import type { SyncTask } from '../../contract/sync-commands'
import { appendAudit } from '../audit/audit'
import type { Actor, CoreDeps } from '../context'
import { inTransaction, nowIso } from '../context'
import { syncTasks } from '../db/schema'
import { recordChange } from '../outbox/outbox'

type TaskRow = typeof syncTasks.$inferSelect

function parsed(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

function toTask(row: TaskRow): SyncTask {
  return {
    id: row.id,
    kind: row.kind,
    entity: row.entity,
    entityId: row.entityId,
    field: row.field,
    serverValue: parsed(row.serverValue),
    proposedValue: parsed(row.proposedValue),
    relatedId: row.relatedId,
    message: row.message,
    createdAt: row.createdAt,
    resolvedAt: row.resolvedAt,
    resolution: row.resolution
  }
}

export function listSyncTasks(
  deps: CoreDeps,
  input: { includeResolved: boolean; limit: number }
): SyncTask[] {
  const rows = deps.store.db
    .select()
    .from(syncTasks)
    .where(input.includeResolved ? undefined : isNull(syncTasks.resolvedAt))
    .orderBy(desc(syncTasks.createdAt))
    .limit(input.limit)
    .all()
  return rows.map(toTask)
}

export function resolveSyncTask(
  deps: CoreDeps,
  actor: Actor,
  input: { id: string; resolution: string }
): SyncTask {
  return inTransaction(deps, () => {
    const row = deps.store.db.select().from(syncTasks).where(eq(syncTasks.id, input.id)).get()
    if (!row) throw new AppError('NOT_FOUND', 'Задача не найдена')
    if (row.resolvedAt) throw new AppError('CONFLICT', 'Задача уже закрыта')
    const fields = { resolvedAt: nowIso(deps), resolvedBy: actor.fullName, resolution: input.resolution }
    deps.store.db
      .update(syncTasks)
      .set({ ...fields, updatedAt: fields.resolvedAt, version: row.version + 1 })
      .where(eq(syncTasks.id, row.id))
      .run()
    if (row.kind !== 'apply_failed') {
      recordChange(deps, {
        entity: 'sync_task',
        entityId: row.id,
        op: 'update',
        fields,
        baseVersion: row.version
      })
    }
    appendAudit(deps, actor, {
      action: 'sync.task_resolve',
      entity: 'sync_task',
      entityId: row.id,
      patientId: row.entity === 'patient' ? row.entityId : null,
      details: { kind: row.kind, resolution: input.resolution }
    })
    return toTask({ ...row, ...fields })
  })
}
