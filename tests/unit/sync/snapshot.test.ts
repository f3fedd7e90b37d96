// A new desk joining a clinic with a card index streams the snapshot page by page; when the link drops halfway it
// resumes from the last committed page instead of starting over, and ends with exactly the server's records. For
// the download it sets its indexes and search triggers aside; they are back when it ends or breaks off, or, after a
// crash halfway, when the store next opens.
import type Database from 'better-sqlite3-multiple-ciphers'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { suspendedSchema } from '../../../src-main/core/db/suspended-schema'
import { readSyncState } from '../../../src-main/core/sync/state'
import { attachSyncEngine } from '../../../src-main/core/sync/engine'
import { joinSuspension } from '../../../src-main/core/sync/pull'
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

/** The store's indexes and triggers, as SQLite holds them. */
function schemaOf(sqlite: Database.Database): string[] {
  return (
    sqlite
      .prepare(
        `SELECT type || ' ' || name || ': ' || sql FROM sqlite_master
                  WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name`
      )
      .pluck()
      .all() as string[]
  ).map((line) => line.replace(/\s+/g, ' '))
}

/** The store is whole, and its derived search data agrees with the cards: what a rebuild must leave behind. */
function expectSearchIntact(desk: Pick<Desk, 'deps'>, clinic: Pick<Desk, 'deps'>): void {
  const sqlite = desk.deps.store.sqlite
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  // FTS5's own check: throws when the trigram index differs from the cards it indexes.
  sqlite.exec(`INSERT INTO patients_fts(patients_fts, rank) VALUES ('integrity-check', 1)`)
  const surnames = (s: Database.Database) =>
    s.prepare('SELECT surname, n FROM patient_surnames WHERE n > 0 ORDER BY surname').all()
  if (desk !== clinic) expect(surnames(sqlite)).toEqual(surnames(clinic.deps.store.sqlite))
}

/**
 * A link whose snapshot stops arriving after so many bytes, without an error: `stalled` resolves once the bytes
 * before it are in and the desk has committed what they held; `release` breaks the link at last.
 */
function stallingFetch(afterBytes: number): typeof fetch & { stalled: Promise<void>; release(): void } {
  let stall = () => {}
  let release = () => {}
  const stalled = new Promise<void>((done) => (stall = done))
  const f = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const res = await fetch(input, init)
    if (!String(input).includes('/v1/snapshot')) return res
    const reader = res.body!.getReader()
    let seen = 0
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (seen > afterBytes) {
          // The desk writes each page as soon as it has it: give it a moment to, then hold the rest back.
          setTimeout(stall, 200)
          await new Promise<void>((done) => (release = done))
          await reader.cancel()
          return controller.error(new Error('связь оборвалась'))
        }
        const { done, value } = await reader.read()
        if (done) return controller.close()
        seen += value.length
        controller.enqueue(value)
      }
    })
    return new Response(body, { status: res.status, headers: res.headers })
  }
  return Object.assign(f, { stalled, release: () => release() })
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
    // The download takes a larger page cache and a rollback journal for itself, and gives the desk its own back,
    // even when the link drops.
    const cacheSize = () => deps.store.sqlite.pragma('cache_size', { simple: true }) as number
    const journal = () => deps.store.sqlite.pragma('journal_mode', { simple: true }) as string
    const deskCache = cacheSize()
    expect(journal()).toBe('wal')
    const link = droppingFetch(60_000)
    const engine = attachSyncEngine(deps, { scheduler: manualScheduler(), fetch: link, snapshotPageSize: 40 })
    const code = await server.createCode('Окно 2')
    await t.call('system.setupFromServer', { serverUrl: server.url, code, workstationName: 'Окно 2' })
    const interrupted = engine.status()
    expect(interrupted.state).toBe('offline')
    expect(interrupted.snapshotInProgress).toBe(true)
    expect(cacheSize()).toBe(deskCache)
    expect(journal()).toBe('wal')
    // The desk answers meanwhile, so what the download set aside is back already, over the cards that came.
    expect(suspendedSchema(deps.store.sqlite)).toEqual([])
    expect(schemaOf(deps.store.sqlite)).toEqual(schemaOf(a.deps.store.sqlite))
    expectSearchIntact({ deps }, { deps })
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
    expect(journal()).toBe('wal')
    expect(schemaOf(deps.store.sqlite)).toEqual(schemaOf(a.deps.store.sqlite))
    expect(suspendedSchema(deps.store.sqlite)).toEqual([])
    expectSearchIntact({ deps }, a)
    const token = (await t.call('auth.signIn', { login: 'registrar', password: 'demo1234' })).token
    expect((await t.call('requests.queue', {}, token)).length).toBeGreaterThan(0)
  })

  it('a new desk sets indexes and search triggers aside for the download; a crash halfway gets them back at the next open', async () => {
    const server = await startTestServer()
    const a = await seedDesk(server, 60)
    const clinicSchema = schemaOf(a.deps.store.sqlite)
    const t: TestCore = startCore(BASE_TIME)
    const deps = await t.core.deps()
    const link = stallingFetch(60_000)
    attachSyncEngine(deps, { scheduler: manualScheduler(), fetch: link, snapshotPageSize: 40 })
    const code = await server.createCode('Окно 2')
    // The download stalls halfway and the app stops there, before the snapshot either ends or fails.
    void t
      .call('system.setupFromServer', { serverUrl: server.url, code, workstationName: 'Окно 2' })
      .catch(() => {})
    await link.stalled
    expect(readSyncState(deps)!.snapshotAfter).not.toBeNull()

    // Halfway: the search triggers and the plain indexes are gone and recorded; the unique ones stay.
    const halfway = schemaOf(deps.store.sqlite)
    const setAside = suspendedSchema(deps.store.sqlite).map((o) => o.name)
    expect(setAside).toEqual(
      expect.arrayContaining(['patients_fts_ai', 'patient_surnames_ai', 'patients_snils_ix'])
    )
    expect(setAside).toEqual(
      expect.arrayContaining(['visits_patient_date_ix', 'medical_documents_patient_ix'])
    )
    expect(halfway.some((line) => line.includes('patients_snils_ix'))).toBe(false)
    expect(halfway.some((line) => line.includes('extract_requests_number_uq'))).toBe(true)
    expect(halfway.length + setAside.length).toBe(clinicSchema.length)
    const written = deps.store.sqlite
      .prepare('SELECT last_name, first_name FROM patients ORDER BY id LIMIT 1')
      .get() as { last_name: string; first_name: string }

    // The app stops there. Opening the store again puts everything back over what was written, search included.
    t.core.close()
    link.release()
    const reopened = startCore(BASE_TIME, t.dir)
    const after = await reopened.core.deps()
    expect(schemaOf(after.store.sqlite)).toEqual(clinicSchema)
    expect(suspendedSchema(after.store.sqlite)).toEqual([])
    expectSearchIntact({ deps: after }, { deps: after })
    const token = (await reopened.call('auth.signIn', { login: 'registrar', password: 'demo1234' })).token
    const found = await reopened.call(
      'patients.search',
      { query: `${written.last_name} ${written.first_name}` },
      token
    )
    const name = `${written.last_name} ${written.first_name}`
    expect(found.some((p) => p.fullName.startsWith(name))).toBe(true)

    // The snapshot then resumes with everything in place and ends equal to the clinic.
    const engine = attachSyncEngine(after, { scheduler: manualScheduler(), snapshotPageSize: 40 })
    await engine.runOrThrow()
    expect(counts({ deps: after })).toEqual(counts(a))
    expect(schemaOf(after.store.sqlite)).toEqual(clinicSchema)
    expectSearchIntact({ deps: after }, a)
  })

  it('only an empty desk starting a snapshot from its beginning sets anything aside', async () => {
    const server = await startTestServer()
    const clinic = await seedDesk(server, 10)
    const t: TestCore = startCore(BASE_TIME)
    const empty = await t.core.deps()
    const plan = joinSuspension(empty, null)
    expect(plan?.indexesOf).toEqual(expect.arrayContaining(['patients', 'visits', 'visit_services', 'users']))
    expect(plan?.keepUnique).toBe(true)
    // A snapshot resumed after a stop, and one taken by a desk that has its cards (a server restored from a backup).
    expect(joinSuspension(empty, 'patient:0193')).toBeNull()
    expect(joinSuspension(clinic.deps, null)).toBeNull()
  })
})
