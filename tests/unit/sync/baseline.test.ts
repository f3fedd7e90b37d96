// A clinic's first desk queues its whole store when it connects: one insert per record, none twice (a record that
// already went through the outbox is not queued again), parents before the records that refer to them, and tables
// larger than one chunk read to the end. Configuring answers at once; the queue runs a chunk at a time, a change made
// meanwhile goes out after the insert of its record, and a desk closed halfway goes on where it stopped.
import { getTableName, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { CoreDeps } from '../../../src-main/core/context'
import { BASELINE_CHUNK, queueBaseline, type BaselineProgress } from '../../../src-main/core/sync/baseline'
import { attachSyncEngine } from '../../../src-main/core/sync/engine'
import { entitySpecs } from '../../../src-main/core/sync/entities'
import { queryRows } from '../../../src-server/context'
import { demoCore, startCore } from '../support/core'
import { manualScheduler, startTestServer, type TestServer } from './support/sync-env'

const count = (deps: CoreDeps, q: string, ...params: unknown[]) =>
  deps.store.sqlite
    .prepare(q)
    .pluck()
    .get(...params) as number

/** Every synced record has exactly one insert in the outbox. */
function expectEachRecordQueuedOnce(deps: CoreDeps): { total: number; largest: number } {
  const specs = Object.values(entitySpecs).filter((s) => s.table && s.name !== 'sync_task')
  let total = 0
  let largest = 0
  for (const spec of specs) {
    const rows = count(deps, `SELECT count(*) FROM "${getTableName(spec.table!)}"`)
    const inserts = "FROM outbox WHERE entity = ? AND op = 'insert'"
    expect(count(deps, `SELECT count(*) ${inserts}`, spec.name), spec.name).toBe(rows)
    expect(count(deps, `SELECT count(DISTINCT entity_id) ${inserts}`, spec.name), spec.name).toBe(rows)
    total += rows
    largest = Math.max(largest, rows)
  }
  return { total, largest }
}

/** Position of the op in the outbox, to compare orders. */
const seqOf = (deps: CoreDeps, entity: string, entityId: string, op: string) =>
  count(
    deps,
    'SELECT device_seq FROM outbox WHERE entity = ? AND entity_id = ? AND op = ?',
    entity,
    entityId,
    op
  )

async function connectedDemo(server: TestServer) {
  const t = await demoCore(450)
  const deps = await t.core.deps()
  const engine = attachSyncEngine(deps, { scheduler: manualScheduler() })
  await t.call(
    'sync.configure',
    { serverUrl: server.url, code: await server.createCode('Окно 1') },
    t.tokens.admin
  )
  return { t, deps, engine }
}

describe('baseline', () => {
  it('queues every record once, in dependency order, and the server gets them all', async () => {
    const server = await startTestServer()
    const t = await demoCore(450)
    const deps = await t.core.deps()
    const engine = attachSyncEngine(deps, { scheduler: manualScheduler() })
    const sqlite = deps.store.sqlite
    const early = await t.call(
      'patients.create',
      { draft: { lastName: 'Ранняя', firstName: 'Ольга', sex: 'F', birthDate: '1980-05-05' } },
      t.tokens.senior
    )
    await t.call(
      'sync.configure',
      { serverUrl: server.url, code: await server.createCode('Окно 1') },
      t.tokens.admin
    )
    // The answer came before any of the baseline was queued: the run waits for the loop.
    expect(count(deps, "SELECT count(*) FROM outbox WHERE entity = 'visit'")).toBe(0)
    await engine.runOrThrow()
    const { total, largest } = expectEachRecordQueuedOnce(deps)
    expect(largest).toBeGreaterThan(BASELINE_CHUNK)
    // Children travel inside their parent's insert, read a chunk of parents at a time: every one of them, once.
    expect(
      count(
        deps,
        `SELECT sum(json_array_length(fields, '$.services')) FROM outbox WHERE entity = 'visit' AND op = 'insert'`
      )
    ).toBe(count(deps, 'SELECT count(*) FROM visit_services'))
    expect(
      count(
        deps,
        `SELECT count(*) FROM outbox o, json_each(o.fields, '$.services') s
          WHERE o.entity = 'visit' AND coalesce(json_extract(s.value, '$.visitId'), '') <> o.entity_id`
      )
    ).toBe(0)
    // The store stayed in WAL: a backup reading it meanwhile must not hold up the registrar's writes.
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(engine.status()).toMatchObject({ preparing: null, pendingChanges: 0 })
    // Ranks in queue order never go down. Aside: the card created before connecting (queued then), and sign-in
    // credentials, which the first sync sends after the baseline.
    const queued = (
      sqlite
        .prepare("SELECT entity FROM outbox WHERE op = 'insert' AND entity_id <> ? ORDER BY device_seq")
        .pluck()
        .all(early.id) as string[]
    ).filter((e) => entitySpecs[e].kind !== 'credential')
    const runs = queued.filter((e, i) => i === 0 || queued[i - 1] !== e)
    const order = runs.map((e) => entitySpecs[e].rank)
    expect(
      order.every((r, i) => i === 0 || order[i - 1] <= r),
      runs.join(' ')
    ).toBe(true)
    const [held] = await queryRows<{ n: number }>(
      server.store.db,
      sql`select count(*)::int as n from records`
    )
    // The server also keeps the workstation records the desks enrol as.
    expect(held.n).toBeGreaterThanOrEqual(total)
  })

  it('sends a change made while it is queued after the insert of its record, and the server takes all', async () => {
    const server = await startTestServer()
    const { t, deps, engine } = await connectedDemo(server)
    const newest = (table: string) => count(deps, `SELECT id FROM ${table} ORDER BY id DESC LIMIT 1`) as never
    const { patient: edited } = await t.call('patients.get', { id: newest('patients') }, t.tokens.senior)
    const applicant = count(deps, 'SELECT id FROM patients WHERE id <> ? ORDER BY id DESC LIMIT 1', edited.id)
    // The queue is held after its first chunk (the users): no patient is queued yet.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let turns = 0
    const progress: BaselineProgress[] = []
    const queued = queueBaseline(
      deps,
      (p) => progress.push(p),
      async () => {
        if (++turns === 2) await held
      }
    )
    await new Promise((resolve) => setImmediate(resolve))
    expect(turns).toBe(2)
    expect(count(deps, "SELECT count(*) FROM outbox WHERE entity = 'patient'")).toBe(0)
    await t.call(
      'patients.update',
      {
        id: edited.id,
        version: edited.version,
        draft: {
          lastName: edited.lastName,
          firstName: edited.firstName,
          middleName: edited.middleName ?? '',
          sex: edited.sex,
          birthDate: edited.birthDate,
          phone: '+7 900 123-45-67'
        }
      },
      t.tokens.senior
    )
    const request = await t.call(
      'requests.create',
      {
        patientId: String(applicant),
        applicantKind: 'self',
        channel: 'in_person',
        kind: 'brief',
        periodFrom: '2025-01-01',
        periodTo: '2026-11-01',
        purpose: 'для бассейна',
        delivery: 'in_person'
      },
      t.tokens.registrar
    )
    expect(seqOf(deps, 'patient', edited.id, 'insert')).toBeLessThan(
      seqOf(deps, 'patient', edited.id, 'update')
    )
    expect(seqOf(deps, 'patient', String(applicant), 'insert')).toBeLessThan(
      seqOf(deps, 'extract_request', request.id, 'insert')
    )
    release()
    await queued
    expectEachRecordQueuedOnce(deps)
    const shares = progress.map((p) => p.queued / p.total)
    expect(shares.every((share, i) => i === 0 || shares[i - 1] <= share)).toBe(true)
    expect(progress.at(-1)!.queued).toBeGreaterThan(progress[0].queued)
    await engine.runOrThrow()
    expect(engine.status()).toMatchObject({ pendingChanges: 0, preparing: null })
    const [aside] = await queryRows<{ n: number }>(
      server.store.db,
      sql`select count(*)::int as n from review`
    )
    const [refused] = await queryRows<{ n: number }>(
      server.store.db,
      sql`select count(*)::int as n from log where outcome <> 'applied'`
    )
    expect({ aside: aside.n, refused: refused.n }).toEqual({ aside: 0, refused: 0 })
    const [phone] = await queryRows<{ phone: string }>(
      server.store.db,
      sql`select data->>'phone' as phone from records where entity = 'patient' and entity_id = ${edited.id}`
    )
    expect(phone.phone).toBe('+7 900 123-45-67')
  })

  it('goes on where it stopped when the desk was closed halfway', async () => {
    const server = await startTestServer()
    const { t, deps } = await connectedDemo(server)
    let turns = 0
    await expect(
      queueBaseline(
        deps,
        () => {},
        async () => {
          if (++turns === 4) t.core.close()
        }
      )
    ).rejects.toThrow('Хранилище закрыто')
    const reopened = startCore(undefined, t.dir)
    const again = await reopened.core.deps()
    const partly = count(again, "SELECT count(*) FROM outbox WHERE op = 'insert'")
    expect(partly).toBeGreaterThan(0)
    expect(count(again, 'SELECT baseline_done FROM sync_state')).toBe(0)
    const engine = attachSyncEngine(again, { scheduler: manualScheduler() })
    await engine.runOrThrow()
    expectEachRecordQueuedOnce(again)
    expect(count(again, 'SELECT baseline_done FROM sync_state')).toBe(1)
    expect(engine.status().pendingChanges).toBe(0)
  })
})
