// A clinic's first desk brings its whole store to a new sync server (the baseline push), and a new desk joins: it
// downloads the snapshot of every record and is then ready. Rates in records per second, and the time a desk would
// take to join the 1M-patient clinic at the rate measured here when that clinic is not in the run. The server runs in
// a process of its own, as deployed. Each phase's CPU is counted for the desks, the server and PostgreSQL, and the join
// is set against the same rows written with nothing but JSON.parse and SQLite (join-floor.ts).
import { startSyncServerProcess } from '../scripts/support/sync-server-process'
import { call, closeDesk, openDesk, perSecond, signIn, syncUntilQuiet, type BenchDesk } from './sync-desks'
import { joinFloor, type JoinFloor } from './join-floor'
import { cpuMeter, postgresCpuReader, type CpuMeter, type CpuReading } from './postgres-cpu'
import { label, times, type Row } from './report'

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

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await fn()
  return performance.now() - started
}

const count = (desk: BenchDesk, query: string) =>
  desk.deps.store.sqlite.prepare(query).pluck().get() as number

export async function initialSyncRows(input: InitialSyncInput, log: (line: string) => void): Promise<Row[]> {
  const server = await startSyncServerProcess(2)
  const cpu = cpuMeter(server, await postgresCpuReader(process.env.DATABASE_URL))
  const desks: BenchDesk[] = []
  let measured: Omit<Measured, 'records'>
  try {
    const first = await openDesk(input.clinicDir)
    desks.push(first)
    const admin = await signIn(first, 'admin')
    log(`initial sync, ${label(input.patients)}: the clinic's baseline to the server …`)
    // Configuring queues every record of the store and runs the first sync: the baseline push.
    const atStart = cpu.read()
    const configure = await timed(async () =>
      call(first.core, 'sync.configure', { serverUrl: server.url, code: server.codes[0] }, admin)
    )
    const baselineMs = configure + (await syncUntilQuiet(first)).ms
    const atBaselineEnd = cpu.read()
    const pushed = count(first, 'SELECT count(*) FROM outbox WHERE ack_seq IS NOT NULL')
    const pushBytes = first.deps.store.sqlite
      .prepare('SELECT coalesce(sum(length(fields)), 0) FROM outbox')
      .pluck()
      .get() as number
    // The first desk has done its part; at 1M its store and outbox take some 23 GB of disk, which the joining
    // desk and the server's PostgreSQL need more.
    closeDesk(desks.pop()!)
    log(`initial sync, ${label(input.patients)}: a new desk joins …`)
    const joining = await openDesk()
    desks.push(joining)
    const atJoin = cpu.read()
    // Joining enrols, downloads the snapshot and replays the log before it answers: the whole wait of a new desk.
    const join = await timed(async () =>
      call(joining.core, 'system.setupFromServer', {
        serverUrl: server.url,
        code: server.codes[1],
        workstationName: 'Окно 2'
      })
    )
    const rest = await syncUntilQuiet(joining)
    const atEnd = cpu.read()
    log(`initial sync, ${label(input.patients)}: the same rows through JSON.parse and SQLite alone …`)
    measured = {
      pushed,
      pushBytes,
      baselineMs,
      joinMs: join + rest.ms,
      readings: { atStart, atBaselineEnd, atJoin, atEnd },
      floor: joinFloor(joining.deps.store.sqlite)
    }
  } finally {
    for (const d of desks) closeDesk(d)
  }
  // The server counts what it holds as it stops: every record the new desk took.
  const records = (await server.stop()).records
  if (records === null) throw new Error('the sync server did not say how many records it holds')
  return rows(input, { ...measured, records }, cpu, log)
}

interface Measured {
  pushed: number
  pushBytes: number
  baselineMs: number
  joinMs: number
  /** CPU of the desks, the server and PostgreSQL at the start and end of each phase. */
  readings: Record<'atStart' | 'atBaselineEnd' | 'atJoin' | 'atEnd', CpuReading>
  floor: JoinFloor
  records: number
}

function rows(input: InitialSyncInput, m: Measured, cpu: CpuMeter, log: (line: string) => void): Row[] {
  const { pushed, pushBytes, baselineMs, joinMs, records, readings, floor } = m
  log(
    `initial sync: baseline ${pushed} in ${Math.round(baselineMs)} ms, join ${records} in ${Math.round(joinMs)} ms`
  )
  const rate = (records * 1000) / joinMs
  const recordsAtMillion = Math.round(records * input.millionScale)
  const atMillion = (recordsAtMillion * 1000) / rate
  const measuredAtMillion = input.patients >= 1_000_000
  const baselineRate = (pushed * 1000) / baselineMs
  const scaled = (ms: number) =>
    measuredAtMillion ? '' : `; at the 1M clinic's size ${minutes(ms * input.millionScale)}`
  return [
    {
      what: `Baseline push: a ${label(input.patients)}-patient clinic's ${pushed.toLocaleString('en-US')} records to a new server`,
      ours:
        `${perSecond(baselineRate)} (${minutes(baselineMs)}; ` +
        `${cpu.perChange(readings.atStart, readings.atBaselineEnd, pushed, 'record')}); ` +
        `${Math.round(pushBytes / Math.max(1, pushed))} B/record of fields`,
      comparison: '—',
      ratio: '—',
      goal: '≥ 10k changes/s',
      met: baselineRate >= 10_000
    },
    {
      what: `Initial sync: a new desk joins the ${label(input.patients)}-patient clinic (${records.toLocaleString('en-US')} records)`,
      ours:
        `${minutes(joinMs)}; ${perSecond(rate)} (${cpu.perChange(readings.atJoin, readings.atEnd, records, 'record')})` +
        (measuredAtMillion
          ? ''
          : `; at this rate the 1M clinic (some ${recordsAtMillion.toLocaleString('en-US')} records) ${minutes(atMillion)}`),
      comparison: `the same ${floor.rows.toLocaleString('en-US')} rows through JSON.parse and SQLite alone ${minutes(floor.ms)}${scaled(floor.ms)}`,
      ratio: `${times(joinMs / floor.ms)} as long`,
      goal: '≤ 3 min at 1M',
      met: (measuredAtMillion ? joinMs : atMillion) <= 180_000
    }
  ]
}
