// Sync on loopback: one desk pushes N new cards to the clinic's sync server, a second desk pulls them. Changes per
// second each way and bytes per change, against a raw INSERT of the same changes into the same PostgreSQL (the one of
// DATABASE_URL; without it PGlite, in this process), and desk to desk against PouchDB replicating the same records.
// The server runs in a process of its own, as deployed; the desks run in this one.
import { sql } from 'drizzle-orm'
import type { CoreDeps } from '../src-main/core/context'
import type { ServerStore } from '../src-server/db/open'
import { startSyncServerProcess } from '../scripts/support/sync-server-process'
import { pouchReplicate } from './pouchdb-replicate'
import { cpuMeter, postgresCpuReader } from './postgres-cpu'
import { ms, times, type Row } from './report'
import { call, closeDesk, openDesk, serverStore, signIn, syncUntilQuiet, type BenchDesk } from './sync-desks'

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

const perSecond = (v: number) => `${Math.round(v).toLocaleString('en-US')} changes/s`

export async function syncRows(changes: number, log: (line: string) => void): Promise<Row[]> {
  const server = await startSyncServerProcess(2)
  const desks: BenchDesk[] = []
  try {
    const a = await openDesk()
    desks.push(a)
    await call(a.core, 'system.setupDemo', { patients: 50 })
    const admin = await signIn(a, 'admin')
    await call(a.core, 'sync.configure', { serverUrl: server.url, code: server.codes[0] }, admin)
    await syncUntilQuiet(a)
    const b = await openDesk()
    desks.push(b)
    await call(b.core, 'system.setupFromServer', {
      serverUrl: server.url,
      code: server.codes[1],
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
    const cpu = cpuMeter(server, await postgresCpuReader(process.env.DATABASE_URL))
    const beforePush = cpu.read()
    const push = await syncUntilQuiet(a)
    const afterPush = cpu.read()
    const pull = await syncUntilQuiet(b)
    const afterPull = cpu.read()
    const store = await serverStore()
    const raw = await rawInsert(store, a.deps).finally(() => store.close())
    log('sync: PouchDB replicating the same records …')
    const records = (
      a.deps.store.sqlite.prepare('SELECT entity_id AS id, fields FROM outbox ORDER BY device_seq').all() as {
        id: string
        fields: string
      }[]
    ).map((r) => ({ id: r.id, fields: JSON.parse(r.fields) as Record<string, unknown> }))
    const pouchMs = await pouchReplicate(records)
    // Push is the engine's push phase; desk 1's run then pulls its own changes back as acknowledgements (the echo),
    // which nobody waits for and which is shown apart.
    const pushRate = (push.pushed * 1000) / push.pushMs
    const pullRate = (pull.pulled * 1000) / pull.pullMs
    const rawRate = (raw.rows * 1000) / raw.ms
    const bothRate = (push.pushed * 1000) / (push.pushMs + pull.pullMs)
    const pouchRate = (records.length * 1000) / pouchMs
    const backend = server.backend === 'postgres' ? 'PostgreSQL' : 'PGlite'
    return [
      {
        what: `Sync push, ${pending} changes to the server (${backend} in its own process, loopback)`,
        ours:
          `${perSecond(pushRate)}; ${Math.round(push.pushBytes / push.pushed)} B/change (${ms(push.pushMs)}, ` +
          `then the echo back ${ms(push.pullMs)}; ${cpu.perChange(beforePush, afterPush, push.pushed)}, the echo ` +
          'included)',
        comparison: `raw INSERT of the same rows ${perSecond(rawRate)}`,
        ratio: `${times(pushRate / rawRate)} of raw`,
        goal: '≥ 10k changes/s, ≥ 0.3 of raw',
        met: pushRate >= 10_000 && pushRate / rawRate >= 0.3
      },
      {
        what: `Sync pull, the same ${pull.pulled} changes to a second desk`,
        ours:
          `${perSecond(pullRate)}; ${Math.round(pull.pullBytes / Math.max(1, pull.pulled))} B/change ` +
          `(${ms(pull.pullMs)}; ${cpu.perChange(afterPush, afterPull, pull.pulled)})`,
        comparison: `raw INSERT of the same rows ${perSecond(rawRate)}`,
        ratio: `${times(pullRate / rawRate)} of raw`,
        goal: '≥ 10k changes/s',
        met: pullRate >= 10_000
      },
      {
        what: `Desk to desk through the server, the same ${push.pushed} changes (push + pull)`,
        ours: perSecond(bothRate),
        comparison: `PouchDB replicating them between two in-memory databases ${perSecond(pouchRate)}`,
        ratio: `${times(bothRate / pouchRate)} faster`,
        goal: '≥ 3× faster than PouchDB',
        met: bothRate / pouchRate >= 3
      }
    ]
  } finally {
    for (const d of desks) closeDesk(d)
    await server.stop()
  }
}
