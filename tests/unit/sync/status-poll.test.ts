import { describe, expect, it } from 'vitest'
import { demoCore } from '../support/core'

// The status line asks for sync.status every few seconds; a desk left alone must still lock after its idle time.
describe('the status line poll is not activity', () => {
  it('an idle session locks although the status was asked for all along', async () => {
    const t = await demoCore(10)
    const token = t.tokens.registrar
    const { idleLockMinutes } = await t.call('auth.me', {}, token)
    for (let i = 0; i < idleLockMinutes; i++) {
      t.clock.advance(60_000)
      const status = await t.call('sync.status', {}, token)
      expect(status.configured).toBe(false)
    }
    t.clock.advance(1_000)
    expect((await t.fail('patients.search', { query: 'Иванов' }, token)).code).toBe('SESSION_LOCKED')
  })

  it('a command a person gave still counts', async () => {
    const t = await demoCore(10)
    const token = t.tokens.registrar
    const { idleLockMinutes } = await t.call('auth.me', {}, token)
    t.clock.advance((idleLockMinutes - 1) * 60_000)
    await t.call('patients.search', { query: 'Иванов' }, token)
    t.clock.advance(2 * 60_000)
    await t.call('sync.status', {}, token)
    // Three minutes after the search, less than the idle time: still open.
    const result = await t.core.dispatch('patients.search', { query: 'Иванов' }, token)
    expect(result.ok).toBe(true)
  })
})
