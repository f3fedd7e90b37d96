// One push (or import) as a unit of work: the records it touches are read in a few queries up front, merged in
// memory, and written back with their log entries and history in a few multi-row statements at the end. The whole
// batch is one transaction, so it lands complete or not at all.
import { randomUUID } from 'node:crypto'
import { and, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { RecordState, Stamp } from '../src-main/core/sync/merge'
import { specOf } from '../src-main/core/sync/entities'
import { isoNow, queryRows, type ServerContext, type Tx } from './context'
import { records, review, workstations } from './db/schema'
import { unpackStamps } from './stamps'
import { writeBatch, type EntryInput, type HistoryRow } from './write-batch'

export interface TaskInput {
  kind: 'identity_conflict' | 'duplicate_patient' | 'clock_skew' | 'rejected_change'
  entity: string
  entityId: string
  field?: string | null
  serverValue?: unknown
  proposedValue?: unknown
  deviceId?: string | null
  relatedId?: string | null
  message: string
}

type RecordRow = typeof records.$inferSelect

const key = (entity: string, entityId: string) => `${entity}\u0000${entityId}`
const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)

/** (entity, column) is one of these keys: the pairs travel as one JSON parameter and meet an index led by entity. */
function pairIn(column: typeof records.entityId | typeof records.number, keys: string[]): SQL {
  const pairs = JSON.stringify(keys.map((k) => k.split('\u0000')))
  return sql`(${records.entity}, ${column}) in (select p->>0, p->>1 from jsonb_array_elements(${pairs}::jsonb) as p)`
}

/** The fields of a batch's ops that the unit of work reads ahead. */
export interface PlannedOp {
  entity: string
  entityId: string
  op: string
  fields: Record<string, unknown>
}

export type { EntryInput }

export class Batch {
  /** True when some op waits in review for a record; only then does an insert look for ops to release. */
  waiting = false
  private cache = new Map<string, RecordState | null>()
  private dirty = new Map<string, { entity: string; entityId: string; state: RecordState; seq: number }>()
  private entries: EntryInput[] = []
  private logged = new Set<string>()
  private historyRows: HistoryRow[] = []
  private seqs: number[] = []
  /** Patients that may share a СНИЛС or ЕНП with one in this batch, by number, and records that may hold its numbers. */
  private bySnils = new Map<string, Set<string>>()
  private byEnp = new Map<string, Set<string>>()
  private numbered = new Set<string>()

  private constructor(
    readonly ctx: ServerContext,
    readonly tx: Tx,
    readonly names: Map<string, string>
  ) {}

  static async start(ctx: ServerContext, tx: Tx, ops: PlannedOp[]): Promise<Batch> {
    const ws = await tx.select({ id: workstations.id, name: workstations.name }).from(workstations)
    const batch = new Batch(ctx, tx, new Map(ws.map((r) => [r.id, r.name])))
    const parked = await tx
      .select({ id: review.id })
      .from(review)
      .where(and(isNotNull(review.waitingFor), isNull(review.resolvedAt)))
      .limit(1)
    batch.waiting = parked.length > 0
    // Every record an op names or refers to: one the store lacks is remembered as absent, not asked for again.
    const wanted = new Set<string>()
    const snils = new Set<string>()
    const enp = new Set<string>()
    const numbers = new Set<string>()
    for (const op of ops) {
      wanted.add(key(op.entity, op.entityId))
      for (const ref of specOf(op.entity)?.refs ?? []) {
        const id = ref.field === 'id' ? op.entityId : op.fields[ref.field]
        if (typeof id === 'string') wanted.add(key(ref.entity, id))
      }
      if (op.entity === 'patient') {
        if (text(op.fields.snils)) snils.add(String(op.fields.snils))
        if (text(op.fields.enp)) enp.add(String(op.fields.enp))
      }
      const number = op.entity === 'user' ? op.fields.login : op.fields.number
      if (op.op === 'insert' && text(number)) numbers.add(key(op.entity, String(number)))
    }
    const remember = (rows: RecordRow[], into?: Set<string>) => {
      for (const r of rows) {
        const k = key(r.entity, r.entityId)
        const state = {
          data: r.data as Record<string, unknown>,
          stamps: unpackStamps(r.stamps),
          deleted: r.deleted
        }
        batch.cache.set(k, state)
        into?.add(k)
        if (r.entity === 'patient') batch.indexPerson(k, state.data)
      }
    }
    // By (entity, id) pairs, so that the primary key finds them: an id alone made PostgreSQL read the whole table.
    const pairs = [...wanted]
    for (let i = 0; i < pairs.length; i += 1000)
      remember(
        await tx
          .select()
          .from(records)
          .where(pairIn(records.entityId, pairs.slice(i, i + 1000)))
      )
    // Every pair was asked for, so one the query did not return is not in the store.
    for (const k of wanted) if (!batch.cache.has(k)) batch.cache.set(k, null)
    const bySnils = snils.size ? [inArray(records.snils, [...snils])] : []
    const byEnp = enp.size ? [inArray(records.enp, [...enp])] : []
    if (snils.size || enp.size)
      remember(
        await tx
          .select()
          .from(records)
          .where(and(eq(records.entity, 'patient'), or(...bySnils, ...byEnp)))
      )
    if (numbers.size)
      remember(
        await tx
          .select()
          .from(records)
          // Stated outright, so that the partial index on numbers is seen to hold every row this can match.
          .where(and(isNotNull(records.number), pairIn(records.number, [...numbers]))),
        batch.numbered
      )
    // A block of log positions in one statement: the log lock is held, so no other writer takes from the sequence.
    if (ops.length > 0) {
      const [block] = await queryRows<{ last: string }>(
        tx,
        sql`select setval(pg_get_serial_sequence('log', 'seq'),
              nextval(pg_get_serial_sequence('log', 'seq')) + ${ops.length - 1})::bigint as last`
      )
      const last = Number(block.last)
      batch.seqs = Array.from({ length: ops.length }, (_, i) => last - i)
    }
    return batch
  }

  async record(entity: string, entityId: string): Promise<RecordState | null> {
    const k = key(entity, entityId)
    if (this.cache.has(k)) return this.cache.get(k)!
    const rows = await this.tx
      .select()
      .from(records)
      .where(and(eq(records.entity, entity), eq(records.entityId, entityId)))
    const state = rows[0]
      ? {
          data: rows[0].data as Record<string, unknown>,
          stamps: unpackStamps(rows[0].stamps),
          deleted: rows[0].deleted
        }
      : null
    this.cache.set(k, state)
    return state
  }

  async exists(entity: string, entityId: string): Promise<boolean> {
    return (await this.record(entity, entityId)) !== null
  }

  put(entity: string, entityId: string, state: RecordState, seq: number): void {
    const k = key(entity, entityId)
    this.cache.set(k, state)
    this.dirty.set(k, { entity, entityId, state, seq })
    if (entity === 'patient') this.indexPerson(k, state.data)
  }

  /** Files a patient under its numbers; one it no longer holds is passed over when asked for, by the check below. */
  private indexPerson(k: string, data: Record<string, unknown>): void {
    for (const [index, value] of [
      [this.bySnils, text(data.snils)],
      [this.byEnp, text(data.enp)]
    ] as const) {
      if (!value) continue
      let keys = index.get(value)
      if (!keys) index.set(value, (keys = new Set()))
      keys.add(k)
    }
  }

  /** The next log position: taken from the block reserved at the start, more only if tasks used it up. */
  async seq(): Promise<number> {
    const next = this.seqs.pop()
    if (next !== undefined) return next
    const [row] = await queryRows<{ seq: string }>(
      this.tx,
      sql`select nextval(pg_get_serial_sequence('log', 'seq'))::bigint as seq`
    )
    return Number(row.seq)
  }

  entry(e: EntryInput): void {
    this.entries.push(e)
    this.logged.add(e.opId)
  }

  hasEntry(opId: string): boolean {
    return this.logged.has(opId)
  }

  history(rows: Omit<HistoryRow, 'seq' | 'outcome'>[], seq: number, outcome: HistoryRow['outcome']): void {
    for (const r of rows) this.historyRows.push({ ...r, seq, outcome })
  }

  private *live(entity: string, keys: Iterable<string>) {
    for (const k of keys) {
      const [e, id] = k.split('\u0000')
      const state = this.cache.get(k)
      if (e === entity && state && !state.deleted) yield { entityId: id, data: state.data }
    }
  }

  /** Live patients other than this one with the same СНИЛС or ЕНП, as this batch leaves them. */
  samePerson(
    entityId: string,
    snils: unknown,
    enp: unknown
  ): { entityId: string; data: Record<string, unknown> }[] {
    const s = text(snils)
    const e = text(enp)
    if (!s && !e) return []
    const seen = new Set<string>()
    const found = []
    const candidates = [...((s && this.bySnils.get(s)) || []), ...((e && this.byEnp.get(e)) || [])]
    for (const p of this.live('patient', candidates)) {
      if (p.entityId === entityId || seen.has(p.entityId) || p.data.mergedInto) continue
      seen.add(p.entityId)
      if ((s && p.data.snils === s) || (e && p.data.enp === e)) found.push(p)
    }
    return found
  }

  /** Another record of the kind holds this number (requests, complaints) or login (users). */
  numberTaken(entity: string, entityId: string, number: unknown): boolean {
    if (!text(number)) return false
    for (const r of this.live(entity, [...this.numbered, ...this.dirty.keys()])) {
      const held = entity === 'user' ? r.data.login : r.data.number
      if (r.entityId !== entityId && held === number) return true
    }
    return false
  }

  async hasOpenTask(kind: string, entityId: string): Promise<boolean> {
    for (const t of this.live('sync_task', this.dirty.keys()))
      if (t.data.kind === kind && t.data.entityId === entityId && !t.data.resolvedAt) return true
    const rows = await queryRows(
      this.tx,
      sql`select 1 from records where entity = 'sync_task' and data->>'kind' = ${kind}
          and data->>'entityId' = ${entityId} and data->>'resolvedAt' is null limit 1`
    )
    return rows.length > 0
  }

  /** A task is a synced record like any other: it reaches every desk through the log. */
  async raiseTask(task: TaskInput): Promise<string> {
    const id = randomUUID()
    const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v))
    const data = {
      id,
      kind: task.kind,
      entity: task.entity,
      entityId: task.entityId,
      field: task.field ?? null,
      serverValue: json(task.serverValue),
      proposedValue: json(task.proposedValue),
      deviceId: task.deviceId ?? null,
      relatedId: task.relatedId ?? null,
      message: task.message,
      resolvedAt: null,
      resolvedBy: null,
      resolution: null,
      createdAt: isoNow(this.ctx)
    }
    const seq = await this.seq()
    const hlc = this.ctx.stamp('server')
    const stamps: Record<string, Stamp> = {}
    const stamp: Stamp = { h: hlc, s: seq, d: 'server' }
    for (const k of Object.keys(data)) stamps[k] = stamp
    this.put('sync_task', id, { data, stamps, deleted: false }, seq)
    this.entry({
      seq,
      opId: randomUUID(),
      deviceId: 'server',
      deviceSeq: null,
      hlc,
      clamped: false,
      entity: 'sync_task',
      entityId: id,
      op: 'insert',
      fields: data,
      lost: [],
      outcome: 'applied',
      message: null
    })
    return id
  }

  /** Writes what the batch changed; the caller commits. */
  async flush(): Promise<void> {
    await writeBatch(this.ctx, this.tx, [...this.dirty.values()], this.entries, this.historyRows)
    this.dirty.clear()
    this.entries = []
    this.historyRows = []
  }
}
