// kill -9 of the browser host in CI: a few kills during writes and a few during writes with sync (`npm run kill9`
// does a hundred of each). Nothing acknowledged is lost, nothing is written twice, the store and the audit chain
// are sound, and the sync server holds each of the desk's patients once.
import { describe, expect, it } from 'vitest'
import { runKillCampaign } from '../../../scripts/kill9/campaign'

const KILLS = Number(process.env.KILL9_KILLS ?? 5)

describe('kill -9 of the browser host', () => {
  it(
    `loses no acknowledged write when killed ${KILLS} times during writes`,
    { timeout: 600_000 },
    async () => {
      const r = await runKillCampaign({ kills: KILLS, sync: false, seed: 7 })
      expect(r.ackedPatients).toBeGreaterThan(0)
      expect(r.missing).toEqual([])
      expect(r.duplicated).toEqual([])
      expect(r.integrity).toBe('ok')
      expect(r.auditOk).toBe(true)
    }
  )

  it(
    `loses nothing and sends nothing twice when killed ${KILLS} times during sync`,
    { timeout: 600_000 },
    async () => {
      const r = await runKillCampaign({ kills: KILLS, sync: true, seed: 8 })
      expect(r.ackedPatients).toBeGreaterThan(0)
      expect(r.missing).toEqual([])
      expect(r.duplicated).toEqual([])
      expect(r.integrity).toBe('ok')
      expect(r.auditOk).toBe(true)
      expect(r.serverMismatch).toEqual([])
      expect(r.serverPatients).toBeGreaterThanOrEqual(r.ackedPatients)
    }
  )
})
