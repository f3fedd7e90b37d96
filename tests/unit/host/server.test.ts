// The host's HTTP behaviour on a real loopback socket, with a recording dispatcher standing in for the core.
import { request } from 'node:http'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createHostServer, listenOnLoopback, type Dispatcher } from '../../../src-main/host/server'

const secret = 'test-secret-0123456789'
let server: Server
let port: number
let staticDir: string
const calls: { name: string; input: unknown; token: string | null }[] = []

const dispatcher: Dispatcher = {
  async dispatch(name, input, token) {
    calls.push({ name, input, token })
    if (name === 'auth.me')
      return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Войдите в систему' } }
    if (name === 'auth.touch') throw new Error('boom')
    return { ok: true, value: { echoed: input } }
  }
}

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function send(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...opts.headers }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8')
          })
        )
      }
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

function api(name: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(`/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Host-Secret': secret, ...headers },
    body: JSON.stringify(body)
  })
}

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'host-static-'))
  mkdirSync(join(staticDir, 'assets'))
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title>')
  writeFileSync(join(staticDir, 'assets', 'app-1.js'), 'console.log(1)')
  writeFileSync(join(staticDir, '..', 'outside.txt'), 'secret file')
  server = createHostServer({ core: dispatcher, staticDir, secret })
  port = await listenOnLoopback(server, 0)
})

afterAll(() => {
  server.close()
  rmSync(staticDir, { recursive: true, force: true })
})

beforeEach(() => {
  calls.length = 0
})

describe('host: API', () => {
  it('listens on 127.0.0.1 only', () => {
    const address = server.address()
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1')
  })

  it('passes the command, input and token to the core and returns its Result', async () => {
    const reply = await api('patients.search', { input: { query: 'Иванов' }, token: 'tok' })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { echoed: { query: 'Иванов' } } })
    expect(calls).toEqual([{ name: 'patients.search', input: { query: 'Иванов' }, token: 'tok' }])
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(reply.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('answers domain errors with 200 and the error shape', async () => {
    const reply = await api('auth.me', { input: {}, token: null })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: 'Войдите в систему' }
    })
  })

  it('turns a throwing core into INTERNAL without a stack', async () => {
    const original = console.error
    console.error = () => {}
    try {
      const reply = await api('auth.touch', { input: {}, token: 't' })
      expect(JSON.parse(reply.body)).toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: 'Внутренняя ошибка рабочего места' }
      })
    } finally {
      console.error = original
    }
  })

  it('refuses a call without the secret or with a wrong one', async () => {
    for (const headers of [{ 'X-Host-Secret': '' }, { 'X-Host-Secret': secret + 'x' }]) {
      const reply = await api('system.status', { input: {} }, headers)
      expect(reply.status).toBe(403)
      expect(JSON.parse(reply.body).error.code).toBe('FORBIDDEN')
    }
    expect(calls).toEqual([])
  })

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const rebinding = await api('system.status', { input: {} }, { Host: `attacker.example:${port}` })
    expect(rebinding.status).toBe(403)
    const origin = await api('system.status', { input: {} }, { Origin: 'http://attacker.example' })
    expect(origin.status).toBe(403)
    const own = await api('system.status', { input: {} }, { Origin: `http://127.0.0.1:${port}` })
    expect(own.status).toBe(200)
    expect(calls.map((c) => c.name)).toEqual(['system.status'])
  })

  it('refuses a body over 1 MB with 413 and a Russian message', async () => {
    const big = JSON.stringify({ input: { query: 'x'.repeat(1024 * 1024 + 10) }, token: null })
    const reply = await send('/api/patients.search', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Host-Secret': secret },
      body: big
    })
    expect(reply.status).toBe(413)
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'Слишком большой запрос (больше 1 МБ)' }
    })
    expect(calls).toEqual([])
  })

  it('refuses GET, non-JSON, malformed JSON and unknown commands', async () => {
    const get = await send('/api/system.status', { headers: { 'X-Host-Secret': secret } })
    expect(get.status).toBe(405)
    const form = await send('/api/system.status', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'X-Host-Secret': secret },
      body: '{}'
    })
    expect(form.status).toBe(415)
    const broken = await send('/api/system.status', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Host-Secret': secret },
      body: '{oops'
    })
    expect(broken.status).toBe(400)
    const unknown = await api('system.format', { input: {} })
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.body).error.code).toBe('UNKNOWN_COMMAND')
    expect(calls).toEqual([])
  })

  it('answers a CORS preflight without any CORS header', async () => {
    const reply = await send('/api/system.status', {
      method: 'OPTIONS',
      headers: { Origin: 'http://attacker.example', 'Access-Control-Request-Method': 'POST' }
    })
    expect(reply.status).toBe(403)
    expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control'))).toEqual([])
  })
})

describe('host: static files', () => {
  it('serves assets with their content type and the app for any screen path', async () => {
    const js = await send('/assets/app-1.js')
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(js.body).toBe('console.log(1)')
    for (const path of ['/', '/patients/p1', '/settings']) {
      const page = await send(path)
      expect(page.status).toBe(200)
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(page.headers['content-security-policy']).toMatch(/frame-src blob:;/)
      expect(page.body).toContain('<title>app</title>')
    }
  })

  it('does not list directories and refuses traversal', async () => {
    const dir = await send('/assets/')
    expect(dir.body).not.toContain('app-1.js')
    for (const path of ['/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt']) {
      const reply = await send(path)
      expect(reply.status, path).toBe(404)
      expect(reply.body).not.toContain('secret file')
    }
  })

  it('answers 404 for a missing asset instead of the app', async () => {
    const reply = await send('/assets/missing.js')
    expect(reply.status).toBe(404)
  })

  it('refuses static files through a foreign Host too', async () => {
    const reply = await send('/assets/app-1.js', { headers: { Host: 'attacker.example' } })
    expect(reply.status).toBe(403)
    expect(reply.body).not.toContain('console.log')
  })
})
