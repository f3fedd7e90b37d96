// Sync on loopback: one desk pushes N new cards to the clinic's sync server, a second desk pulls them. Changes per
// second each way and bytes per change, against a raw INSERT of the same changes into the same PostgreSQL (PGlite
// in this process, or the PostgreSQL of DATABASE_URL). Desks and server run in one process, as in the sync tests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { newDatabaseKey } from '../src-main/core/db/cipher'
import { openCore, type Core } from '../src-main/core/app'
import type { CoreDeps } from '../src-main/core/context'
import {
  attachSyncEngine,
  type Scheduler,
  type SyncEngine,
  type SyncRunReport
} from '../src-main/core/sync/engine'
import { openServerStore, type ServerStore } from '../src-server/db/open'
import { startSyncServer } from '../src-server/server'
import { migrationsDir, resourcesDir } from './paths'
import { ms, times, type Row } from './report'

/** Timers that never fire: the benchmark runs sync itself. */
const noTimers: Scheduler = { set: () => 0, clear: () => {} }

interface BenchDesk {
  core: Core
  deps: CoreDeps
  engine: SyncEngine
  dir: string
}

async function call(core: Core, name: string, input: unknown, token: string | null = null): Promise<unknown> {
  const result = await core.dispatch(name, input, token)
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`)
  return result.value
}

async function openDesk(): Promise<BenchDesk> {
  const dir = mkdtempSync(join(tmpdir(), 'registrar-bench-sync-'))
  const core = openCore({
    dataDir: dir,
    // A throwaway store: a fresh key each time, encrypted like the app's.
    databaseKey: newDatabaseKey,
    resourcesDir,
    migrationsDir,
    scheduleBackups: false,
    passwordCost: 1024
  })
  const deps = await core.deps()
  return { core, deps, dir, engine: attachSyncEngine(deps, { scheduler: noTimers }) }
}

async function signIn(desk: BenchDesk, login: string): Promise<string> {
  return ((await call(desk.core, 'auth.signIn', { login, password: 'demo1234' })) as { token: string }).token
}

/** Runs sync until a run moves nothing; returns the totals and the time it took. */
async function syncUntilQuiet(desk: BenchDesk): Promise<SyncRunReport & { ms: number }> {
  const total = { pushed: 0, pulled: 0, snapshotRecords: 0, pushBytes: 0, pullBytes: 0, ms: 0 }
  for (;;) {
    const started = performance.now()
    const r = await desk.engine.runOrThrow()
    total.ms += performance.now() - started
    total.pushed += r.pushed
    total.pulled += r.pulled
    total.pushBytes += r.pushBytes
    total.pullBytes += r.pullBytes
    total.snapshotRecords += r.snapshotRecords
    if (r.pushed === 0 && r.pulled === 0) return total
  }
}

function serverStore(): Promise<ServerStore> {
  const url = process.env.DATABASE_URL
  if (!url) return openServerStore({ kind: 'pglite-memory' })
  return openServerStore({ kind: 'postgres', url, schema: `bench_${process.pid}`, dropSchemaOnClose: true })
}

/** The same changes, written straight into a table of the same database in one transaction, 500 rows a statement. */
async function rawInsert(store: ServerStore, deps: CoreDeps): Promise<{ rows: number; ms: number }> {
  const rows = deps.store.sqlite
    .prepare('SELECT op_id, entity, entity_id, op, fields, hlc FROM outbox ORDER BY device_seq')
    .all() as { op_id: string; entity: string; entity_id: string; op: string; fields: string; hlc: string }[]
  await store.db.execute(
    sql`CREATE TABLE bench_raw_changes (seq bigserial PRIMARY KEY, op_id text UNIQUE NOT NULL, entity text NOT NULL,
          entity_id text NOT NULL, op text NOT NULL, fields jsonb NOT NULL, hlc text NOT NULL)`
  )
  const started = performance.now()
  await store.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      const values = rows
        .slice(i, i + 500)
        .map((r) => sql`(${r.op_id}, ${r.entity}, ${r.entity_id}, ${r.op}, ${r.fields}::jsonb, ${r.hlc})`)
      await tx.execute(
        sql`INSERT INTO bench_raw_changes (op_id, entity, entity_id, op, fields, hlc) VALUES ${sql.join(values, sql`, `)}`
      )
    }
  })
  return { rows: rows.length, ms: performance.now() - started }
}

export async function syncRows(changes: number, log: (line: string) => void): Promise<Row[]> {
  const store = await serverStore()
  const server = await startSyncServer({ store, host: '127.0.0.1', adminToken: null, onError: () => {} })
  const desks: BenchDesk[] = []
  try {
    const a = await openDesk()
    desks.push(a)
    await call(a.core, 'system.setupDemo', { patients: 50 })
    const admin = await signIn(a, 'admin')
    await call(
      a.core,
      'sync.configure',
      { serverUrl: server.url, code: await server.createCode('Окно 1') },
      admin
    )
    await syncUntilQuiet(a)
    const b = await openDesk()
    desks.push(b)
    await call(b.core, 'system.setupFromServer', {
      serverUrl: server.url,
      code: await server.createCode('Окно 2'),
      workstationName: 'Окно 2'
    })
    await syncUntilQuiet(b)
    // The outbox now holds only what the benchmark adds: earlier changes are pushed and acknowledged.
    a.deps.store.sqlite.exec('DELETE FROM outbox')
    log(`sync: ${changes} new cards on desk 1 …`)
    const senior = await signIn(a, 'senior')
    for (let i = 0; i < changes; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0')
      const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')
      await call(
        a.core,
        'patients.create',
        {
          draft: {
            lastName: `Синхронов${'абвгдежзиклмнопрстуфхцчшщэюя'[i % 28]}`,
            firstName: 'Пётр',
            sex: 'M',
            birthDate: `${1940 + Math.floor(i / 336)}-${month}-${day}`
          }
        },
        senior
      )
    }
    const pending = a.deps.store.sqlite.prepare('SELECT count(*) FROM outbox').pluck().get() as number
    const push = await syncUntilQuiet(a)
    const pull = await syncUntilQuiet(b)
    const raw = await rawInsert(store, a.deps)
    const pushRate = (push.pushed * 1000) / push.ms
    const pullRate = (pull.pulled * 1000) / pull.ms
    const rawRate = (raw.rows * 1000) / raw.ms
    const perSecond = (v: number) => `${Math.round(v).toLocaleString('en-US')} changes/s`
    const backend = store.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'
    return [
      {
        what: `Sync push, ${pending} changes to the server (${backend}, loopback)`,
        ours: `${perSecond(pushRate)}; ${Math.round(push.pushBytes / push.pushed)} B/change (${ms(push.ms)})`,
        comparison: `raw INSERT of the same rows ${perSecond(rawRate)}`,
        ratio: `${times(pushRate / rawRate)} of raw`,
        goal: '≥ 10k changes/s, ≥ 0.3 of raw',
        met: pushRate >= 10_000 && pushRate / rawRate >= 0.3
      },
      {
        what: `Sync pull, the same ${pull.pulled} changes to a second desk`,
        ours: `${perSecond(pullRate)}; ${Math.round(pull.pullBytes / Math.max(1, pull.pulled))} B/change (${ms(pull.ms)})`,
        comparison: `raw INSERT of the same rows ${perSecond(rawRate)}`,
        ratio: `${times(pullRate / rawRate)} of raw`,
        goal: '≥ 10k changes/s',
        met: pullRate >= 10_000
      }
    ]
  } finally {
    for (const d of desks) {
      d.engine.stop()
      d.core.close()
      rmSync(d.dir, { recursive: true, force: true })
    }
    await server.close()
    await store.close()
  }
}
