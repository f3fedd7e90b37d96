// What desks read: the log after a cursor in byte-capped pages, and a snapshot of the merged records for a desk
// that starts from nothing or from a restored server.
import { eq, sql } from 'drizzle-orm'
import type { AuditUpload, Hello, SnapshotLine } from '../src-main/contract/sync-protocol'
import type { Workstation } from './auth'
import { currentGeneration, isoNow, queryRows, readMeta, type ServerContext } from './context'
import { workstations } from './db/schema'

export async function headSeq(ctx: ServerContext): Promise<number> {
  const [row] = await queryRows<{ head: string }>(
    ctx.db,
    sql`select coalesce(max(seq), 0)::bigint as head from log`
  )
  return Number(row.head)
}

export async function hello(ctx: ServerContext, ws: Workstation): Promise<Hello> {
  const generation = await currentGeneration(ctx.db)
  const fresh = (await ctx.db.select().from(workstations).where(eq(workstations.id, ws.id)))[0] ?? ws
  await ctx.db
    .update(workstations)
    .set({ lastSeenAt: isoNow(ctx) })
    .where(eq(workstations.id, ws.id))
  return {
    generation: generation.id,
    generationStartSeq: generation.startSeq,
    deviceId: ws.id,
    deskNumber: ws.deskNumber,
    ackedThrough: fresh.ackedThrough,
    headSeq: await headSeq(ctx),
    serverTime: isoNow(ctx),
    clinic: (await readMeta<Hello['clinic']>(ctx.db, 'clinic')) ?? null
  }
}

interface LogTextRow {
  seq: string
  op_id: string
  device_id: string
  hlc: string
  entity: string
  entity_id: string
  op: string
  /** Null for an entry sent back short to the desk that made it. */
  fields: string | null
  lost: string
  outcome: string
  at: string
}

/**
 * A page of the log as LogPage's JSON, written straight from the rows: fields and lost leave PostgreSQL as text and
 * go into the body as they are. Reading them as objects only to serialise them again was most of what the server
 * spent on a pull. With `shortFor`, that desk's own entries that went in as it sent them (log.as_sent) come without
 * their fields and marked asSent: it holds them already, and after its baseline they are most of what it pulls.
 */
export async function logPageText(
  ctx: ServerContext,
  after: number,
  maxBytes: number,
  shortFor: string | null = null
): Promise<string> {
  const limit = 5000
  const rows = await queryRows<LogTextRow>(
    ctx.db,
    sql`select seq::text as seq, op_id, device_id, hlc, entity, entity_id, op,
          case when as_sent and device_id = ${shortFor} then null else fields::text end as fields,
          lost::text as lost, outcome, at
        from log where log.seq > ${after} order by log.seq limit ${limit + 1}`
  )
  const str = JSON.stringify
  const entries: string[] = []
  let bytes = 0
  for (const r of rows.slice(0, limit)) {
    const entry =
      `{"seq":${r.seq},"opId":${str(r.op_id)},"deviceId":${str(r.device_id)},"hlc":${str(r.hlc)},` +
      `"entity":${str(r.entity)},"entityId":${str(r.entity_id)},"op":${str(r.op)},` +
      (r.fields === null ? `"fields":{},"asSent":true,` : `"fields":${r.fields},`) +
      `"lost":${r.lost},"outcome":${str(r.outcome)},"at":${str(r.at)}}`
    const size = Buffer.byteLength(entry)
    // At least one entry per page, however large: a page that cannot grow would stop the desk for good.
    if (entries.length > 0 && bytes + size > maxBytes) break
    entries.push(entry)
    bytes += size
  }
  const hasMore = entries.length < rows.length
  const last = entries.length > 0 ? Number(rows[entries.length - 1].seq) : after
  const head = hasMore ? await headSeq(ctx) : last
  return `{"entries":[${entries.join(',')}],"hasMore":${hasMore},"headSeq":${head}}`
}

function parseKey(after: string | null): [number, string, string] | null {
  if (!after) return null
  const key = JSON.parse(after) as unknown
  if (!Array.isArray(key) || key.length !== 3) throw new Error('bad snapshot key')
  return [Number(key[0]), String(key[1]), String(key[2])]
}

interface SnapshotTextRow {
  rank: number
  entity: string
  entity_id: string
  data: string
  deleted: boolean
}

/**
 * The merged records in dependency order (users before patients before requests), page by page by key, as NDJSON
 * text: the head line, then per page its record lines and a page line, then the end line. A record's data goes out
 * as Postgres prints it, as logPageText does with the log. Pages read after the head may already hold newer values;
 * the desk then replays the log from the head, which converges.
 */
export async function* snapshotText(
  ctx: ServerContext,
  options: { after: string | null; upTo: number | null; pageSize: number }
): AsyncGenerator<string> {
  const generation = await currentGeneration(ctx.db)
  const head: SnapshotLine = {
    type: 'head',
    upTo: options.upTo ?? (await headSeq(ctx)),
    generation: generation.id
  }
  yield JSON.stringify(head) + '\n'
  const str = JSON.stringify
  let key = parseKey(options.after)
  for (;;) {
    const where = key ? sql`where (rank, entity, entity_id) > (${key[0]}, ${key[1]}, ${key[2]})` : sql``
    const rows = await queryRows<SnapshotTextRow>(
      ctx.db,
      sql`select rank, entity, entity_id, data::text as data, deleted from records ${where}
          order by rank, entity, entity_id limit ${options.pageSize}`
    )
    if (rows.length === 0) break
    const last = rows[rows.length - 1]
    key = [Number(last.rank), last.entity, last.entity_id]
    let page = ''
    for (const r of rows)
      page +=
        `{"type":"record","entity":${str(r.entity)},"entityId":${str(r.entity_id)},"data":${r.data},` +
        `"deleted":${r.deleted}}\n`
    yield page + str({ type: 'page', after: str(key) } satisfies SnapshotLine) + '\n'
    if (rows.length < options.pageSize) break
  }
  yield str({ type: 'end' } satisfies SnapshotLine) + '\n'
}

/** Keeps a desk's audit events as they came, once each: a batch sent again after a lost answer adds nothing. */
export async function storeAudit(ctx: ServerContext, ws: Workstation, body: AuditUpload): Promise<number> {
  if (body.events.length === 0) return 0
  const receivedAt = isoNow(ctx)
  // One statement for the batch, its rows one JSON parameter (see write-batch.ts).
  const rows = body.events.map((e) => ({ id: e.id, device_seq: e.seq, data: e }))
  await ctx.db.execute(sql`insert into audit_events (id, device_id, device_seq, data, received_at)
    select id, ${ws.id}, device_seq, data::json, ${receivedAt}
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(id text, device_seq integer, data text)
    on conflict (id) do nothing`)
  return Math.max(...body.events.map((e) => e.seq))
}
