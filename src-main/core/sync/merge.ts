// How the server folds one checked op into the record it already holds (DESIGN §6). Pure and shared: the server
// runs it in log order, and its result — the values the server now keeps — is what every desk applies.
import { decodeHlc, encodeHlc } from '../outbox/hlc'
import type { EntitySpec } from './entities'

/** Who last set a field: the (clamped) HLC, the log position and the desk. */
export interface Stamp {
  h: string
  s: number
  d: string
}

export interface RecordState {
  data: Record<string, unknown>
  stamps: Record<string, Stamp>
  deleted: boolean
}

export interface IncomingOp {
  op: 'insert' | 'update' | 'delete'
  fields: Record<string, unknown>
  hlc: string
  deviceId: string
  seenSeq: number
}

export interface IdentityConflict {
  field: string
  serverValue: unknown
  proposedValue: unknown
  serverDeviceId: string
}

export interface LostValue {
  field: string
  value: unknown
  hlc: string
  deviceId: string
}

export interface MergeResult {
  state: RecordState | null
  op: 'insert' | 'update' | 'delete' | 'none'
  fields: Record<string, unknown>
  lost: LostValue[]
  outcome: 'applied' | 'partial' | 'rejected' | 'duplicate' | 'missing'
  conflicts: IdentityConflict[]
  message: string | null
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  // Most fields are text: two strings that differ differ as JSON too, without writing either out.
  if (typeof a === 'string' && typeof b === 'string') return false
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/**
 * An op's change as its desk sent it: applied, nothing lost, every field kept with the value sent (the server drops
 * what it derives itself, such as id and version). The desk that sent it already holds all of it. Credentials never
 * count: the desk keeps their hash elsewhere and always writes what comes back.
 */
export function keptAsSent(
  spec: EntitySpec,
  sent: Record<string, unknown>,
  kept: { op: string; outcome: string; lost: readonly unknown[]; fields: Record<string, unknown> }
): boolean {
  if (spec.kind === 'credential' || kept.outcome !== 'applied' || kept.lost.length > 0) return false
  if (kept.op !== 'insert' && kept.op !== 'update') return false
  for (const k in kept.fields) if (!(k in sent) || !sameValue(sent[k], kept.fields[k])) return false
  return true
}

/** (epoch, rank) of a status; a reopen raises the epoch so that going back still compares as forward. */
export function compareStatus(
  rule: NonNullable<EntitySpec['status']>,
  a: Record<string, unknown>,
  b: Record<string, unknown>
): number {
  const [statusKey, epochKey] = rule.fields
  const ea = Number(a[epochKey] ?? 0)
  const eb = Number(b[epochKey] ?? 0)
  if (ea !== eb) return ea > eb ? 1 : -1
  const ra = rule.rank[String(a[statusKey])] ?? 0
  const rb = rule.rank[String(b[statusKey])] ?? 0
  return ra === rb ? 0 : ra > rb ? 1 : -1
}

function fresh(spec: EntitySpec, op: IncomingOp, seq: number): MergeResult {
  if (op.op !== 'insert') {
    return {
      state: null,
      op: 'none',
      fields: {},
      lost: [],
      outcome: 'missing',
      conflicts: [],
      message: 'Запись, которую меняет это изменение, ещё не дошла до сервера'
    }
  }
  // One stamp for every field of the insert, shared as the fields of an update share theirs.
  const stamp: Stamp = { h: op.hlc, s: seq, d: op.deviceId }
  const stamps: Record<string, Stamp> = {}
  for (const key of Object.keys(op.fields)) stamps[key] = stamp
  return {
    state: { data: { ...op.fields }, stamps, deleted: false },
    op: 'insert',
    fields: { ...op.fields },
    lost: [],
    outcome: 'applied',
    conflicts: [],
    message: null
  }
}

export function mergeOp(
  spec: EntitySpec,
  current: RecordState | null,
  op: IncomingOp,
  seq: number
): MergeResult {
  if (!current) return fresh(spec, op, seq)
  const none = { lost: [], conflicts: [] }
  if (current.deleted) {
    // A tombstone stays: a late change to a deleted record tells its author the record is gone.
    return {
      ...none,
      state: current,
      op: 'delete',
      fields: {},
      outcome: 'rejected',
      message: 'Запись удалена'
    }
  }
  if (op.op === 'delete') {
    return {
      ...none,
      state: { ...current, deleted: true },
      op: 'delete',
      fields: {},
      outcome: 'applied',
      message: null
    }
  }
  if (spec.kind === 'journal') {
    const same = Object.entries(op.fields).every(([k, v]) => sameValue(current.data[k], v))
    return same
      ? { ...none, state: current, op: 'none', fields: {}, outcome: 'duplicate', message: null }
      : {
          ...none,
          state: current,
          op: 'none',
          fields: {},
          outcome: 'rejected',
          message: 'Запись журнала с этим номером уже есть и отличается: журнал не переписывается'
        }
  }
  const data = { ...current.data }
  const stamps = { ...current.stamps }
  const lost: LostValue[] = []
  const conflicts: IdentityConflict[] = []
  const stamp: Stamp = { h: op.hlc, s: seq, d: op.deviceId }
  let keptServer = false
  const statusKeys = new Set(spec.status?.fields ?? [])
  if (spec.status && op.fields[spec.status.fields[0]] !== undefined) {
    // Statuses take the maximum (epoch, rank): whatever order the ops arrive in, a status never goes back.
    const incoming = { ...data, ...op.fields }
    if (compareStatus(spec.status, incoming, data) > 0) {
      for (const key of spec.status.fields) if (key in op.fields) data[key] = op.fields[key]
      for (const key of spec.status.fields) stamps[key] = stamp
    } else if (!spec.status.fields.every((k) => !(k in op.fields) || sameValue(op.fields[k], data[k]))) {
      keptServer = true
    }
  }
  for (const [key, value] of Object.entries(op.fields)) {
    if (statusKeys.has(key)) continue
    if (sameValue(data[key], value)) continue
    const st = stamps[key]
    if (spec.immutable.includes(key) && key in data) {
      keptServer = true
      lost.push({ field: key, value, hlc: op.hlc, deviceId: op.deviceId })
      continue
    }
    if (spec.identity.includes(key)) {
      // Concurrent: another desk changed this identity field after the last change this desk had pulled.
      if (st && st.d !== op.deviceId && st.s > op.seenSeq) {
        keptServer = true
        conflicts.push({
          field: key,
          serverValue: data[key] ?? null,
          proposedValue: value,
          serverDeviceId: st.d
        })
        lost.push({ field: key, value, hlc: op.hlc, deviceId: op.deviceId })
        continue
      }
    } else if (st && op.hlc <= st.h) {
      keptServer = true
      lost.push({ field: key, value, hlc: op.hlc, deviceId: op.deviceId })
      continue
    }
    data[key] = value
    stamps[key] = stamp
  }
  const fields: Record<string, unknown> = {}
  for (const key of Object.keys(op.fields)) fields[key] = data[key] ?? null
  return {
    state: { data, stamps, deleted: false },
    op: 'update',
    fields,
    lost,
    outcome: keptServer ? 'partial' : 'applied',
    conflicts,
    message: null
  }
}

/** Stamps further ahead of the server's clock than this are clamped to it and reported. */
export const MAX_FUTURE_MS = 5 * 60_000

/** The server's own stamps: strictly increasing, never ahead of its wall clock by more than a counter. */
export function createServerClock(now: () => number) {
  let last = { ms: 0, counter: 0 }
  return (node: string): string => {
    const wall = now()
    last = wall > last.ms ? { ms: wall, counter: 0 } : { ms: last.ms, counter: last.counter + 1 }
    return encodeHlc(last, node)
  }
}

/**
 * A stamp far ahead of the server's clock is replaced by a server stamp: otherwise one desk with a wrong date would
 * win every last-writer-wins race for as long as its clock is ahead. Two clamped changes of a desk keep their order.
 */
export function createClamp(now: () => number) {
  const stamp = createServerClock(now)
  return (hlc: string): { hlc: string; clamped: boolean; aheadMs: number } => {
    const t = decodeHlc(hlc)
    const aheadMs = t.ms - now()
    if (aheadMs <= MAX_FUTURE_MS) return { hlc, clamped: false, aheadMs: Math.max(0, aheadMs) }
    return { hlc: stamp(t.node), clamped: true, aheadMs }
  }
}
