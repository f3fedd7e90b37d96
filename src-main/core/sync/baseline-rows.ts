// A record of this desk as its first insert carries it to the server: its synced fields, and its children (visit
// services, signatures) inside it. Shared by the baseline a desk queues when it connects and by the changes made
// while that baseline is still being queued, which must not reach the server before the record they change.
import { eq, inArray } from 'drizzle-orm'
import type { CoreDeps } from '../context'
import type { Change } from '../outbox/outbox'
import { idColumn } from './apply-record'
import { bookkeeping, specOf, type EntitySpec } from './entities'
import { rowStatements } from './row-statements'

type Row = Record<string, unknown>

/** Children of a chunk of parents, by parent id: one query per child table and chunk, not one per parent. */
export type ChildrenOf = (parentIds: string[]) => Map<string, unknown[]>

export function childReaders(spec: EntitySpec, deps: CoreDeps): ChildrenOf[] {
  return spec.children.map((child) => {
    const column = (child.table as unknown as Record<string, Parameters<typeof eq>[0]>)[child.parentColumn]
    return (parentIds) => {
      const byParent = new Map<string, unknown[]>()
      const rows = deps.store.db.select().from(child.table).where(inArray(column, parentIds)).all() as Row[]
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

export function baselineFields(spec: EntitySpec, row: Row, children: Map<string, unknown[]>[]): Row {
  const fields: Row = {}
  for (const [k, v] of Object.entries(row))
    if (!spec.localOnly.includes(k) && !bookkeeping.has(k)) fields[k] = v
  spec.children.forEach((child, i) => {
    fields[child.field] = children[i].get(String(row.id)) ?? []
  })
  return fields
}

/** The kinds of record a baseline queues: every synced table but the server's own tasks. */
export function queuedInBaseline(spec: EntitySpec | undefined): spec is EntitySpec & { table: object } {
  return !!spec?.table && spec.name !== 'sync_task'
}

function hasInsert(deps: CoreDeps, entity: string, entityId: string): boolean {
  return !!rowStatements(deps.store.sqlite)
    .prepared("SELECT 1 FROM outbox WHERE entity = ? AND entity_id = ? AND op = 'insert' LIMIT 1")
    .get(entity, entityId)
}

/**
 * While the baseline is still being queued, a change may touch a record the baseline has not reached yet. The
 * server takes a desk's ops in order, so that record's insert goes first, and so do the inserts of the records it
 * refers to (a request's patient): the baseline passes over them later, as it passes over every record already
 * queued. Returns false when the change is an insert already queued this way: a service that records a new
 * record's child first (a request's first status) has its parent's insert queued ahead from the row it just wrote.
 */
export function queueAheadOf(deps: CoreDeps, change: Change, record: (c: Change) => void): boolean {
  const seen = new Set<string>()
  const refsOf = (spec: EntitySpec, id: string, fields: Row) => {
    for (const ref of spec.refs) {
      const target = ref.field === 'id' ? id : fields[ref.field]
      if (typeof target === 'string') ensure(ref.entity, target)
    }
  }
  const ensure = (entity: string, id: string) => {
    const key = `${entity}\u0000${id}`
    if (seen.has(key)) return
    seen.add(key)
    const spec = specOf(entity)
    if (!queuedInBaseline(spec) || hasInsert(deps, entity, id)) return
    const row = deps.store.db
      .select()
      .from(spec.table)
      .where(eq(idColumn(spec.table), id))
      .get() as Row | undefined
    if (!row) return
    refsOf(spec, id, row)
    const children = childReaders(spec, deps).map((read) => read([id]))
    record({
      entity,
      entityId: id,
      op: 'insert',
      fields: baselineFields(spec, row, children),
      baseVersion: 0
    })
  }
  const spec = specOf(change.entity)
  if (!spec) return true
  if (change.op !== 'insert') {
    ensure(change.entity, change.entityId)
    return true
  }
  // An insert is the record's own first op: only what it refers to may be missing.
  if (queuedInBaseline(spec) && hasInsert(deps, change.entity, change.entityId)) return false
  refsOf(spec, change.entityId, change.fields)
  return true
}
