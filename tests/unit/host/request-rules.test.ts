import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  MAX_BODY_BYTES,
  commandFromPath,
  contentTypeFor,
  declaredLengthTooLarge,
  isAllowedHost,
  isAllowedOrigin,
  isJsonContentType,
  parseApiBody,
  resolveStaticPath,
  secretMatches
} from '../../../src-main/host/request-rules'

describe('isAllowedHost', () => {
  it('accepts the loopback names with our port', () => {
    expect(isAllowedHost('127.0.0.1:4321', 4321)).toBe(true)
    expect(isAllowedHost('localhost:4321', 4321)).toBe(true)
    expect(isAllowedHost('LOCALHOST:4321', 4321)).toBe(true)
  })

  it('refuses a rebinding name, another port, a missing port or no header', () => {
    expect(isAllowedHost('evil.example:4321', 4321)).toBe(false)
    expect(isAllowedHost('127.0.0.1.nip.io:4321', 4321)).toBe(false)
    expect(isAllowedHost('127.0.0.1:4322', 4321)).toBe(false)
    expect(isAllowedHost('127.0.0.1', 4321)).toBe(false)
    expect(isAllowedHost('[::1]:4321', 4321)).toBe(false)
    expect(isAllowedHost(undefined, 4321)).toBe(false)
    expect(isAllowedHost('', 4321)).toBe(false)
  })
})

describe('isAllowedOrigin', () => {
  it('lets requests without Origin through (same-origin GET, tools)', () => {
    expect(isAllowedOrigin(undefined, 80)).toBe(true)
  })

  it('accepts only our own origin', () => {
    expect(isAllowedOrigin('http://127.0.0.1:5000', 5000)).toBe(true)
    expect(isAllowedOrigin('http://localhost:5000', 5000)).toBe(true)
    expect(isAllowedOrigin('http://127.0.0.1:5001', 5000)).toBe(false)
    expect(isAllowedOrigin('https://127.0.0.1:5000', 5000)).toBe(false)
    expect(isAllowedOrigin('http://evil.example', 5000)).toBe(false)
    expect(isAllowedOrigin('null', 5000)).toBe(false)
    expect(isAllowedOrigin('', 5000)).toBe(false)
  })
})

describe('secretMatches', () => {
  it('matches the exact secret only', () => {
    expect(secretMatches('s3cret-value', 's3cret-value')).toBe(true)
    expect(secretMatches('s3cret-valuf', 's3cret-value')).toBe(false)
    expect(secretMatches('s3cret', 's3cret-value')).toBe(false)
    expect(secretMatches('s3cret-value-and-more', 's3cret-value')).toBe(false)
  })

  it('refuses a missing, empty or repeated header', () => {
    expect(secretMatches(undefined, 'x')).toBe(false)
    expect(secretMatches('', '')).toBe(false)
    expect(secretMatches(['x', 'x'], 'x')).toBe(false)
  })
})

describe('commandFromPath', () => {
  it('takes the command name from /api/<area>.<verb>', () => {
    expect(commandFromPath('/api/patients.search')).toBe('patients.search')
    expect(commandFromPath('/api/system.setupDemo')).toBe('system.setupDemo')
  })

  it('refuses anything else', () => {
    expect(commandFromPath('/api/')).toBeNull()
    expect(commandFromPath('/api/patients')).toBeNull()
    expect(commandFromPath('/api/patients.search/x')).toBeNull()
    expect(commandFromPath('/api/../index.html')).toBeNull()
    expect(commandFromPath('/api/__proto__.x')).toBeNull()
    expect(commandFromPath('/apix/patients.search')).toBeNull()
  })
})

describe('request body', () => {
  it('recognises JSON content types with parameters', () => {
    expect(isJsonContentType('application/json')).toBe(true)
    expect(isJsonContentType('application/json; charset=utf-8')).toBe(true)
    expect(isJsonContentType('text/plain')).toBe(false)
    expect(isJsonContentType('application/x-www-form-urlencoded')).toBe(false)
    expect(isJsonContentType(undefined)).toBe(false)
  })

  it('refuses a declared length over 1 MB, or a nonsense one', () => {
    expect(declaredLengthTooLarge(undefined)).toBe(false)
    expect(declaredLengthTooLarge(String(MAX_BODY_BYTES))).toBe(false)
    expect(declaredLengthTooLarge(String(MAX_BODY_BYTES + 1))).toBe(true)
    expect(declaredLengthTooLarge('abc')).toBe(true)
  })

  it('parses {input, token}', () => {
    expect(parseApiBody('{"input":{"query":"Ив"},"token":"t"}')).toEqual({
      input: { query: 'Ив' },
      token: 't'
    })
    expect(parseApiBody('{"input":{}}')).toEqual({ input: {}, token: null })
    expect(parseApiBody('{}')).toEqual({ input: {}, token: null })
  })

  it('refuses what is not an object with a string token', () => {
    expect(parseApiBody('not json')).toBeNull()
    expect(parseApiBody('[]')).toBeNull()
    expect(parseApiBody('null')).toBeNull()
    expect(parseApiBody('{"token":5}')).toBeNull()
  })
})

describe('resolveStaticPath', () => {
  const root = resolve('/srv/app/out/renderer')

  it('maps assets under the root', () => {
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toEqual({
      kind: 'file',
      path: resolve(root, 'assets/index-abc.js')
    })
    expect(resolveStaticPath(root, '/index.html')).toEqual({
      kind: 'file',
      path: resolve(root, 'index.html')
    })
  })

  it('sends screens of the app (no extension) to index.html', () => {
    expect(resolveStaticPath(root, '/')).toEqual({ kind: 'app' })
    expect(resolveStaticPath(root, '/patients/abc')).toEqual({ kind: 'app' })
    expect(resolveStaticPath(root, '/assets')).toEqual({ kind: 'app' })
  })

  it('refuses traversal in every spelling, hidden files and NUL', () => {
    for (const p of [
      '/../package.json',
      '/assets/../../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E%2Fpackage.json',
      '/..%5cpackage.json',
      '/assets/%00.js',
      '/.env',
      '/assets/.hidden.js',
      '/%E0%A4%A'
    ]) {
      expect(resolveStaticPath(root, p), p).toEqual({ kind: 'refused' })
    }
  })
})

describe('contentTypeFor', () => {
  it('names the types the renderer build contains', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeFor('a/x.js')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeFor('a/x.CSS')).toBe('text/css; charset=utf-8')
    expect(contentTypeFor('a/x.woff2')).toBe('font/woff2')
    expect(contentTypeFor('a/x.svg')).toBe('image/svg+xml')
  })

  it('serves unknown types as opaque bytes', () => {
    expect(contentTypeFor('a/x.exe')).toBe('application/octet-stream')
    expect(contentTypeFor('a/Makefile')).toBe('application/octet-stream')
  })
})
