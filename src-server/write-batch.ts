// Writing a batch back: the records it changed, its log entries in sequence order and its field history, each in
// one statement per few thousand rows, so that a push of a thousand ops costs a handful of round trips.
import { sql, type SQL } from 'drizzle-orm'
import type { LostValue, RecordState } from '../src-main/core/sync/merge'
import { specOf } from '../src-main/core/sync/entities'
import { isoNow, type ServerContext, type Tx } from './context'
import { packStamps } from './stamps'

export interface EntryInput {
  seq: number
  opId: string
  deviceId: string
  deviceSeq: number | null
  hlc: string
  clamped: boolean
  entity: string
  entityId: string
  op: 'insert' | 'update' | 'delete' | 'none'
  fields: Record<string, unknown>
  lost: LostValue[]
  outcome: 'applied' | 'partial' | 'rejected' | 'duplicate'
  message: string | null
  /** The op went in exactly as its desk sent it (log.as_sent); false when left out. */
  asSent?: boolean
}

export interface HistoryRow {
  entity: string
  entityId: string
  field: string
  value: unknown
  hlc: string
  deviceId: string
  seq: number
  outcome: 'applied' | 'lost' | 'kept_server'
}

// Rows travel as one JSON array per statement and Postgres unpacks them (json_to_recordset): a statement costs
// one parameter however many rows it carries, where a multi-row VALUES list costs one per cell on both sides. The
// array is read as json, not jsonb, and a row's objects come out as text and are checked into their json columns
// once. (A JSON string would come out without its quotes, so a value that may be one, as in field history, is still
// read as jsonb.)
const CHUNK = 5000
const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)

/** The statements that insert these rows, their JSON written now. */
function insertJson(rows: readonly object[], statement: (json: SQL) => SQL): SQL[] {
  const out: SQL[] = []
  for (let i = 0; i < rows.length; i += CHUNK)
    out.push(statement(sql`${JSON.stringify(rows.slice(i, i + CHUNK))}::json`))
  return out
}

/** Writes what a batch changed, in the caller's transaction: a few statements, one after another. */
export async function writeBatch(
  ctx: ServerContext,
  tx: Tx,
  dirty: { entity: string; entityId: string; state: RecordState; seq: number }[],
  entries: EntryInput[],
  historyRows: HistoryRow[]
): Promise<void> {
  for (const statement of batchStatements(ctx, dirty, entries, historyRows)) await tx.execute(statement)
}

/** The same values under the same keys, arrays and objects by identity: a new record's copy of its insert's fields. */
function sameShallow(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let n = 0
  for (const k in a) {
    if (a[k] !== b[k] || !(k in b)) return false
    n++
  }
  for (const _ in b) n--
  return n === 0
}

function batchStatements(
  ctx: ServerContext,
  dirty: { entity: string; entityId: string; state: RecordState; seq: number }[],
  entries: EntryInput[],
  historyRows: HistoryRow[]
): SQL[] {
  const at = isoNow(ctx)
  const bySeq = new Map(entries.map((e) => [e.seq, e]))
  /**
   * A record that the batch made and left as its insert brought it holds what that insert's log entry holds: its
   * data is not written out a second time but taken from the entry, which goes in first. After a baseline that is
   * nearly every record, and the data was half of what a push sent PostgreSQL and had it parse.
   */
  const asInserted = (entity: string, entityId: string, state: RecordState, seq: number) => {
    const e = bySeq.get(seq)
    return (
      e !== undefined &&
      e.op === 'insert' &&
      e.entity === entity &&
      e.entityId === entityId &&
      sameShallow(state.data, e.fields)
    )
  }
  const rows = dirty.map(({ entity, entityId, state, seq }) => ({
    entity,
    entity_id: entityId,
    rank: specOf(entity)?.rank ?? 99,
    data: asInserted(entity, entityId, state, seq) ? null : state.data,
    stamps: packStamps(state.stamps),
    deleted: state.deleted,
    seq,
    // Copied out of data for the server's own lookups: duplicates, upstream matching, numbers and logins.
    snils: entity === 'patient' ? text(state.data.snils) : null,
    enp: entity === 'patient' ? text(state.data.enp) : null,
    number: text(entity === 'user' ? state.data.login : state.data.number)
  }))
  const records = insertJson(
    rows,
    (
      json
    ) => sql`insert into records (entity, entity_id, rank, data, stamps, deleted, seq, snils, enp, number)
      select r.entity, r.entity_id, r.rank, coalesce(r.data::json, l.fields), r.stamps::json, r.deleted, r.seq,
        r.snils, r.enp, r.number
      from json_to_recordset(${json}) as r(entity text, entity_id text, rank smallint, data text, stamps text,
        deleted boolean, seq bigint, snils text, enp text, number text)
        left join log l on r.data is null and l.seq = r.seq
      on conflict (entity, entity_id) do update set rank = excluded.rank, data = excluded.data,
        stamps = excluded.stamps, deleted = excluded.deleted, seq = excluded.seq, snils = excluded.snils,
        enp = excluded.enp, number = excluded.number`
  )
  const sorted = [...entries]
    .sort((a, b) => a.seq - b.seq)
    .map((e) => ({
      seq: e.seq,
      op_id: e.opId,
      device_id: e.deviceId,
      device_seq: e.deviceSeq,
      hlc: e.hlc,
      clamped: e.clamped,
      entity: e.entity,
      entity_id: e.entityId,
      op: e.op,
      fields: e.fields,
      lost: e.lost,
      outcome: e.outcome,
      message: e.message,
      at,
      as_sent: e.asSent === true
    }))
  const logged = insertJson(
    sorted,
    (
      json
    ) => sql`insert into log (seq, op_id, device_id, device_seq, hlc, clamped, entity, entity_id, op, fields,
        lost, outcome, message, at, as_sent)
      select seq, op_id, device_id, device_seq, hlc, clamped, entity, entity_id, op, fields::json, lost::json,
        outcome, message, at, as_sent
      from json_to_recordset(${json}) as r(seq bigint, op_id text, device_id text, device_seq bigint, hlc text,
        clamped boolean, entity text, entity_id text, op text, fields text, lost text, outcome text, message text,
        at text, as_sent boolean)`
  )
  const history = historyRows.map((h) => ({
    entity: h.entity,
    entity_id: h.entityId,
    field: h.field,
    value: h.value ?? null,
    hlc: h.hlc,
    device_id: h.deviceId,
    seq: h.seq,
    outcome: h.outcome
  }))
  const kept = insertJson(
    history,
    (json) => sql`insert into field_history (entity, entity_id, field, value, hlc, device_id, seq, outcome)
      select * from json_to_recordset(${json}) as r(entity text, entity_id text, field text, value jsonb, hlc text,
        device_id text, seq bigint, outcome text)`
  )
  // The log first: records made as inserted take their data from it.
  return [...logged, ...records, ...kept]
}
