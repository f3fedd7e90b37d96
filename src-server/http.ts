// The server's HTTP surface (node:http, JSON; the snapshot is NDJSON streamed page by page). Every desk request
// names its protocol and schema versions; one outside the accepted window is refused with a reason in Russian.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import {
  AuditUpload,
  EnrolRequest,
  fastAuditUpload,
  fastPushRequest,
  HEADER_GENERATION,
  HEADER_PROTOCOL,
  HEADER_SCHEMA,
  PushRequest,
  type SyncErrorBody
} from '../src-main/contract/sync-protocol'
import {
  adminTokenMatches,
  authenticate,
  createEnrolmentCode,
  enrol,
  revokeWorkstation,
  SyncServerError
} from './auth'
import { currentGeneration, type ServerContext } from './context'
import { listReview, listWorkstations } from './admin'
import { ImportBody, importItems, type ImportDeps } from './import'
import { checkSchemaVersion, pushOps } from './push'
import { hello, logPageText, snapshotText, storeAudit } from './read'
import { createTurns, type Turn } from './turns'

const MAX_BODY = 16 * 1024 * 1024

const EnrolCodeBody = z.object({
  name: z.string().trim().min(1).max(80),
  kind: z.enum(['desk', 'upstream']).default('desk'),
  ttlHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24)
})

export interface HttpDeps {
  ctx: ServerContext
  adminToken: string | null
  importDeps: ImportDeps | null
  onError(error: unknown): void
}

function send(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, JSON.stringify(body))
}

/** A body already written as JSON. */
function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(text)
}

async function readJson<S extends z.ZodType>(
  req: IncomingMessage,
  schema: S,
  fast?: (value: unknown) => z.output<S> | null
): Promise<z.output<S>> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) throw new SyncServerError('TOO_LARGE', 'Слишком большой запрос', 413)
    chunks.push(chunk as Buffer)
  }
  let value: unknown
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new SyncServerError('BAD_REQUEST', 'Тело запроса — не JSON', 400)
  }
  const quick = fast?.(value)
  if (quick) return quick
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new SyncServerError(
      'BAD_REQUEST',
      `Запрос не по протоколу: ${first.path.join('.')} ${first.message}`,
      400
    )
  }
  return parsed.data
}

function checkVersions(ctx: ServerContext, req: IncomingMessage): void {
  const protocol = Number(req.headers[HEADER_PROTOCOL])
  const { min, max } = ctx.protocolWindow
  if (!Number.isInteger(protocol) || protocol < min || protocol > max) {
    throw new SyncServerError(
      'UNSUPPORTED_VERSION',
      `Протокол синхронизации рабочего места (${req.headers[HEADER_PROTOCOL] ?? 'не указан'}) не поддерживается ` +
        `сервером (${min}–${max}): обновите программу. Изменения сохранены на этом компьютере.`,
      426
    )
  }
  checkSchemaVersion(ctx, Number(req.headers[HEADER_SCHEMA]))
}

async function checkGeneration(ctx: ServerContext, req: IncomingMessage): Promise<void> {
  const generation = await currentGeneration(ctx.db)
  if (req.headers[HEADER_GENERATION] !== generation.id) {
    throw new SyncServerError(
      'GENERATION_CHANGED',
      'База сервера восстановлена из резервной копии: рабочее место загрузит её заново и досылает недостающее',
      409
    )
  }
}

function intParam(url: URL, name: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(name)
  const value = raw === null ? fallback : Number(raw)
  if (!Number.isSafeInteger(value) || value < 0)
    throw new SyncServerError('BAD_REQUEST', `Параметр ${name}`, 400)
  return Math.min(value, max)
}

async function streamSnapshot(deps: HttpDeps, url: URL, res: ServerResponse): Promise<void> {
  const upTo = url.searchParams.get('upTo')
  const pages = snapshotText(deps.ctx, {
    after: url.searchParams.get('after'),
    upTo: upTo === null ? null : intParam(url, 'upTo', 0, Number.MAX_SAFE_INTEGER),
    pageSize: intParam(url, 'pageSize', 500, 5000) || 500
  })
  res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' })
  // A page goes out in one write (a write per record cost more than encoding it), and back-pressure is honoured
  // between pages: a slow desk must not make the server hold the whole clinic in memory.
  for await (const page of pages) {
    const drained = res.write(page)
    if (!drained) await new Promise((r) => res.once('drain', r))
    if (res.destroyed) return
  }
  res.end()
}

async function route(
  deps: HttpDeps,
  req: IncomingMessage,
  res: ServerResponse,
  turn: Turn | null
): Promise<void> {
  const { ctx } = deps
  const url = new URL(req.url ?? '/', 'http://server')
  const path = url.pathname
  const method = req.method ?? 'GET'
  if (path.startsWith('/v1/admin/')) {
    if (!adminTokenMatches(deps.adminToken, req.headers.authorization))
      throw new SyncServerError('UNAUTHENTICATED', 'Нужен ключ администратора сервера', 401)
    if (method === 'POST' && path === '/v1/admin/codes') {
      return send(res, 200, await createEnrolmentCode(ctx, await readJson(req, EnrolCodeBody)))
    }
    if (method === 'GET' && path === '/v1/admin/workstations')
      return send(res, 200, await listWorkstations(ctx))
    if (method === 'GET' && path === '/v1/admin/review') return send(res, 200, await listReview(ctx))
    const revoke = /^\/v1\/admin\/workstations\/([^/]{1,64})\/revoke$/.exec(path)
    if (method === 'POST' && revoke)
      return send(res, 200, { revoked: await revokeWorkstation(ctx, revoke[1]) })
    throw new SyncServerError('NOT_FOUND', 'Нет такого адреса', 404)
  }
  checkVersions(ctx, req)
  if (method === 'POST' && path === '/v1/enrol')
    return send(res, 200, await enrol(ctx, await readJson(req, EnrolRequest)))
  const ws = await authenticate(ctx, req.headers.authorization)
  if (method === 'GET' && path === '/v1/hello') return send(res, 200, await hello(ctx, ws))
  if (method === 'POST' && path === '/v1/import') {
    if (ws.kind !== 'upstream' || !deps.importDeps)
      throw new SyncServerError('UNAUTHENTICATED', 'Импорт принимается только от внешней системы', 403)
    const body = await readJson(req, ImportBody)
    return send(res, 200, { results: await importItems(ctx, deps.importDeps, ws, body) })
  }
  // An upstream system sends what it has; it does not read the clinic's card index.
  if (ws.kind !== 'desk')
    throw new SyncServerError('UNAUTHENTICATED', 'Этот ключ предназначен только для импорта', 403)
  if (method === 'POST' && path === '/v1/audit') {
    return send(res, 200, {
      storedThrough: await storeAudit(ctx, ws, await readJson(req, AuditUpload, fastAuditUpload))
    })
  }
  await checkGeneration(ctx, req)
  if (method === 'POST' && path === '/v1/push' && turn) {
    const body = await readJson(req, PushRequest, fastPushRequest)
    await turn.ready
    // The batch's write is queued now, behind the desk's batches that arrived before it.
    const answer = pushOps(ctx, ws, body)
    turn.done()
    return send(res, 200, await answer)
  }
  if (method === 'GET' && path === '/v1/log') {
    const after = intParam(url, 'after', 0, Number.MAX_SAFE_INTEGER)
    const maxBytes = intParam(url, 'maxBytes', 512 * 1024, 8 * 1024 * 1024) || 1
    // A desk asks for its own entries short; one that does not ask (an older one) gets them whole.
    const shortFor = url.searchParams.get('echo') === 'short' ? ws.id : null
    return sendText(res, 200, await logPageText(ctx, after, maxBytes, shortFor))
  }
  if (method === 'GET' && path === '/v1/snapshot') return streamSnapshot(deps, url, res)
  throw new SyncServerError('NOT_FOUND', 'Нет такого адреса', 404)
}

export function handler(deps: HttpDeps) {
  const pushTurns = createTurns()
  return (req: IncomingMessage, res: ServerResponse): void => {
    // Keyed by the desk's credential, as it arrives: a desk's pushes are written in the order it sent them.
    const turn =
      req.method === 'POST' && req.url?.split('?')[0] === '/v1/push'
        ? pushTurns.take(req.headers.authorization ?? '')
        : null
    route(deps, req, res, turn)
      .finally(() => turn?.done())
      .catch((error: unknown) => {
        if (res.headersSent) {
          res.destroy()
          return
        }
        if (error instanceof SyncServerError) {
          const body: SyncErrorBody = { code: error.code, message: error.message }
          return send(res, error.status, body)
        }
        deps.onError(error)
        send(res, 500, { code: 'INTERNAL', message: 'Внутренняя ошибка сервера синхронизации' })
      })
  }
}
