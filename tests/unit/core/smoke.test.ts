import { describe, expect, it } from 'vitest'
import { demoCore } from '../support/core'

describe('demo clinic', () => {
  it('sets up and answers a search', async () => {
    const t = await demoCore(200)
    const status = await t.call('system.status', {})
    expect(status.initialized).toBe(true)
    const found = await t.call('patients.search', { query: 'ива' }, t.tokens.registrar)
    expect(found.length).toBeGreaterThan(0)
    const card = await t.call('patients.get', { id: found[0].id }, t.tokens.registrar)
    expect(card.patient.id).toBe(found[0].id)
    const queue = await t.call('requests.queue', {}, t.tokens.registrar)
    expect(queue.length).toBeGreaterThan(0)
  })
})
