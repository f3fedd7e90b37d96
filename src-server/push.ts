// A desk's batch of ops: each op once, in the desk's own order. A replayed op id gets the answer it got the first
// time; a gap in the desk's sequence stops the batch there so that nothing is applied out of order.
import { and, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { OpResult, PushRequest, PushResponse } from '../src-main/contract/sync-protocol'
import { applyOp } from './apply-op'
import { Batch } from './records'
import { SyncServerError, type Workstation } from './auth'
import { isoNow, type ServerContext, type Tx } from './context'
import { log, review, workstations } from './db/schema'

export function checkSchemaVersion(ctx: ServerContext, version: number): void {
  const { min, max } = ctx.schemaWindow
  if (version < min || version > max) {
    const newer = version > max
    throw new SyncServerError(
      'UNSUPPORTED_VERSION',
      `Версия данных рабочего места (${version}) ${newer ? 'новее' : 'старше'}, чем принимает сервер (${min}–${max}): ` +
        `${newer ? 'обновите сервер' : 'обновите программу на рабочем месте'}. ` +
        'Изменения сохранены на этом компьютере и уйдут после обновления.',
      426
    )
  }
}

/** op_id is one of these: the ids travel as one JSON parameter, where inArray bound one parameter per op. */
function opIdIn(column: typeof log.opId | typeof review.opId, ids: string): SQL {
  return sql`${column} in (select jsonb_array_elements_text(${ids}::jsonb))`
}

async function knownResults(tx: Tx, opIds: string[]): Promise<Map<string, OpResult>> {
  const known = new Map<string, OpResult>()
  if (opIds.length === 0) return known
  const ids = JSON.stringify(opIds)
  const aside = await tx
    .select({ opId: review.opId, message: review.message })
    .from(review)
    .where(and(opIdIn(review.opId, ids), or(isNotNull(review.logSeq), isNull(review.resolvedAt))))
  const setAside = new Map(aside.map((r) => [r.opId, r.message]))
  const logged = await tx
    .select({ opId: log.opId, seq: log.seq, clamped: log.clamped, message: log.message })
    .from(log)
    .where(opIdIn(log.opId, ids))
  for (const r of logged) {
    const status = setAside.has(r.opId) ? 'review' : 'applied'
    known.set(r.opId, { opId: r.opId, status, seq: r.seq, clamped: r.clamped, message: r.message })
  }
  // Still waiting for a record it refers to: in review, not yet in the log.
  for (const [opId, message] of setAside) {
    if (!known.has(opId)) known.set(opId, { opId, status: 'review', seq: 0, clamped: false, message })
  }
  return known
}

export async function pushOps(ctx: ServerContext, ws: Workstation, body: PushRequest): Promise<PushResponse> {
  for (const op of body.ops) checkSchemaVersion(ctx, op.schemaVersion)
  const ops = [...body.ops].sort((a, b) => a.deviceSeq - b.deviceSeq)
  return ctx.write(async (tx) => {
    const row = (await tx.select().from(workstations).where(eq(workstations.id, ws.id)))[0]
    let acked = row.ackedThrough
    const known = await knownResults(
      tx,
      ops.map((o) => o.opId)
    )
    const batch = await Batch.start(ctx, tx, ops)
    const answered = new Map<string, OpResult>()
    const results: OpResult[] = []
    for (const op of ops) {
      const replay = known.get(op.opId) ?? answered.get(op.opId)
      if (replay) {
        results.push(replay)
        continue
      }
      if (op.deviceSeq <= acked) {
        throw new SyncServerError(
          'DEVICE_REWOUND',
          `Рабочее место прислало изменение № ${op.deviceSeq}, а сервер уже получил от него ${acked}: похоже, его база ` +
            'восстановлена из старой копии. Синхронизация остановлена, чтобы ничего не перепутать: обратитесь к администратору.',
          409
        )
      }
      if (op.deviceSeq > acked + 1) break
      const outcome = await applyOp(batch, {
        opId: op.opId,
        deviceId: ws.id,
        deviceSeq: op.deviceSeq,
        hlc: op.hlc,
        entity: op.entity,
        entityId: op.entityId,
        op: op.op,
        fields: op.fields,
        seenSeq: op.seenSeq
      })
      acked = op.deviceSeq
      answered.set(op.opId, { opId: op.opId, ...outcome })
      results.push({ opId: op.opId, ...outcome })
    }
    await batch.flush()
    await tx
      .update(workstations)
      .set({ ackedThrough: acked, lastSeenAt: isoNow(ctx) })
      .where(eq(workstations.id, ws.id))
    return { ackedThrough: acked, results, serverTime: isoNow(ctx) }
  })
}
