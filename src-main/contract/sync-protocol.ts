// The wire protocol between a desk and the clinic's sync server (docs/sync-protocol.md). Both sides parse every
// message with these schemas, so a malformed or hostile body is refused before anything reads it.
import { z } from 'zod'
import { ClinicDetails } from './schemas'

/** Bumped when a message changes shape; the server accepts a window of versions. */
export const SYNC_PROTOCOL_VERSION = 1

export const HEADER_PROTOCOL = 'x-sync-protocol'
export const HEADER_SCHEMA = 'x-sync-schema'
export const HEADER_GENERATION = 'x-sync-generation'

export const syncErrorCodes = [
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'REVOKED',
  'UNSUPPORTED_VERSION',
  'GENERATION_CHANGED',
  'DEVICE_REWOUND',
  'ENROLMENT_REFUSED',
  'NOT_SEEDED',
  'TOO_LARGE',
  'NOT_FOUND',
  'INTERNAL'
] as const
export type SyncErrorCode = (typeof syncErrorCodes)[number]
export const SyncErrorBody = z.object({ code: z.enum(syncErrorCodes), message: z.string() })
export type SyncErrorBody = z.infer<typeof SyncErrorBody>

const opIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const hlcPattern = /^\d{15}:[0-9a-z]{5}:[A-Za-z0-9:_-]{1,80}$/
const OpId = z.string().regex(opIdPattern)
const Hlc = z.string().regex(hlcPattern)
export const Fields = z.record(z.string().max(64), z.unknown())

/** One local change as the outbox holds it. */
export const SyncOp = z.object({
  opId: OpId,
  deviceSeq: z.number().int().min(1),
  hlc: Hlc,
  entity: z.string().min(1).max(40),
  entityId: z.string().min(1).max(64),
  op: z.enum(['insert', 'update', 'delete']),
  fields: Fields,
  baseVersion: z.number().int().min(0),
  seenSeq: z.number().int().min(0),
  schemaVersion: z.number().int().min(0)
})
export type SyncOp = z.infer<typeof SyncOp>

export const PushRequest = z.object({ ops: z.array(SyncOp).min(1).max(2000) })
export type PushRequest = z.infer<typeof PushRequest>

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const isString = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max
const isInt = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min

function fastSyncOp(v: unknown): SyncOp | null {
  if (!isObject(v)) return null
  const { opId, deviceSeq, hlc, entity, entityId, op, fields, baseVersion, seenSeq, schemaVersion } = v
  if (typeof opId !== 'string' || !opIdPattern.test(opId)) return null
  if (typeof hlc !== 'string' || !hlcPattern.test(hlc)) return null
  if (!isInt(deviceSeq, 1) || !isInt(baseVersion, 0) || !isInt(seenSeq, 0) || !isInt(schemaVersion, 0))
    return null
  if (!isString(entity, 1, 40) || !isString(entityId, 1, 64)) return null
  if (op !== 'insert' && op !== 'update' && op !== 'delete') return null
  if (!isObject(fields)) return null
  for (const key in fields) if (key.length > 64) return null
  return { opId, deviceSeq, hlc, entity, entityId, op, fields, baseVersion, seenSeq, schemaVersion }
}

/**
 * PushRequest's checks by hand, for the one body that carries thousands of ops: zod walked each op at a cost that
 * showed in the server's profile. Null means "not sure": the caller then parses with the schema, which also names
 * the fault. Nothing this accepts is refused by the schema, and the ops come out with the schema's keys only.
 */
export function fastPushRequest(value: unknown): PushRequest | null {
  if (!isObject(value) || !Array.isArray(value.ops)) return null
  const { ops } = value
  if (ops.length < 1 || ops.length > 2000) return null
  const out: SyncOp[] = new Array<SyncOp>(ops.length)
  for (let i = 0; i < ops.length; i++) {
    const op = fastSyncOp(ops[i])
    if (!op) return null
    out[i] = op
  }
  return { ops: out }
}

export const OpResult = z.object({
  opId: z.string(),
  /** applied: in the log as sent or partly kept by a rule; review: set aside for a person, the log says so. */
  status: z.enum(['applied', 'review']),
  seq: z.number().int(),
  clamped: z.boolean(),
  message: z.string().nullable()
})
export type OpResult = z.infer<typeof OpResult>

export const PushResponse = z.object({
  /** Every op of this desk up to this device sequence is in the server's log. */
  ackedThrough: z.number().int(),
  results: z.array(OpResult),
  serverTime: z.string()
})
export type PushResponse = z.infer<typeof PushResponse>

export const HistoryValue = z.object({
  field: z.string(),
  value: z.unknown(),
  hlc: z.string(),
  deviceId: z.string()
})

/** What the server's log holds: the effect an op had, with the values the server now keeps for its fields. */
export const LogEntry = z.object({
  seq: z.number().int(),
  opId: z.string(),
  deviceId: z.string(),
  hlc: z.string(),
  entity: z.string(),
  entityId: z.string(),
  op: z.enum(['insert', 'update', 'delete', 'none']),
  fields: Fields,
  /** Values that lost last-writer-wins or were refused, kept so that every desk holds the whole history. */
  lost: z.array(HistoryValue),
  outcome: z.enum(['applied', 'partial', 'rejected', 'duplicate']),
  at: z.string(),
  /**
   * Sent back short to the desk that made it (asked for with `echo=short`): the op went in as that desk sent it, and
   * fields is empty. Absent on every other entry.
   */
  asSent: z.literal(true).optional()
})
export type LogEntry = z.infer<typeof LogEntry>

export const LogPage = z.object({
  entries: z.array(LogEntry),
  hasMore: z.boolean(),
  headSeq: z.number().int()
})
export type LogPage = z.infer<typeof LogPage>

const outcomes = new Set(['applied', 'partial', 'rejected', 'duplicate'])
const logOps = new Set(['insert', 'update', 'delete', 'none'])

type HistoryValue = z.infer<typeof HistoryValue>

function fastHistoryValue(v: unknown): HistoryValue | null {
  if (!isObject(v) || !('value' in v) || typeof v.field !== 'string') return null
  if (typeof v.hlc !== 'string' || typeof v.deviceId !== 'string') return null
  return { field: v.field, value: v.value, hlc: v.hlc, deviceId: v.deviceId }
}

function fastLogEntry(v: unknown): LogEntry | null {
  if (!isObject(v)) return null
  const { seq, opId, deviceId, hlc, entity, entityId, op, fields, lost, outcome, at, asSent } = v
  if (!Number.isSafeInteger(seq) || typeof at !== 'string') return null
  if (asSent !== undefined && asSent !== true) return null
  if (typeof opId !== 'string' || typeof deviceId !== 'string' || typeof hlc !== 'string') return null
  if (typeof entity !== 'string' || typeof entityId !== 'string') return null
  if (!logOps.has(op as string) || !outcomes.has(outcome as string)) return null
  if (!isObject(fields)) return null
  for (const key in fields) if (key.length > 64) return null
  if (!Array.isArray(lost)) return null
  const values: HistoryValue[] = []
  for (const l of lost) {
    const value = fastHistoryValue(l)
    if (!value) return null
    values.push(value)
  }
  const entry: LogEntry = {
    seq: seq as number,
    opId,
    deviceId,
    hlc,
    entity,
    entityId,
    op: op as LogEntry['op'],
    fields,
    lost: values,
    outcome: outcome as LogEntry['outcome'],
    at
  }
  if (asSent === true) entry.asSent = true
  return entry
}

/** LogPage's checks by hand, as fastPushRequest: a page carries thousands of entries. Null means "ask the schema". */
export function fastLogPage(value: unknown): LogPage | null {
  if (!isObject(value) || !Array.isArray(value.entries) || typeof value.hasMore !== 'boolean') return null
  if (!Number.isSafeInteger(value.headSeq)) return null
  const entries: LogEntry[] = new Array<LogEntry>(value.entries.length)
  for (let i = 0; i < entries.length; i++) {
    const entry = fastLogEntry(value.entries[i])
    if (!entry) return null
    entries[i] = entry
  }
  return { entries, hasMore: value.hasMore, headSeq: value.headSeq as number }
}

/** Lines of the streamed snapshot (NDJSON). A page line closes a page: the desk commits it with its key. */
export const SnapshotLine = z.discriminatedUnion('type', [
  z.object({ type: z.literal('head'), upTo: z.number().int(), generation: z.string() }),
  z.object({
    type: z.literal('record'),
    entity: z.string(),
    entityId: z.string(),
    data: Fields,
    deleted: z.boolean()
  }),
  z.object({ type: z.literal('page'), after: z.string() }),
  z.object({ type: z.literal('end') })
])
export type SnapshotLine = z.infer<typeof SnapshotLine>

/**
 * A snapshot record line checked by hand, as fastLogPage: a new desk reads millions of them. Null means "ask the
 * schema", which also takes the other lines.
 */
export function fastSnapshotRecord(v: unknown): SnapshotLine | null {
  if (!isObject(v) || v.type !== 'record') return null
  const { entity, entityId, data, deleted } = v
  if (typeof entity !== 'string' || typeof entityId !== 'string' || typeof deleted !== 'boolean') return null
  if (!isObject(data)) return null
  for (const key in data) if (key.length > 64) return null
  return { type: 'record', entity, entityId, data, deleted }
}

export const Hello = z.object({
  generation: z.string(),
  generationStartSeq: z.number().int(),
  deviceId: z.string(),
  deskNumber: z.string(),
  ackedThrough: z.number().int(),
  headSeq: z.number().int(),
  serverTime: z.string(),
  clinic: ClinicDetails.nullable()
})
export type Hello = z.infer<typeof Hello>

export const EnrolRequest = z.object({
  code: z.string().min(6).max(64),
  deviceId: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(80),
  /** The desk's clinic: becomes the server's when the server holds no clinic yet. */
  clinic: ClinicDetails.nullable()
})
export type EnrolRequest = z.infer<typeof EnrolRequest>

export const EnrolResponse = z.object({
  token: z.string(),
  deviceId: z.string(),
  deskNumber: z.string(),
  generation: z.string(),
  clinic: ClinicDetails,
  /** True when this desk brought the clinic: the server was empty until now. */
  seededByThisDesk: z.boolean()
})
export type EnrolResponse = z.infer<typeof EnrolResponse>

export const AuditUpload = z.object({
  events: z
    .array(
      z.object({
        id: z.string().max(64),
        seq: z.number().int(),
        at: z.string().max(40),
        userId: z.string().max(64).nullable(),
        action: z.string().max(80),
        entity: z.string().max(40),
        entityId: z.string().max(64).nullable(),
        patientId: z.string().max(64).nullable(),
        details: z.string().max(100_000),
        prevHash: z.string().max(64),
        hash: z.string().max(64)
      })
    )
    .max(2000)
})
export type AuditUpload = z.infer<typeof AuditUpload>
type AuditEvent = AuditUpload['events'][number]

const isNullableString = (v: unknown, max: number): v is string | null => v === null || isString(v, 0, max)

function fastAuditEvent(v: unknown): AuditEvent | null {
  if (!isObject(v)) return null
  const { id, seq, at, userId, action, entity, entityId, patientId, details, prevHash, hash } = v
  if (!isString(id, 0, 64) || !Number.isSafeInteger(seq) || !isString(at, 0, 40)) return null
  if (!isString(action, 0, 80) || !isString(entity, 0, 40) || !isString(details, 0, 100_000)) return null
  if (!isNullableString(userId, 64) || !isNullableString(entityId, 64) || !isNullableString(patientId, 64))
    return null
  if (!isString(prevHash, 0, 64) || !isString(hash, 0, 64)) return null
  return { id, seq: seq as number, at, userId, action, entity, entityId, patientId, details, prevHash, hash }
}

/**
 * AuditUpload's checks by hand, as fastPushRequest: every change a registrar makes writes an event, so an upload
 * carries as many as a push carries ops. Null means "ask the schema".
 */
export function fastAuditUpload(value: unknown): AuditUpload | null {
  if (!isObject(value) || !Array.isArray(value.events) || value.events.length > 2000) return null
  const events = new Array<AuditEvent>(value.events.length)
  for (let i = 0; i < events.length; i++) {
    const event = fastAuditEvent(value.events[i])
    if (!event) return null
    events[i] = event
  }
  return { events }
}
