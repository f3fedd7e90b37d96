// A short run of the load test in CI (`npm run load` is 50 desks for 60 seconds): a few real desks sync against the
// sync server in its own process on loopback, and not one request fails.
import { describe, expect, it } from 'vitest'
import { runLoad } from '../../../scripts/load/desks'

describe('sync under load (smoke)', () => {
  it('5 desks syncing for 5 seconds: every request answered, none failed', { timeout: 300_000 }, async () => {
    const r = await runLoad({ desks: 5, seconds: 5, thinkMs: 500 })
    expect(r.failures).toEqual([])
    expect(r.failed).toBe(0)
    expect(r.rounds).toBeGreaterThanOrEqual(5)
    expect(r.byPath.push.requests).toBeGreaterThan(0)
    expect(r.byPath.log.requests).toBeGreaterThan(0)
    // Every desk's new patients went up, and the others' came down.
    expect(r.pushed).toBe(r.patientsCreated)
    expect(r.pulled).toBeGreaterThan(0)
  })
})
