// The sync server's PostgreSQL schema. The log is ordered by the server's own sequence; records hold the merged
// state that snapshots are cut from; everything a person must look at (review, field history) is kept, not dropped.
// The documents the server only stores and hands on (log fields, record data and stamps, audit events) are json,
// not jsonb: kept as the text that came, they are only checked on the way in and go out as they are, where jsonb
// parsed each into its binary form on every push and printed it back on every pull and snapshot. That was about a
// sixth of the push's time. The few lookups inside them (a task's kind, a card's merge) read json just as well.
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex
} from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'

/** generation (changes when the database is restored), generation_start_seq, clinic, next desk number. */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull()
})

export const workstations = pgTable(
  'workstations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['desk', 'upstream'] }).notNull(),
    deskNumber: text('desk_number').notNull(),
    // SHA-256 of the bearer secret: a copy of the database does not let anyone act as a desk.
    tokenHash: text('token_hash').notNull(),
    enrolledAt: text('enrolled_at').notNull(),
    revokedAt: text('revoked_at'),
    lastSeenAt: text('last_seen_at'),
    // Every op of this desk up to this device sequence is in the log.
    ackedThrough: bigint('acked_through', { mode: 'number' }).notNull().default(0)
  },
  (t) => [uniqueIndex('workstations_token_uq').on(t.tokenHash)]
)

export const enrolmentCodes = pgTable('enrolment_codes', {
  codeHash: text('code_hash').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['desk', 'upstream'] }).notNull(),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
  usedAt: text('used_at'),
  usedBy: text('used_by')
})

export const log = pgTable(
  'log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    opId: text('op_id').notNull(),
    deviceId: text('device_id').notNull(),
    deviceSeq: bigint('device_seq', { mode: 'number' }),
    hlc: text('hlc').notNull(),
    clamped: boolean('clamped').notNull().default(false),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    op: text('op', { enum: ['insert', 'update', 'delete', 'none'] }).notNull(),
    fields: json('fields').notNull(),
    lost: json('lost').notNull(),
    outcome: text('outcome', { enum: ['applied', 'partial', 'rejected', 'duplicate'] }).notNull(),
    message: text('message'),
    at: text('at').notNull(),
    // The op went in exactly as its desk sent it: applied, nothing lost, every field kept with the desk's value. The
    // desk that sent it already holds all of it, so its pulls get the entry without its fields (logPageText).
    asSent: boolean('as_sent').notNull().default(false)
  },
  (t) => [uniqueIndex('log_op_uq').on(t.opId), index('log_device_ix').on(t.deviceId, t.deviceSeq)]
)

export const records = pgTable(
  'records',
  {
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    rank: smallint('rank').notNull(),
    data: json('data').notNull(),
    stamps: json('stamps').notNull(),
    deleted: boolean('deleted').notNull().default(false),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    // Copied out of data for the lookups the server makes itself: duplicates, upstream matching, numbers.
    snils: text('snils'),
    enp: text('enp'),
    number: text('number')
  },
  (t) => [
    primaryKey({ columns: [t.entity, t.entityId] }),
    index('records_snapshot_ix').on(t.rank, t.entity, t.entityId),
    // Only the records that hold a number are filed under it: most records (visits, documents) hold none, and an
    // index entry for each of them made every insert slower for nothing.
    index('records_snils_ix')
      .on(t.snils)
      .where(sql`${t.snils} is not null`),
    index('records_enp_ix')
      .on(t.enp)
      .where(sql`${t.enp} is not null`),
    index('records_number_ix')
      .on(t.entity, t.number)
      .where(sql`${t.number} is not null`)
  ]
)

export const fieldHistory = pgTable(
  'field_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    field: text('field').notNull(),
    value: jsonb('value'),
    hlc: text('hlc').notNull(),
    deviceId: text('device_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    outcome: text('outcome', { enum: ['applied', 'lost', 'kept_server'] }).notNull()
  },
  (t) => [index('field_history_ix').on(t.entity, t.entityId, t.field)]
)

/** Ops set aside for a person: invalid, or waiting for a record that has not arrived yet. */
export const review = pgTable(
  'review',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    opId: text('op_id').notNull(),
    deviceId: text('device_id').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    body: jsonb('body').notNull(),
    message: text('message').notNull(),
    waitingFor: text('waiting_for'),
    logSeq: bigint('log_seq', { mode: 'number' }),
    createdAt: text('created_at').notNull(),
    resolvedAt: text('resolved_at')
  },
  (t) => [index('review_waiting_ix').on(t.waitingFor), index('review_open_ix').on(t.resolvedAt)]
)

/** Each desk's audit journal, append-only; its hash chain can be checked here per desk. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: text('id').primaryKey(),
    deviceId: text('device_id').notNull(),
    deviceSeq: integer('device_seq').notNull(),
    data: json('data').notNull(),
    receivedAt: text('received_at').notNull()
  },
  (t) => [index('audit_events_device_ix').on(t.deviceId, t.deviceSeq)]
)
