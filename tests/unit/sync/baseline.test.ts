// A clinic's first desk queues its whole store when it connects: one insert per record, none twice (a record that
// already went through the outbox is not queued again), parents before the records that refer to them, and tables
// larger than one chunk read to the end.
import { getTableName, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { BASELINE_CHUNK } from '../../../src-main/core/sync/enrol'
import { entitySpecs } from '../../../src-main/core/sync/entities'
import { queryRows } from '../../../src-server/context'
import { demoCore } from '../support/core'
import { startTestServer } from './support/sync-env'

describe('baseline', () => {
  it('queues every record once, in dependency order, and the server gets them all', async () => {
    const server = await startTestServer()
    const t = await demoCore(450)
    const sqlite = (await t.core.deps()).store.sqlite
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
    const count = (q: string, ...params: unknown[]) =>
      sqlite
        .prepare(q)
        .pluck()
        .get(...params) as number
    const specs = Object.values(entitySpecs).filter((s) => s.table && s.name !== 'sync_task')
    let total = 0
    let largest = 0
    for (const spec of specs) {
      const rows = count(`SELECT count(*) FROM "${getTableName(spec.table!)}"`)
      const inserts = "FROM outbox WHERE entity = ? AND op = 'insert'"
      expect(count(`SELECT count(*) ${inserts}`, spec.name), spec.name).toBe(rows)
      expect(count(`SELECT count(DISTINCT entity_id) ${inserts}`, spec.name), spec.name).toBe(rows)
      total += rows
      largest = Math.max(largest, rows)
    }
    expect(largest).toBeGreaterThan(BASELINE_CHUNK)
    // Children travel inside their parent's insert, read a chunk of parents at a time: every one of them, once.
    expect(
      count(
        `SELECT sum(json_array_length(fields, '$.services')) FROM outbox WHERE entity = 'visit' AND op = 'insert'`
      )
    ).toBe(count('SELECT count(*) FROM visit_services'))
    expect(
      count(
        `SELECT count(*) FROM outbox o, json_each(o.fields, '$.services') s
          WHERE o.entity = 'visit' AND coalesce(json_extract(s.value, '$.visitId'), '') <> o.entity_id`
      )
    ).toBe(0)
    // The queue was written through a rollback journal; the store is back in WAL.
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
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
})
