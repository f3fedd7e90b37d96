// The browser host's HTTP server: the built renderer as static files, and POST /api/<command> into the core.
// Every request passes the rules in request-rules.ts first; none of them is skipped for static files, because a
// rebinding page must not read even the app's own scripts through a foreign host name.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { isCommandName } from '../contract/commands'
import type { Result } from '../contract/errors'
import {
  MAX_BODY_BYTES,
  commandFromPath,
  contentTypeFor,
  declaredLengthTooLarge,
  isAllowedHost,
  isAllowedOrigin,
  isApiPath,
  isJsonContentType,
  parseApiBody,
  refusals,
  resolveStaticPath,
  secretMatches,
  type Refusal
} from './request-rules'

export interface Dispatcher {
  dispatch(name: string, input: unknown, token: string | null): Promise<Result<unknown>>
}

export interface HostServerOptions {
  core: Dispatcher
  staticDir: string
  secret: string
}

// The meta tag in index.html says the same; the header adds what a meta tag cannot (frame-ancestors).
const documentCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
  "frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

const commonHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin'
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...commonHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store'
  })
  res.end(text)
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  sendJson(res, refusal.status, { ok: false, error: { code: refusal.code, message: refusal.message } })
}

/**
 * Reads the body up to the limit. Past it, keeps draining without storing and reports null at the end: answering
 * 413 while the browser is still sending would reset the connection and it would never see the answer.
 */
function readBody(req: IncomingMessage, alreadyTooLarge: boolean): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = alreadyTooLarge
    req.on('data', (chunk: Buffer) => {
      if (over) return
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        over = true
        chunks.length = 0
      } else chunks.push(chunk)
    })
    req.on('end', () => resolveBody(over ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string, o: HostServerOptions) {
  const port = req.socket.localPort ?? 0
  if (!isAllowedOrigin(req.headers.origin, port)) return refuse(res, refusals.origin)
  if (!secretMatches(req.headers['x-host-secret'], o.secret)) return refuse(res, refusals.secret)
  const name = commandFromPath(pathname)
  if (name === null) return refuse(res, refusals.unknownPath)
  if (req.method !== 'POST') return refuse(res, refusals.method)
  if (!isJsonContentType(req.headers['content-type'])) return refuse(res, refusals.contentType)
  const text = await readBody(req, declaredLengthTooLarge(req.headers['content-length']))
  if (text === null) return refuse(res, refusals.tooLarge)
  const body = parseApiBody(text)
  if (body === null) return refuse(res, refusals.badJson)
  if (!isCommandName(name)) {
    return sendJson(res, 404, {
      ok: false,
      error: { code: 'UNKNOWN_COMMAND', message: `Нет команды ${name}` }
    })
  }
  let result: Result<unknown>
  try {
    result = await o.core.dispatch(name, body.input, body.token)
  } catch (error) {
    // The core promises never to throw; if it does anyway, the registrar gets a sentence, the log gets the stack.
    console.error(`Команда ${name} завершилась исключением:`, error)
    result = { ok: false, error: { code: 'INTERNAL', message: 'Внутренняя ошибка рабочего места' } }
  }
  // Domain errors are answers, not transport failures: always 200 so the renderer reads one shape.
  sendJson(res, 200, result)
}

async function handleStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  o: HostServerOptions
) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...commonHeaders, Allow: 'GET, HEAD' })
    return res.end()
  }
  const target = resolveStaticPath(o.staticDir, pathname)
  if (target.kind === 'refused') {
    res.writeHead(404, { ...commonHeaders, 'Content-Type': 'text/plain; charset=utf-8' })
    return res.end('Не найдено')
  }
  const path = target.kind === 'app' ? join(o.staticDir, 'index.html') : target.path
  const info = await stat(path).catch(() => null)
  if (!info || !info.isFile()) {
    res.writeHead(404, { ...commonHeaders, 'Content-Type': 'text/plain; charset=utf-8' })
    return res.end('Не найдено')
  }
  const isDocument = path.endsWith('.html')
  res.writeHead(200, {
    ...commonHeaders,
    'Content-Type': contentTypeFor(path),
    'Content-Length': info.size,
    // Built assets carry a content hash in their names; the document must always be fresh.
    'Cache-Control': isDocument ? 'no-store' : 'no-cache',
    ...(isDocument ? { 'Content-Security-Policy': documentCsp } : {})
  })
  if (req.method === 'HEAD') return res.end()
  createReadStream(path).pipe(res)
}

export function createHostServer(options: HostServerOptions): Server {
  return createServer((req, res) => {
    const port = req.socket.localPort ?? 0
    if (!isAllowedHost(req.headers.host, port)) return refuse(res, refusals.host)
    let pathname: string
    try {
      pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    } catch {
      return refuse(res, refusals.unknownPath)
    }
    const handler = isApiPath(pathname) ? handleApi : handleStatic
    handler(req, res, pathname, options).catch((error: unknown) => {
      console.error('Ошибка обработки запроса:', error)
      if (!res.headersSent) refuse(res, refusals.internal)
      else res.destroy()
    })
  })
}

/** Listens on loopback only: the host is for this machine, never for the network. */
export function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolveListen((server.address() as AddressInfo).port)
    })
  })
}
