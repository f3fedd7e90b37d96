// A clinic's first desk brings its whole store to a new sync server (the baseline push), and a new desk joins: it
// downloads the snapshot of every record and is then ready. Rates in records per second, and the time a desk would
// take to join the 1M-patient clinic at the rate measured here when that clinic is not in the run. The server runs in
// a process of its own, as deployed.
import { startSyncServerProcess } from '../scripts/support/sync-server-process'
import { call, closeDesk, openDesk, perSecond, signIn, syncUntilQuiet, type BenchDesk } from './sync-desks'
import { label, type Row } from './report'

const minutes = (millis: number) =>
  millis >= 60_000 ? `${(millis / 60_000).toFixed(1)} min` : `${(millis / 1000).toFixed(1)} s`

export interface InitialSyncInput {
  clinicDir: string
  patients: number
  /**
   * How many times larger the 1M-patient clinic's card index (patients, visits, ЭМД) is than this one's: the records
   * this clinic sent, scaled by it, are what joining the 1M clinic would take, with every other kind of record too.
   */
  millionScale: number
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
  const server = await startSyncServerProcess(2)
  const desks: BenchDesk[] = []
  let measured: Omit<Measured, 'records'>
  try {
    const first = await openDesk(input.clinicDir)
    desks.push(first)
    const admin = await signIn(first, 'admin')
    log(`initial sync, ${label(input.patients)}: the clinic's baseline to the server …`)
    // Configuring queues every record of the store and runs the first sync: the baseline push.
    const serverAtStart = server.cpuMs()
    const baseline = await timed(async () =>
      call(first.core, 'sync.configure', { serverUrl: server.url, code: server.codes[0] }, admin)
    )
    const quiet = await syncUntilQuiet(first)
    baseline.ms += quiet.ms
    baseline.cpuMs += quiet.cpuMs
    const pushed = count(first, 'SELECT count(*) FROM outbox WHERE ack_seq IS NOT NULL')
    const pushBytes = first.deps.store.sqlite
      .prepare('SELECT coalesce(sum(length(fields)), 0) FROM outbox')
      .pluck()
      .get() as number
    // The first desk has done its part; at 1M its store and outbox take some 23 GB of disk, which the joining
    // desk and the server's PostgreSQL need more.
    closeDesk(desks.pop()!)
    const serverAtJoin = server.cpuMs()
    log(`initial sync, ${label(input.patients)}: a new desk joins …`)
    const joining = await openDesk()
    desks.push(joining)
    // Joining enrols, downloads the snapshot and replays the log before it answers: the whole wait of a new desk.
    const join = await timed(async () =>
      call(joining.core, 'system.setupFromServer', {
        serverUrl: server.url,
        code: server.codes[1],
        workstationName: 'Окно 2'
      })
    )
    const rest = await syncUntilQuiet(joining)
    const serverAtEnd = server.cpuMs()
    const spent = (from: number | null, to: number | null) =>
      from === null || to === null ? null : to - from
    measured = {
      pushed,
      pushBytes,
      baseline,
      joinMs: join.ms + rest.ms,
      joinCpuMs: join.cpuMs + rest.cpuMs,
      serverBaselineCpuMs: spent(serverAtStart, serverAtJoin),
      serverJoinCpuMs: spent(serverAtJoin, serverAtEnd)
    }
  } finally {
    for (const d of desks) closeDesk(d)
  }
  // The server counts what it holds as it stops: every record the new desk took.
  const records = (await server.stop()).records
  if (records === null) throw new Error('the sync server did not say how many records it holds')
  return rows(input, { ...measured, records }, log)
}

interface Measured {
  pushed: number
  pushBytes: number
  baseline: { ms: number; cpuMs: number }
  joinMs: number
  joinCpuMs: number
  /** CPU of the server's process over each phase; null where /proc cannot be read. */
  serverBaselineCpuMs: number | null
  serverJoinCpuMs: number | null
  records: number
}

function rows(input: InitialSyncInput, m: Measured, log: (line: string) => void): Row[] {
  const { pushed, pushBytes, baseline, joinMs, joinCpuMs, records } = m
  const server = (cpuMs: number | null) => (cpuMs === null ? '' : `, server CPU ${minutes(cpuMs)}`)
  log(
    `initial sync: baseline ${pushed} in ${Math.round(baseline.ms)} ms, join ${records} in ${Math.round(joinMs)} ms`
  )
  const rate = (records * 1000) / joinMs
  const recordsAtMillion = Math.round(records * input.millionScale)
  const atMillion = (recordsAtMillion * 1000) / rate
  const measuredAtMillion = input.patients >= 1_000_000
  const baselineRate = (pushed * 1000) / baseline.ms
  return [
    {
      what: `Baseline push: a ${label(input.patients)}-patient clinic's ${pushed.toLocaleString('en-US')} records to a new server`,
      ours: `${perSecond(baselineRate)} (${minutes(baseline.ms)}; desk CPU ${minutes(baseline.cpuMs)}${server(m.serverBaselineCpuMs)}); ${Math.round(pushBytes / Math.max(1, pushed))} B/record of fields`,
      comparison: '—',
      ratio: '—',
      goal: '≥ 10k changes/s',
      met: baselineRate >= 10_000
    },
    {
      what: `Initial sync: a new desk joins the ${label(input.patients)}-patient clinic (${records.toLocaleString('en-US')} records)`,
      ours: `${minutes(joinMs)}; ${perSecond(rate)} (desk CPU ${minutes(joinCpuMs)}${server(m.serverJoinCpuMs)})`,
      comparison: measuredAtMillion
        ? '—'
        : `at this rate the 1M clinic (some ${recordsAtMillion.toLocaleString('en-US')} records): ${minutes(atMillion)}`,
      ratio: '—',
      goal: '≤ 3 min at 1M',
      met: (measuredAtMillion ? joinMs : atMillion) <= 180_000
    }
  ]
}
