// The browser host's rules for what a request may do, kept pure so that each rule has a unit test. The host exists
// so the real UI runs in Chromium; these rules keep every other page and process on the machine out of it.
import { timingSafeEqual } from 'node:crypto'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import type { ErrorCode } from '../contract/errors'

/** The biggest JSON body the API reads; no legitimate command comes close. */
export const MAX_BODY_BYTES = 1024 * 1024

export type Refusal = { status: number; code: ErrorCode; message: string }

export const refusals = {
  host: {
    status: 403,
    code: 'FORBIDDEN',
    message: 'Запрос пришёл не на адрес 127.0.0.1 или localhost этого сервера'
  },
  origin: { status: 403, code: 'FORBIDDEN', message: 'Запрос пришёл со страницы другого сайта' },
  secret: {
    status: 403,
    code: 'FORBIDDEN',
    message: 'Нет ключа запуска: откройте адрес, который сервер напечатал при старте'
  },
  tooLarge: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Слишком большой запрос (больше 1 МБ)' },
  badJson: {
    status: 400,
    code: 'VALIDATION',
    message: 'Запрос не разобран: ожидался JSON вида {input, token}'
  },
  contentType: { status: 415, code: 'VALIDATION', message: 'Запрос должен быть в формате JSON' },
  method: { status: 405, code: 'VALIDATION', message: 'Этот адрес принимает только POST' },
  unknownPath: { status: 404, code: 'NOT_FOUND', message: 'Такого адреса нет' },
  internal: { status: 500, code: 'INTERNAL', message: 'Внутренняя ошибка сервера' }
} as const satisfies Record<string, Refusal>

function loopbackAuthorities(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`]
}

/**
 * A DNS-rebinding page reaches 127.0.0.1 under its own host name; the browser still sends that name in Host.
 * Only the loopback names with our exact port pass.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false
  return loopbackAuthorities(port).includes(host.toLowerCase())
}

/** Browsers send Origin on cross-origin and on all POST requests; if it is there, it must be us. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true
  return loopbackAuthorities(port).some((authority) => origin.toLowerCase() === `http://${authority}`)
}

/** Constant-time comparison, so that the secret cannot be guessed byte by byte from response times. */
export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false
  const a = Buffer.from(given)
  const b = Buffer.from(secret)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** '/api/patients.search' → 'patients.search'; anything else under /api is not a command path. */
export function commandFromPath(pathname: string): string | null {
  const match = /^\/api\/([A-Za-z][A-Za-z0-9]*\.[A-Za-z][A-Za-z0-9]*)$/.exec(pathname)
  return match ? match[1] : null
}

export function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/')
}

export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false
  return contentType.split(';')[0].trim().toLowerCase() === 'application/json'
}

/** A declared Content-Length over the limit is refused before a single body byte is read. */
export function declaredLengthTooLarge(contentLength: string | undefined): boolean {
  if (contentLength === undefined) return false
  const n = Number(contentLength)
  return !Number.isFinite(n) || n > MAX_BODY_BYTES
}

export type ApiBody = { input: unknown; token: string | null }

export function parseApiBody(text: string): ApiBody | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null
  const body = parsed as Record<string, unknown>
  const token = body.token ?? null
  if (token !== null && typeof token !== 'string') return null
  return { input: body.input ?? {}, token }
}

export type StaticTarget = { kind: 'file'; path: string } | { kind: 'app' } | { kind: 'refused' }

/**
 * Maps a URL path to a file under root. A path that leaves root (../, encoded or not, absolute, NUL) is refused;
 * a path without an extension is a screen of the single-page app and gets index.html.
 */
export function resolveStaticPath(root: string, pathname: string): StaticTarget {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return { kind: 'refused' }
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'refused' }
  const segments = decoded.split('/').filter((s) => s !== '')
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.'))) return { kind: 'refused' }
  if (segments.length === 0) return { kind: 'app' }
  const target = resolve(root, ...segments)
  const rel = relative(root, target)
  if (rel === '' || rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) return { kind: 'refused' }
  if (extname(target) === '') return { kind: 'app' }
  return { kind: 'file', path: target }
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm'
}

/** Unknown types are served as opaque bytes, so that a browser never sniffs them into something executable. */
export function contentTypeFor(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream'
}
