import { describe, expect, it } from 'vitest'
import { commandNames } from '../../../src-main/contract/commands'
import { commandAccess, may, rolePermissions } from '../../../src-main/core/auth/permissions'
import { demoCore } from '../support/core'

describe('roles are enforced in core', () => {
  it('denies every role each command it may not use, before reading the input', async () => {
    const t = await demoCore(20)
    const roles = {
      registrar: 'registrar',
      senior: 'senior_registrar',
      admin: 'admin',
      auditor: 'auditor'
    } as const
    let denied = 0
    for (const name of commandNames) {
      const access = commandAccess[name]
      if (access === 'public' || access === 'session') continue
      for (const [login, role] of Object.entries(roles)) {
        if (may(role, access)) continue
        const result = await t.core.dispatch(name, {}, t.tokens[login as keyof typeof roles])
        expect(result, `${role} → ${name}`).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Недостаточно прав для этого действия' }
        })
        denied++
      }
    }
    expect(denied).toBeGreaterThan(40)
  })

  it('keeps the administrator out of patient data and the registrar out of reopen and merge', () => {
    expect(may('admin', 'patients.read')).toBe(false)
    expect(may('registrar', 'requests.reopen')).toBe(false)
    expect(may('registrar', 'patients.merge')).toBe(false)
    expect(may('senior_registrar', 'requests.reopen')).toBe(true)
    expect(may('auditor', 'patients.write')).toBe(false)
    expect(rolePermissions.auditor).toContain('audit.read')
  })

  it('writes an audit event for a denied command', async () => {
    const t = await demoCore(20)
    await t.fail('users.list', {}, t.tokens.registrar)
    const deps = await t.core.deps()
    const last = deps.store.sqlite
      .prepare('SELECT action, entity_id FROM audit_events ORDER BY seq DESC LIMIT 1')
      .get()
    expect(last).toEqual({ action: 'access.denied', entity_id: 'users.list' })
  })

  it('answers a command without a session with UNAUTHENTICATED and an unknown one with UNKNOWN_COMMAND', async () => {
    const t = await demoCore(20)
    expect((await t.fail('patients.search', { query: 'ив' })).code).toBe('UNAUTHENTICATED')
    const unknown = await t.core.dispatch('patients.drop', {}, t.tokens.registrar)
    expect(unknown).toEqual({ ok: false, error: { code: 'UNKNOWN_COMMAND', message: 'Неизвестная команда' } })
  })
})
