// Desks for the sync rows: real cores on SQLite files in this process, with the sync engine run by hand; the server
// they talk to runs in a process of its own (scripts/support/sync-server-process.ts).
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore, type Core } from '../src-main/core/app'
import { dataFolderKey } from '../src-main/core/db/key-file'
import type { CoreDeps } from '../src-main/core/context'
import {
  attachSyncEngine,
  emptyRunReport,
  type Scheduler,
  type SyncEngine,
  type SyncRunReport
} from '../src-main/core/sync/engine'
import { openServerStore, type ServerStore } from '../src-server/db/open'
import { migrationsDir, resourcesDir } from './paths'

/** Timers that never fire: the benchmark runs sync itself. */
const noTimers: Scheduler = { set: () => 0, clear: () => {} }

export interface BenchDesk {
  core: Core
  deps: CoreDeps
  engine: SyncEngine
  dir: string
}

export async function call(
  core: Core,
  name: string,
  input: unknown,
  token: string | null = null
): Promise<unknown> {
  const result = await core.dispatch(name, input, token)
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`)
  return result.value
}

/** A desk with an empty store, or with a copy of a demo clinic's folder (the clinic itself stays untouched). */
export async function openDesk(copyOf: string | null = null): Promise<BenchDesk> {
  const dir = mkdtempSync(join(tmpdir(), 'registrar-bench-sync-'))
  if (copyOf) cpSync(copyOf, dir, { recursive: true })
  const core = openCore({
    dataDir: dir,
    // An empty desk gets a fresh key; a copied clinic brings its key file along.
    databaseKey: dataFolderKey(dir),
    resourcesDir,
    migrationsDir,
    scheduleBackups: false,
    passwordCost: 1024
  })
  const deps = await core.deps()
  return { core, deps, dir, engine: attachSyncEngine(deps, { scheduler: noTimers }) }
}

export function closeDesk(desk: BenchDesk): void {
  desk.engine.stop()
  desk.core.close()
  rmSync(desk.dir, { recursive: true, force: true })
}

export async function signIn(desk: BenchDesk, login: string): Promise<string> {
  return ((await call(desk.core, 'auth.signIn', { login, password: 'demo1234' })) as { token: string }).token
}

export interface QuietReport extends SyncRunReport {
  ms: number
}

/** Runs sync until a run moves nothing; returns the totals and the time it took. */
export async function syncUntilQuiet(desk: BenchDesk): Promise<QuietReport> {
  const total: QuietReport = { ...emptyRunReport(), ms: 0 }
  for (;;) {
    const started = performance.now()
    const r = await desk.engine.runOrThrow()
    total.ms += performance.now() - started
    total.pushed += r.pushed
    total.pulled += r.pulled
    total.pushBytes += r.pushBytes
    total.pullBytes += r.pullBytes
    total.snapshotRecords += r.snapshotRecords
    total.pushMs += r.pushMs
    total.pullMs += r.pullMs
    if (r.pushed === 0 && r.pulled === 0 && r.snapshotRecords === 0) return total
  }
}

/** For raw comparisons: the PostgreSQL of DATABASE_URL in a schema of its own, or PGlite in this process. */
export function serverStore(): Promise<ServerStore> {
  const url = process.env.DATABASE_URL
  if (!url) return openServerStore({ kind: 'pglite-memory' })
  return openServerStore({
    kind: 'postgres',
    url,
    schema: `bench_${process.pid}_${Date.now()}`,
    dropSchemaOnClose: true
  })
}

export const perSecond = (v: number) => `${Math.round(v).toLocaleString('en-US')}/s`
