// A desk keeps two push batches on the way. The server queues a desk's batches in the order they arrive; should the
// second still be answered first, it applied nothing past the gap, and the desk sends those ops again: every op
// lands once, in order, and every one is acknowledged.
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { outbox } from '../../../src-main/core/db/schema'
import { log } from '../../../src-server/db/schema'
import { backends, seedDesk, startTestServer } from './support/sync-env'

/** Holds back the first push until the push after it has been answered, once. */
function swappingFetch() {
  let release: (() => void) | null = null
  const seen = { swapped: 0, pushes: 0 }
  const fetchSwapped: typeof fetch = async (input, init) => {
    if (new URL(String(input)).pathname !== '/v1/push') return fetch(input, init)
    seen.pushes++
    if (seen.swapped === 0 && !release) {
      await new Promise<void>((resolve) => (release = resolve))
      return fetch(input, init)
    }
    const res = await fetch(input, init)
    if (release && seen.swapped === 0) {
      // Read the answer before the held batch goes, so that the server has taken this one first.
      const body = await res.text()
      seen.swapped++
      release()
      return new Response(body, { status: res.status, headers: res.headers })
    }
    return res
  }
  return { fetch: fetchSwapped, seen }
}

describe('push with two batches on the way', () => {
  it.each(backends)(
    'lands every op once when the server answers the second batch first (%s)',
    async (backend) => {
      const server = await startTestServer({ backend })
      const swap = swappingFetch()
      const a = await seedDesk(server, 10, { fetch: swap.fetch, pushMaxBytes: 4_000 })
      for (let i = 0; i < 40; i++)
        await a.call(
          'patients.create',
          {
            draft: {
              lastName: `Очередная${'абвгдежзик'[i % 10]}${'абвгдежзик'[Math.floor(i / 10)]}`,
              firstName: 'Анна',
              sex: 'F',
              birthDate: '1990-01-01'
            }
          },
          a.token
        )
      await a.sync()
      await a.sync()
      expect(swap.seen.swapped).toBe(1)
      expect(swap.seen.pushes).toBeGreaterThan(4)
      const local = a.deps.store.db
        .select({ opId: outbox.opId, ackSeq: outbox.ackSeq, pushedAt: outbox.pushedAt })
        .from(outbox)
        .all()
      expect(local.length).toBeGreaterThan(40)
      expect(local.filter((r) => r.ackSeq === null || r.pushedAt === null)).toEqual([])
      const logged = await server.store.db
        .select({ opId: log.opId, deviceSeq: log.deviceSeq, seq: log.seq })
        .from(log)
        .where(sql`${log.deviceId} <> 'server'`)
        .orderBy(log.seq)
      expect(new Set(logged.map((r) => r.opId))).toEqual(new Set(local.map((r) => r.opId)))
      expect(logged).toHaveLength(local.length)
      // The desk's own order is the log's order.
      const bySeq = logged.map((r) => r.deviceSeq)
      expect(bySeq).toEqual([...bySeq].sort((x, y) => Number(x) - Number(y)))
      const acks = new Map(local.map((r) => [r.opId, r.ackSeq]))
      for (const r of logged) expect(acks.get(r.opId)).toBe(r.seq)
    }
  )
})
