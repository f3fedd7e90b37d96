// Sending the outbox: oldest first, in batches capped by bytes. A batch the server took but whose answer was lost
// is simply sent again: the server knows every op id and answers a replay as it answered the first time.
import { createHash } from 'node:crypto'
import { asc, gt } from 'drizzle-orm'
import type { AuditUpload, OpResult, PushResponse } from '../../contract/sync-protocol'
import type { CoreDeps } from '../context'
import { inTransaction } from '../context'
import { auditEvents, outbox, syncCredentials, users } from '../db/schema'
import { recordChange } from '../outbox/outbox'
import { rowStatements } from './row-statements'
import { readSyncState, updateSyncState } from './state'
import { SyncClientError, type Transport } from './transport'

export interface PushReport {
  sent: number
  review: number
  clamped: number
  batches: number
  bytes: number
}

interface PendingRow {
  opId: string
  deviceSeq: number
  hlc: string
  entity: string
  entityId: string
  op: string
  fields: string
  baseVersion: number
  seenSeq: number
  schemaVersion: number
}

const pendingSql = `SELECT op_id AS opId, device_seq AS deviceSeq, hlc, entity, entity_id AS entityId, op, fields,
    base_version AS baseVersion, seen_seq AS seenSeq, schema_version AS schemaVersion
  FROM outbox WHERE pushed_at IS NULL AND device_seq > ? ORDER BY device_seq LIMIT +?`

/**
 * An op in its wire form, as SyncOp's JSON. The outbox keeps fields as the JSON text recordChange wrote, so it goes
 * into the body as it is: parsing it only to serialise it again, twice, was most of what a desk spent per op.
 */
function wireOp(row: PendingRow): string {
  const str = JSON.stringify
  return (
    `{"opId":${str(row.opId)},"deviceSeq":${row.deviceSeq},"hlc":${str(row.hlc)},"entity":${str(row.entity)},` +
    `"entityId":${str(row.entityId)},"op":${str(row.op)},"fields":${row.fields},` +
    `"baseVersion":${row.baseVersion},"seenSeq":${row.seenSeq},"schemaVersion":${row.schemaVersion}}`
  )
}

/**
 * A changed password reaches the other desks as its own op. Services keep hashes out of the outbox on purpose; the
 * sweep compares each user's hash with the one last exchanged and records only a real change.
 */
export function sweepCredentials(deps: CoreDeps): number {
  return inTransaction(deps, () => {
    const sent = new Map(
      deps.store.db
        .select()
        .from(syncCredentials)
        .all()
        .map((r) => [r.userId, r.digest])
    )
    let n = 0
    for (const u of deps.store.db.select({ id: users.id, hash: users.passwordHash }).from(users).all()) {
      if (!u.hash.startsWith('scrypt$')) continue
      const digest = createHash('sha256').update(u.hash).digest('hex')
      if (sent.get(u.id) === digest) continue
      recordChange(deps, {
        entity: 'user_credential',
        entityId: u.id,
        op: 'insert',
        fields: { passwordHash: u.hash },
        baseVersion: 0
      })
      deps.store.db
        .insert(syncCredentials)
        .values({ userId: u.id, digest })
        .onConflictDoUpdate({ target: syncCredentials.userId, set: { digest } })
        .run()
      n++
    }
    return n
  })
}

function markResults(
  deps: CoreDeps,
  results: OpResult[],
  ackedThrough: number,
  firstSeq: number,
  at: string
) {
  inTransaction(deps, () => {
    // The whole answer in one statement: the results travel as one JSON parameter and meet the op id index.
    rowStatements(deps.store.sqlite)
      .prepared(
        `UPDATE outbox SET pushed_at = ?, ack_seq = r.seq
          FROM (SELECT value ->> '$[0]' AS op_id, value ->> '$[1]' AS seq FROM json_each(?)) AS r
          WHERE outbox.op_id = r.op_id`
      )
      .run(at, JSON.stringify(results.map((r) => [r.opId, r.seq > 0 ? r.seq : null])))
    if (ackedThrough < firstSeq - 1) {
      // The server lacks ops this desk thought it had delivered: send them again from where the server stands.
      deps.store.db
        .update(outbox)
        .set({ pushedAt: null, ackSeq: null })
        .where(gt(outbox.deviceSeq, ackedThrough))
        .run()
    }
  })
}

interface Sent {
  answer: Promise<PushResponse>
  firstSeq: number
  lastSeq: number
  bytes: number
}

/** The next batch after `after`, sent; null when nothing waits beyond it. */
function sendBatch(
  deps: CoreDeps,
  t: Transport,
  after: number,
  options: { maxBytes: number; maxOps: number }
): Sent | null {
  const rows = rowStatements(deps.store.sqlite)
    .prepared(pendingSql)
    .all(after, options.maxOps) as PendingRow[]
  if (rows.length === 0) return null
  const ops: string[] = []
  let bytes = 0
  for (const row of rows) {
    const op = wireOp(row)
    const size = Buffer.byteLength(op)
    if (ops.length > 0 && bytes + size > options.maxBytes) break
    ops.push(op)
    bytes += size
  }
  const answer = t.pushSerialized(ops)
  // Awaited later, in order; until then a failure must not count as unhandled.
  answer.catch(() => {})
  return { answer, firstSeq: rows[0].deviceSeq, lastSeq: rows[ops.length - 1].deviceSeq, bytes }
}

/**
 * Two batches are on the way at a time: while the server applies one, the desk reads and sends the next, and the
 * answers are taken in the order sent. Should the server take the second before the first, it sees a gap and
 * applies nothing of it; the desk then sends those ops again, and the server answers a replay as the first time.
 */
export async function pushOutbox(
  deps: CoreDeps,
  t: Transport,
  options: { maxBytes: number; maxOps: number }
): Promise<PushReport> {
  const report: PushReport = { sent: 0, review: 0, clamped: 0, batches: 0, bytes: 0 }
  let stalled = 0
  /** Marks a batch's answer; true when the server lacks ops before it, which then go again from where it stands. */
  const take = async (batch: Sent): Promise<boolean> => {
    const res = await batch.answer
    markResults(deps, res.results, res.ackedThrough, batch.firstSeq, res.serverTime)
    report.batches++
    report.bytes += batch.bytes
    report.sent += res.results.length
    report.review += res.results.filter((r) => r.status === 'review').length
    report.clamped += res.results.filter((r) => r.clamped).length
    const rewound = res.ackedThrough < batch.firstSeq - 1
    // A batch that moved nothing forward twice in a row would loop for ever: stop and let the backoff retry.
    stalled = res.results.length === 0 && !rewound ? stalled + 1 : 0
    if (stalled >= 2)
      throw new SyncClientError('BAD_RESPONSE', 'Сервер не принимает изменения этого рабочего места')
    return rewound
  }
  let sent = sendBatch(deps, t, 0, options)
  while (sent) {
    let next = sendBatch(deps, t, sent.lastSeq, options)
    if (await take(sent)) {
      // The batch on the way followed ops the server lacks: it took nothing of it either.
      if (next) await take(next)
      next = null
    }
    // Whatever the server did not take is still unsent: it goes again once the batch on the way is answered.
    sent = next ?? sendBatch(deps, t, 0, options)
  }
  return report
}

/** Audit events per upload: the most the server takes in one (AuditUpload). */
const AUDIT_BATCH = 2000

/** The desk's audit journal goes to the server as it is: insert-only, keyed by event id. */
export async function pushAudit(deps: CoreDeps, t: Transport, maxBytes: number): Promise<number> {
  let sent = 0
  for (;;) {
    const from = readSyncState(deps)?.auditPushedSeq ?? 0
    const rows = deps.store.db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, from))
      .orderBy(asc(auditEvents.seq))
      .limit(AUDIT_BATCH)
      .all()
    if (rows.length === 0) return sent
    // Each event is written out once: its size counts towards the upload's cap, and the text is what goes.
    const events: string[] = []
    let bytes = 0
    for (const r of rows) {
      const { workstationId: _ws, ...event } = r
      const text = JSON.stringify(event satisfies AuditUpload['events'][number])
      bytes += Buffer.byteLength(text)
      if (events.length > 0 && bytes > maxBytes) break
      events.push(text)
    }
    const through = await t.auditSerialized(events)
    updateSyncState(deps, { auditPushedSeq: through })
    sent += events.length
  }
}
