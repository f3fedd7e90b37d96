// How one record's fields land in its table on a desk: derived columns recomputed, desk-only columns filled in, a
// status never lowered, children (visit services, signatures) added once. Used for log entries and snapshots alike.
import { eq } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { CoreDeps } from '../context'
import { syncTasks } from '../db/schema'
import { uuidv7 } from '../ids'
import { searchTextOf } from '../patients/names'
import { bookkeeping, columnsOf, type EntitySpec } from './entities'
import { compareStatus, sameValue } from './merge'
import { rowStatements } from './row-statements'

type Row = Record<string, unknown>

export function idColumn(table: SQLiteTable) {
  return (table as unknown as Record<string, Parameters<typeof eq>[0]>).id
}

export function columnValues(spec: EntitySpec, fields: Row): Row {
  const columns = columnsOf(spec.table!)
  const out: Row = {}
  for (const k in fields) {
    if (k in columns && !bookkeeping.has(k) && !spec.localOnly.includes(k)) out[k] = fields[k]
  }
  return out
}

function derive(spec: EntitySpec, row: Row): Row {
  if (spec.name === 'patient') {
    return {
      searchText: searchTextOf(row as { lastName: string; firstName: string; middleName: string | null })
    }
  }
  return {}
}

/** Columns a desk needs that never travel: a user from elsewhere cannot sign in here until the password arrives. */
function localDefaults(spec: EntitySpec): Row {
  return spec.name === 'user' ? { passwordHash: '!', failedSignIns: 0 } : {}
}

export function recordTask(
  deps: CoreDeps,
  kind: 'apply_failed',
  entity: string,
  entityId: string,
  message: string,
  data: unknown
) {
  const at = deps.clock.now().toISOString()
  deps.store.db
    .insert(syncTasks)
    .values({
      id: uuidv7(),
      kind,
      entity,
      entityId,
      serverValue: JSON.stringify(data),
      message,
      createdAt: at,
      updatedAt: at
    })
    .run()
}

function writeChildren(deps: CoreDeps, spec: EntitySpec, entityId: string, fields: Row): void {
  const rows = rowStatements(deps.store.sqlite)
  for (const child of spec.children) {
    const children = fields[child.field]
    if (!Array.isArray(children)) continue
    for (const r of children as Row[])
      rows.insert(child.table, { ...r, [child.parentColumn]: entityId }, { ignoreConflict: true })
  }
}

export type ApplyMode = 'insert' | 'update' | 'snapshot'

/** Writes a record's fields; returns the fields that changed, for history. */
export function applyRecord(
  deps: CoreDeps,
  spec: EntitySpec,
  entityId: string,
  fields: Row,
  masked: Set<string>,
  at: string,
  mode: ApplyMode
): string[] {
  const table = spec.table!
  const rows = rowStatements(deps.store.sqlite)
  const existing = rows.find(table, entityId)
  const values = columnValues(spec, fields)
  if (!existing) {
    if (mode === 'update') {
      recordTask(
        deps,
        'apply_failed',
        spec.name,
        entityId,
        'Изменение пришло раньше самой записи: сохранено для проверки',
        fields
      )
      return []
    }
    const row: Row = Object.assign(localDefaults(spec), values)
    row.id = entityId
    row.createdAt = values.createdAt ?? at
    row.updatedAt = at
    row.version = 1
    rows.insert(table, Object.assign(row, derive(spec, row)))
    writeChildren(deps, spec, entityId, fields)
    return Object.keys(values)
  }
  for (const key of masked) delete values[key]
  if (spec.status && values[spec.status.fields[0]] !== undefined) {
    // Never backwards on a desk either: a status below the one shown is not applied.
    if (compareStatus(spec.status, { ...existing, ...values }, existing) < 0)
      for (const key of spec.status.fields) delete values[key]
  }
  const changed = Object.keys(values).filter((k) => !sameValue(existing[k], values[k]))
  if (changed.length > 0) {
    const set: Row = { updatedAt: at, version: Number(existing.version ?? 0) + 1 }
    for (const k of changed) set[k] = values[k]
    rows.update(table, { ...set, ...derive(spec, { ...existing, ...set }) }, entityId)
  }
  writeChildren(deps, spec, entityId, fields)
  return changed
}
