// A new desk joining a clinic with a card index streams the snapshot page by page; when the link drops halfway it
// resumes from the last committed page instead of starting over, and ends with exactly the server's records.
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { readSyncState } from '../../../src-main/core/sync/state'
import { attachSyncEngine } from '../../../src-main/core/sync/engine'
import { startCore } from '../support/core'
import { BASE_TIME, manualScheduler, seedDesk, startTestServer, type Desk } from './support/sync-env'
import type { TestCore } from '../support/core'

const tables = [
  'patients',
  'representatives',
  'consents',
  'visits',
  'visit_services',
  'medical_documents',
  'document_signatures',
  'extract_requests',
  'request_status_history',
  'complaints',
  'complaint_status_history',
  'users'
]

function counts(desk: Pick<Desk, 'deps'>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const t of tables)
    out[t] = desk.deps.store.db.get<{ n: number }>(sql.raw(`select count(*) as n from ${t}`)).n
  return out
}

/** A link that breaks once, after so many bytes of the snapshot. */
function droppingFetch(afterBytes: number): typeof fetch & { requests: string[] } {
  const requests: string[] = []
  let dropped = false
  const f = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    requests.push(String(input))
    const res = await fetch(input, init)
    if (dropped || !String(input).includes('/v1/snapshot')) return res
    dropped = true
    const reader = res.body!.getReader()
    let seen = 0
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read()
        if (done) return controller.close()
        seen += value.length
        if (seen > afterBytes) {
          await reader.cancel()
          return controller.error(new Error('связь оборвалась'))
        }
        controller.enqueue(value)
      }
    })
    return new Response(body, { status: res.status, headers: res.headers })
  }
  return Object.assign(f, { requests })
}

describe('snapshot', () => {
  it('streams in pages, resumes after a dropped link and ends equal to the clinic', async () => {
    const server = await startTestServer()
    const a = await seedDesk(server, 60)
    const t: TestCore = startCore(BASE_TIME)
    const deps = await t.core.deps()
    // The download takes a larger page cache for itself and gives the desk its own back, even when the link drops.
    const cacheSize = () => deps.store.sqlite.pragma('cache_size', { simple: true }) as number
    const deskCache = cacheSize()
    const link = droppingFetch(60_000)
    const engine = attachSyncEngine(deps, { scheduler: manualScheduler(), fetch: link, snapshotPageSize: 40 })
    const code = await server.createCode('Окно 2')
    await t.call('system.setupFromServer', { serverUrl: server.url, code, workstationName: 'Окно 2' })
    const interrupted = engine.status()
    expect(interrupted.state).toBe('offline')
    expect(interrupted.snapshotInProgress).toBe(true)
    expect(cacheSize()).toBe(deskCache)
    const partway = readSyncState(deps)!
    expect(partway.snapshotAfter).not.toBeNull()
    const partial = counts({ deps })
    expect(partial.patients + partial.visits).toBeGreaterThan(0)

    await engine.runOrThrow()
    const resumed = link.requests.filter((r) => r.includes('/v1/snapshot'))
    expect(resumed).toHaveLength(2)
    expect(decodeURIComponent(resumed[1])).toContain(`after=${partway.snapshotAfter}`)
    expect(decodeURIComponent(resumed[1])).toContain(`upTo=${partway.snapshotUpTo}`)
    expect(engine.status()).toMatchObject({ state: 'online', snapshotInProgress: false, behindBy: 0 })
    expect(counts({ deps })).toEqual(counts(a))
    expect(cacheSize()).toBe(deskCache)
    const token = (await t.call('auth.signIn', { login: 'registrar', password: 'demo1234' })).token
    expect((await t.call('requests.queue', {}, token)).length).toBeGreaterThan(0)
  })
})
