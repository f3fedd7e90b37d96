// The audit chain, the sync outbox and what sync keeps: its state, tasks, field history, tombstones, credentials.
import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { stamps } from './stamps'

export const auditEvents = sqliteTable(
  'audit_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    at: text('at').notNull(),
    userId: text('user_id'),
    workstationId: text('workstation_id').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    patientId: text('patient_id'),
    details: text('details')
      .notNull()
      .default(sql`'{}'`),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull()
  },
  (t) => [index('audit_events_patient_ix').on(t.patientId, t.seq), index('audit_events_at_ix').on(t.at)]
)

/** One row per local change, written in the change's own transaction; the sync client pushes them in order. */
export const outbox = sqliteTable(
  'outbox',
  {
    deviceSeq: integer('device_seq').primaryKey(),
    opId: text('op_id').notNull(),
    deviceId: text('device_id').notNull(),
    hlc: text('hlc').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    op: text('op', { enum: ['insert', 'update', 'delete'] }).notNull(),
    fields: text('fields').notNull(),
    baseVersion: integer('base_version').notNull(),
    schemaVersion: integer('schema_version').notNull(),
    createdAt: text('created_at').notNull(),
    pushedAt: text('pushed_at'),
    // The server sequence this desk had pulled when the change was made: tells the server which other desks'
    // changes the registrar could have seen, so a concurrent edit of an identity field is told from a correction.
    seenSeq: integer('seen_seq').notNull().default(0),
    // Where the server put this change in its log; until the pull passes it, the local value masks the server's.
    ackSeq: integer('ack_seq')
  },
  (t) => [
    uniqueIndex('outbox_op_uq').on(t.opId),
    index('outbox_pending_ix').on(t.pushedAt, t.deviceSeq),
    index('outbox_entity_ix').on(t.entity, t.entityId),
    // Pulls ask whether any change is still unanswered after a point of the log.
    index('outbox_ack_ix').on(t.ackSeq)
  ]
)

/** This desk's link to the clinic's sync server (one row, id 1). The desk's secret is kept in the key vault. */
export const syncState = sqliteTable('sync_state', {
  id: integer('id').primaryKey(),
  serverUrl: text('server_url').notNull(),
  deviceId: text('device_id').notNull(),
  deskNumber: text('desk_number'),
  generation: text('generation'),
  // The server sequence in force when its generation began: stamps older than it mean the same in both.
  generationStartSeq: integer('generation_start_seq').notNull().default(0),
  cursor: integer('cursor').notNull().default(0),
  headSeq: integer('head_seq').notNull().default(0),
  needsSnapshot: integer('needs_snapshot', { mode: 'boolean' }).notNull().default(true),
  // While a snapshot is applied page by page: the log position it is consistent with and the last page's key.
  snapshotUpTo: integer('snapshot_up_to'),
  snapshotAfter: text('snapshot_after'),
  baselineDone: integer('baseline_done', { mode: 'boolean' }).notNull().default(false),
  auditPushedSeq: integer('audit_pushed_seq').notNull().default(0),
  state: text('state', {
    enum: ['idle', 'online', 'offline', 'error', 'revoked', 'unsupported']
  })
    .notNull()
    .default('idle'),
  lastSyncAt: text('last_sync_at'),
  lastAttemptAt: text('last_attempt_at'),
  lastError: text('last_error'),
  lastErrorCode: text('last_error_code'),
  warning: text('warning'),
  clockSkewMs: integer('clock_skew_ms').notNull().default(0),
  // Changes whose stamps the server replaced with its own since this desk's clock went wrong.
  clampedChanges: integer('clamped_changes').notNull().default(0),
  enrolledAt: text('enrolled_at').notNull()
})

/** Things sync could not settle alone: an identity conflict, a suspected duplicate, a refused change, a bad clock. */
export const syncTasks = sqliteTable(
  'sync_tasks',
  {
    id: text('id').primaryKey(),
    kind: text('kind', {
      enum: ['identity_conflict', 'duplicate_patient', 'clock_skew', 'rejected_change', 'apply_failed']
    }).notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    field: text('field'),
    serverValue: text('server_value'),
    proposedValue: text('proposed_value'),
    deviceId: text('device_id'),
    relatedId: text('related_id'),
    message: text('message').notNull(),
    resolvedAt: text('resolved_at'),
    resolvedBy: text('resolved_by'),
    resolution: text('resolution'),
    ...stamps
  },
  (t) => [index('sync_tasks_open_ix').on(t.resolvedAt, t.createdAt)]
)

/** Every value a synced field has held, the winner and the losers of last-writer-wins alike. */
export const syncFieldHistory = sqliteTable(
  'sync_field_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    field: text('field').notNull(),
    value: text('value'),
    hlc: text('hlc').notNull(),
    deviceId: text('device_id').notNull(),
    seq: integer('seq').notNull(),
    outcome: text('outcome', { enum: ['applied', 'lost', 'kept_server'] }).notNull(),
    at: text('at').notNull()
  },
  (t) => [index('sync_field_history_ix').on(t.entity, t.entityId, t.field)]
)

/** Deleted records: a late change to one of them must not bring it back. */
export const syncTombstones = sqliteTable(
  'sync_tombstones',
  {
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    seq: integer('seq').notNull(),
    deletedAt: text('deleted_at').notNull()
  },
  (t) => [primaryKey({ columns: [t.entity, t.entityId] })]
)

/** Which password hash of each user this desk last sent or received, so that only a change travels. */
export const syncCredentials = sqliteTable('sync_credentials', {
  userId: text('user_id').primaryKey(),
  digest: text('digest').notNull()
})
