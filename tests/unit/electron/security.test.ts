import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  contentSecurityPolicy,
  isAppUrl,
  mayGrantPermission,
  mayHandleIpc,
  mayNavigate,
  webPreferences
} from '../../../src-main/electron/security'
import { projectRoot } from '../support/core'

const dev = 'http://localhost:5173'

describe('Electron shell security rules', () => {
  it('treats only the app’s own files (and the dev server in development) as the app', () => {
    expect(isAppUrl('file:///opt/app/out/renderer/index.html', undefined)).toBe(true)
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false)
    expect(isAppUrl('http://localhost:5173/#/desk', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('https://example.org/', dev)).toBe(false)
    expect(isAppUrl('not a url', dev)).toBe(false)
  })

  it('allows no navigation away from the app’s page', () => {
    const page = 'file:///opt/app/out/renderer/index.html'
    expect(mayNavigate(`${page}#/patients/1`, page, undefined)).toBe(true)
    expect(mayNavigate('file:///etc/passwd', page, undefined)).toBe(false)
    expect(mayNavigate('https://gosuslugi.ru/', page, undefined)).toBe(false)
  })

  it('grants the camera only, and only to the app', () => {
    const page = 'file:///opt/app/out/renderer/index.html'
    expect(mayGrantPermission('media', page, undefined)).toBe(true)
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midi']) {
      expect(mayGrantPermission(p, page, undefined)).toBe(false)
    }
    expect(mayGrantPermission('media', 'https://example.org/', undefined)).toBe(false)
  })

  it('accepts IPC only from the app’s main frame', () => {
    const page = 'file:///opt/app/out/renderer/index.html'
    expect(mayHandleIpc(page, true, undefined)).toBe(true)
    expect(mayHandleIpc(page, false, undefined)).toBe(false)
    expect(mayHandleIpc('https://example.org/', true, undefined)).toBe(false)
    expect(mayHandleIpc(undefined, true, undefined)).toBe(false)
  })

  it('runs the renderer isolated and sandboxed, with a strict CSP', () => {
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true
    })
    expect(contentSecurityPolicy).toContain("default-src 'self'")
    expect(contentSecurityPolicy).toContain("script-src 'self'")
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*unsafe/)
    // The print preview frames a blob: PDF, and nothing else may be framed or embedded.
    expect(contentSecurityPolicy).toMatch(/frame-src blob:;/)
    expect(contentSecurityPolicy).toContain("object-src 'none'")
  })

  it('wires those rules into the window and never widens them', () => {
    const source = readFileSync(join(projectRoot, 'src-main/electron/window.ts'), 'utf8')
    expect(source).toContain('...webPreferences')
    expect(source).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))")
    expect(source).toContain("'will-navigate'")
    expect(source).toContain('setPermissionRequestHandler')
    expect(source).not.toMatch(/nodeIntegration:\s*true|sandbox:\s*false|contextIsolation:\s*false/)
  })
})
