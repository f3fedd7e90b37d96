// Writing a batch back: the records it changed, its log entries in sequence order and its field history, each in
// multi-row statements, so that a push of a thousand ops costs a handful of round trips rather than thousands.
import { sql } from 'drizzle-orm'
import type { LostValue, RecordState } from '../src-main/core/sync/merge'
import { specOf } from '../src-main/core/sync/entities'
import { isoNow, type ServerContext, type Tx } from './context'
import { fieldHistory, log, records } from './db/schema'

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

const CHUNK = 200
const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)

export async function writeBatch(
  ctx: ServerContext,
  tx: Tx,
  dirty: { entity: string; entityId: string; state: RecordState; seq: number }[],
  entries: EntryInput[],
  historyRows: HistoryRow[]
): Promise<void> {
  const at = isoNow(ctx)
  const rows = dirty.map(({ entity, entityId, state, seq }) => ({
    entity,
    entityId,
    rank: specOf(entity)?.rank ?? 99,
    data: state.data,
    stamps: state.stamps,
    deleted: state.deleted,
    seq,
    // Copied out of data for the server's own lookups: duplicates, upstream matching, numbers and logins.
    snils: entity === 'patient' ? text(state.data.snils) : null,
    enp: entity === 'patient' ? text(state.data.enp) : null,
    number: text(entity === 'user' ? state.data.login : state.data.number)
  }))
  const excluded = (column: string) => sql.raw(`excluded.${column}`)
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insert(records)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoUpdate({
        target: [records.entity, records.entityId],
        set: {
          rank: excluded('rank'),
          data: excluded('data'),
          stamps: excluded('stamps'),
          deleted: excluded('deleted'),
          seq: excluded('seq'),
          snils: excluded('snils'),
          enp: excluded('enp'),
          number: excluded('number')
        }
      })
  }
  const sorted = [...entries].sort((a, b) => a.seq - b.seq).map((e) => ({ ...e, at }))
  for (let i = 0; i < sorted.length; i += CHUNK) await tx.insert(log).values(sorted.slice(i, i + CHUNK))
  const history = historyRows.map((h) => ({ ...h, value: h.value ?? null }))
  for (let i = 0; i < history.length; i += CHUNK)
    await tx.insert(fieldHistory).values(history.slice(i, i + CHUNK))
}
