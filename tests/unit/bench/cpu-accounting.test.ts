// The benchmark's accounting for what limits sync: PostgreSQL's CPU read from /proc, the per-change sum and the bound
// it sets on this machine's cores, and the join floor that copies a store's synced rows through JSON.
import { availableParallelism } from 'node:os'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { joinFloor } from '../../../bench/join-floor'
import { syncedTableNames } from '../../../src-main/core/sync/entities'
import { cpuMeter, postgresCpuReader } from '../../../bench/postgres-cpu'
import { demoCore } from '../support/core'

const url = process.env.DATABASE_URL

describe('PostgreSQL CPU from /proc', () => {
  it.skipIf(!url)(
    'counts the time a backend spends on a query, while it lives and after it exits',
    async () => {
      const read = await postgresCpuReader(url)
      expect(read).not.toBeNull()
      const before = read!()!
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      let wall = 0
      try {
        const started = performance.now()
        await client.query('SELECT sum(i) FROM generate_series(1, 6000000) AS i')
        wall = performance.now() - started
        // The query is all CPU in one backend; the kernel counts in 10 ms ticks, and other work only adds.
        expect(read!()! - before).toBeGreaterThanOrEqual(wall * 0.5)
      } finally {
        await client.end()
      }
      // An exited backend's time is its parent's once reaped: the count does not drop when a connection closes.
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(read!()! - before).toBeGreaterThanOrEqual(wall * 0.5)
    }
  )

  it('reads nothing without a PostgreSQL on this machine', async () => {
    expect(await postgresCpuReader(undefined)).toBeNull()
    expect(await postgresCpuReader('postgres://nobody@127.0.0.1:1/none')).toBeNull()
  })
})

describe('CPU per change', () => {
  const cores = availableParallelism()
  const at = (desk: number, server: number, postgres: number | null) => ({ desk, server, postgres })

  it('sums the three sides and bounds the rate by the cores', () => {
    const meter = cpuMeter({ cpuMs: () => null, backend: 'postgres' }, null)
    const text = meter.perChange(at(1000, 2000, 500), at(1100, 2200, 600), 1000)
    expect(text).toBe(
      `CPU per change: desk 100 µs, server 200 µs, PostgreSQL 100 µs; 400 µs in all, so at most ` +
        `${(2500 * cores).toLocaleString('en-US')}/s on ${cores} cores`
    )
  })

  it('counts PGlite in the server, and gives no bound when a side is unknown', () => {
    const pglite = cpuMeter({ cpuMs: () => null, backend: 'pglite' }, null)
    expect(pglite.perChange(at(0, 0, null), at(100, 300, null), 1000, 'record')).toBe(
      `CPU per record: desk 100 µs, server 300 µs with PGlite; 400 µs in all, so at most ` +
        `${(2500 * cores).toLocaleString('en-US')}/s on ${cores} cores`
    )
    const elsewhere = cpuMeter({ cpuMs: () => null, backend: 'postgres' }, null)
    expect(elsewhere.perChange(at(0, 0, null), at(100, 300, null), 1000)).toBe(
      'CPU per change: desk 100 µs, server 300 µs'
    )
  })
})

describe('join floor', () => {
  it('writes every synced row of a store through JSON into a new encrypted store', async () => {
    const t = await demoCore(40)
    const { sqlite } = (await t.core.deps()).store
    const tables = syncedTableNames()
    expect(tables).toEqual(
      expect.arrayContaining([
        'patients',
        'visits',
        'visit_services',
        'medical_documents',
        'document_signatures'
      ])
    )
    const rows = tables.reduce(
      (n, table) => n + (sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number),
      0
    )
    const floor = joinFloor(sqlite)
    expect(floor.rows).toBe(rows)
    expect(floor.ms).toBeGreaterThan(0)
  })
})
