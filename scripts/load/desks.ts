// Simulated desks for the load test: each a real core with its own SQLite file, joined to the clinic through the
// sync server like a new desk, then registering patients and syncing (push, pull) in a loop. Every HTTP request
// the desks make is timed and checked; a failed request is anything thrown or answered with 4xx/5xx.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore, type Core } from '../../src-main/core/app'
import { dataFolderKey } from '../../src-main/core/db/key-file'
import { attachSyncEngine, type SyncEngine } from '../../src-main/core/sync/engine'
import { projectRoot } from '../support/host-process'
import { startSyncServerProcess, type SyncServerProcess } from '../support/sync-server-process'

export interface LoadOptions {
  desks: number
  seconds: number
  /** Mean pause between a desk's rounds (a registrar does not press a key every millisecond). */
  thinkMs?: number
  log?: (line: string) => void
}

export interface PathStats {
  requests: number
  failed: number
  p50: number
  p99: number
  max: number
}

export interface LoadReport {
  backend: string
  desks: number
  seconds: number
  rounds: number
  patientsCreated: number
  pushed: number
  pulled: number
  requests: number
  failed: number
  failures: string[]
  p50: number
  p99: number
  max: number
  byPath: Record<string, PathStats>
  /** Measured inside the server process: arrival to last byte of the answer. */
  server: { overall: PathStats; byPath: Record<string, PathStats> } | null
}

interface Timing {
  path: string
  ms: number
  ok: boolean
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

function stats(timings: Timing[]): PathStats {
  const ms = timings.map((t) => t.ms).sort((a, b) => a - b)
  return {
    requests: timings.length,
    failed: timings.filter((t) => !t.ok).length,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    max: ms.at(-1) ?? 0
  }
}

/** Stops the server and reads its own timings of the requests answered inside the window. */
async function serverTimings(
  server: SyncServerProcess,
  from: number,
  to: number
): Promise<LoadReport['server']> {
  const served = (await server.stop()).served
    .filter((s) => s.at >= from && s.at <= to)
    .map((s) => ({ path: s.path, ms: s.ms, ok: s.status < 400 }))
  if (served.length === 0) return null
  const byPath: Record<string, PathStats> = {}
  for (const path of [...new Set(served.map((s) => s.path))].sort())
    byPath[path] = stats(served.filter((s) => s.path === path))
  return { overall: stats(served), byPath }
}

async function call(
  core: Core,
  name: string,
  input: unknown,
  token: string | null = null
): Promise<Record<string, unknown>> {
  const r = await core.dispatch(name, input, token)
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`)
  return r.value as Record<string, unknown>
}

const never = { set: () => 0, clear: () => {} }
const letters = 'абвгдежзик'

export async function runLoad(opts: LoadOptions): Promise<LoadReport> {
  const log = opts.log ?? (() => {})
  const thinkMs = opts.thinkMs ?? 1000
  const server = await startSyncServerProcess(opts.desks)
  const dirs: string[] = []
  const cores: Core[] = []
  const timings: Timing[] = []
  const failures: string[] = []
  let measuring = false
  const timedFetch: typeof fetch = async (input, init) => {
    const path = new URL(String(input instanceof Request ? input.url : input)).pathname.replace(/^\/v1\//, '')
    const t0 = performance.now()
    try {
      const response = await fetch(input, init)
      // The body is part of the answer: read it inside the timing, hand the engine a fresh copy.
      const body = await response.arrayBuffer()
      const ok = response.status < 400
      if (measuring) timings.push({ path, ms: performance.now() - t0, ok })
      if (!ok && failures.length < 20)
        failures.push(`${path}: HTTP ${response.status} ${Buffer.from(body).toString('utf8').slice(0, 200)}`)
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers
      })
    } catch (error) {
      if (measuring) timings.push({ path, ms: performance.now() - t0, ok: false })
      if (failures.length < 20) failures.push(`${path}: ${String(error)}`)
      throw error
    }
  }
  const desk = () => {
    const dir = mkdtempSync(join(tmpdir(), 'registrar-load-'))
    dirs.push(dir)
    const core = openCore({
      dataDir: dir,
      databaseKey: dataFolderKey(dir),
      resourcesDir: join(projectRoot, 'resources'),
      migrationsDir: join(projectRoot, 'drizzle'),
      passwordCost: 1024,
      scheduleBackups: false
    })
    cores.push(core)
    return core
  }
  try {
    const desks: { core: Core; engine: SyncEngine; token: string }[] = []
    const first = desk()
    await call(first, 'system.setupDemo', { patients: 10 })
    const firstEngine = attachSyncEngine(await first.deps(), { fetch: timedFetch, scheduler: never })
    const admin = (await call(first, 'auth.signIn', { login: 'admin', password: 'demo1234' })).token as string
    await call(first, 'sync.configure', { serverUrl: server.url, code: server.codes[0] }, admin)
    // Configuring answers at once; the clinic is on the server once its first run (the baseline) is through.
    await firstEngine.runOrThrow()
    desks.push({
      core: first,
      engine: firstEngine,
      token: (await call(first, 'auth.signIn', { login: 'registrar', password: 'demo1234' })).token as string
    })
    for (let i = 1; i < opts.desks; i++) {
      const core = desk()
      const engine = attachSyncEngine(await core.deps(), { fetch: timedFetch, scheduler: never })
      await call(core, 'system.setupFromServer', {
        serverUrl: server.url,
        code: server.codes[i],
        workstationName: `Окно ${i + 1}`
      })
      const token = (await call(core, 'auth.signIn', { login: 'registrar', password: 'demo1234' }))
        .token as string
      desks.push({ core, engine, token })
      if ((i + 1) % 10 === 0) log(`desks joined: ${i + 1}/${opts.desks}`)
    }

    let rounds = 0
    let created = 0
    let pushed = 0
    let pulled = 0
    measuring = true
    const windowStart = Date.now()
    const deadline = windowStart + opts.seconds * 1000
    await Promise.all(
      desks.map(async (d, n) => {
        // Desks start spread over one think time, as they would over a morning.
        await new Promise((r) => setTimeout(r, Math.random() * thinkMs))
        for (let round = 0; Date.now() < deadline; round++) {
          const name = `Нагрузов${letters[n % 10]}${letters[Math.floor(n / 10) % 10]}`
          await call(
            d.core,
            'patients.create',
            {
              draft: {
                lastName: name,
                firstName: `Раунд${String(round).replace(/\d/g, (c) => letters[Number(c)])}`,
                sex: 'F',
                birthDate: '1990-02-03'
              },
              confirmDuplicate: true
            },
            d.token
          )
          created++
          try {
            const report = await d.engine.runOrThrow()
            pushed += report.pushed
            pulled += report.pulled
          } catch (error) {
            if (failures.length < 20) failures.push(`desk ${n + 1} round ${round}: ${String(error)}`)
          }
          rounds++
          await new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())))
        }
      })
    )
    measuring = false
    const windowEnd = Date.now()
    const serverSide = await serverTimings(server, windowStart, windowEnd)
    const overall = stats(timings)
    const byPath: Record<string, PathStats> = {}
    for (const path of [...new Set(timings.map((t) => t.path))].sort())
      byPath[path] = stats(timings.filter((t) => t.path === path))
    return {
      backend: server.backend,
      desks: opts.desks,
      seconds: opts.seconds,
      rounds,
      patientsCreated: created,
      pushed,
      pulled,
      requests: overall.requests,
      failed: overall.failed + failures.filter((f) => f.startsWith('desk ')).length,
      failures,
      p50: overall.p50,
      p99: overall.p99,
      max: overall.max,
      byPath,
      server: serverSide
    }
  } finally {
    for (const core of cores) core.close()
    await server.stop()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  }
}
