// A clinic's first desk brings its whole store to a new sync server (the baseline push), and a new desk joins: it
// downloads the snapshot of every record and is then ready. Rates in records per second, and the time a desk would
// take to join the 1M-patient clinic at the rate measured here when that clinic is not in the run.
import {
  call,
  closeDesk,
  openDesk,
  perSecond,
  serverStore,
  signIn,
  syncUntilQuiet,
  type BenchDesk
} from './sync-desks'
import { sql } from 'drizzle-orm'
import { startSyncServer } from '../src-server/server'
import { label, type Row } from './report'

const minutes = (millis: number) =>
  millis >= 60_000 ? `${(millis / 60_000).toFixed(1)} min` : `${(millis / 1000).toFixed(1)} s`

export interface InitialSyncInput {
  clinicDir: string
  patients: number
  /** Records of the 1M-patient clinic (patients, visits, ЭМД and the rest), to say what this rate means there. */
  recordsAtMillion: number
}

async function timed(fn: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  const started = performance.now()
  const cpu = process.cpuUsage()
  await fn()
  const used = process.cpuUsage(cpu)
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 }
}

const count = (desk: BenchDesk, query: string) =>
  desk.deps.store.sqlite.prepare(query).pluck().get() as number

export async function initialSyncRows(input: InitialSyncInput, log: (line: string) => void): Promise<Row[]> {
  const store = await serverStore()
  const server = await startSyncServer({ store, host: '127.0.0.1', adminToken: null, onError: () => {} })
  const desks: BenchDesk[] = []
  try {
    const first = await openDesk(input.clinicDir)
    desks.push(first)
    const admin = await signIn(first, 'admin')
    log(`initial sync, ${label(input.patients)}: the clinic's baseline to the server …`)
    // Configuring queues every record of the store and runs the first sync: the baseline push.
    const baseline = await timed(async () =>
      call(
        first.core,
        'sync.configure',
        { serverUrl: server.url, code: await server.createCode('Окно 1') },
        admin
      )
    )
    const quiet = await syncUntilQuiet(first)
    baseline.ms += quiet.ms
    baseline.cpuMs += quiet.cpuMs
    const pushed = count(first, 'SELECT count(*) FROM outbox WHERE ack_seq IS NOT NULL')
    const pushBytes = first.deps.store.sqlite
      .prepare('SELECT coalesce(sum(length(fields)), 0) FROM outbox')
      .pluck()
      .get() as number
    log(`initial sync, ${label(input.patients)}: a new desk joins …`)
    const joining = await openDesk()
    desks.push(joining)
    // Joining enrols, downloads the snapshot and replays the log before it answers: the whole wait of a new desk.
    const join = await timed(async () =>
      call(joining.core, 'system.setupFromServer', {
        serverUrl: server.url,
        code: await server.createCode('Окно 2'),
        workstationName: 'Окно 2'
      })
    )
    const rest = await syncUntilQuiet(joining)
    const joinMs = join.ms + rest.ms
    const joinCpuMs = join.cpuMs + rest.cpuMs
    const counted = (await store.db.execute(sql`select count(*)::int as n from records`)) as unknown as {
      rows: { n: number }[]
    }
    const n = counted.rows[0].n
    log(
      `initial sync: baseline ${pushed} in ${Math.round(baseline.ms)} ms, join ${n} in ${Math.round(joinMs)} ms`
    )
    const records = n
    const rate = (records * 1000) / joinMs
    const atMillion = (input.recordsAtMillion * 1000) / rate
    const measuredAtMillion = input.patients >= 1_000_000
    const baselineRate = (pushed * 1000) / baseline.ms
    return [
      {
        what: `Baseline push: a ${label(input.patients)}-patient clinic's ${pushed.toLocaleString('en-US')} records to a new server`,
        ours: `${perSecond(baselineRate)} (${minutes(baseline.ms)}; CPU ${minutes(baseline.cpuMs)}); ${Math.round(pushBytes / Math.max(1, pushed))} B/record of fields`,
        comparison: '—',
        ratio: '—',
        goal: '≥ 10k changes/s',
        met: baselineRate >= 10_000
      },
      {
        what: `Initial sync: a new desk joins the ${label(input.patients)}-patient clinic (${records.toLocaleString('en-US')} records)`,
        ours: `${minutes(joinMs)}; ${perSecond(rate)} (CPU ${minutes(joinCpuMs)})`,
        comparison: measuredAtMillion
          ? '—'
          : `at this rate the 1M clinic (${input.recordsAtMillion.toLocaleString('en-US')} records): ${minutes(atMillion)}`,
        ratio: '—',
        goal: '≤ 3 min at 1M',
        met: (measuredAtMillion ? joinMs : atMillion) <= 180_000
      }
    ]
  } finally {
    for (const d of desks) closeDesk(d)
    await server.close()
    await store.close()
  }
}
