// A clinic for sync tests: a real sync server on loopback (PGlite in memory, or the PostgreSQL of DATABASE_URL in a
// schema of its own), and desks that are real cores on their own SQLite files, driven by hand rather than by timers.
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, vi } from 'vitest'
import { fixedClock } from '../../../../src-main/core/clock'
import type { CoreDeps } from '../../../../src-main/core/context'
import {
  attachSyncEngine,
  type Scheduler,
  type SyncEngine,
  type SyncEngineOptions
} from '../../../../src-main/core/sync/engine'
import { openServerStore, serverMigrationsDir, type ServerStore } from '../../../../src-server/db/open'
import { startSyncServer, type SyncServer } from '../../../../src-server/server'
import type { VersionWindow } from '../../../../src-server/context'
import { demoCore, projectRoot, startCore, type TestCore } from '../../support/core'

// A sync test starts a server and three desks: on a busy two-core machine that takes longer than a unit test.
vi.setConfig({ testTimeout: 90_000 })

export const BASE_TIME = '2026-11-20T09:00:00+03:00'

export type BackendName = 'pglite' | 'postgres'

/** PostgreSQL runs only where DATABASE_URL says where it is (scripts/ci-postgres.sh sets it up). */
export const backends: BackendName[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
export const postgresSkipReason = process.env.DATABASE_URL
  ? null
  : 'DATABASE_URL is not set: sync tests against a real PostgreSQL are skipped (scripts/ci-postgres.sh starts one)'

let template: Blob | null = null

/**
 * A migrated empty PGlite, copied for every server. initdb takes seconds, so the copy is cached on disk per set of
 * migrations and shared by the test files (written under a temporary name, then renamed: workers race for it).
 */
async function pgliteTemplate(): Promise<Blob> {
  if (template) return template
  const hash = createHash('sha256')
  for (const f of readdirSync(serverMigrationsDir, { recursive: true }).map(String).sort())
    if (f.endsWith('.sql')) hash.update(f).update(readFileSync(join(serverMigrationsDir, f)))
  const file = join(
    projectRoot,
    'node_modules',
    '.cache',
    `sync-pglite-${hash.digest('hex').slice(0, 16)}.tar`
  )
  if (existsSync(file)) {
    template = new Blob([readFileSync(file)])
    return template
  }
  const first = await openServerStore({ kind: 'pglite-memory' })
  const dump = await first.dump()
  await first.close()
  template = dump!
  mkdirSync(join(projectRoot, 'node_modules', '.cache'), { recursive: true })
  const tmp = `${file}.${process.pid}`
  writeFileSync(tmp, Buffer.from(await template.arrayBuffer()))
  renameSync(tmp, file)
  return template
}

export async function pgliteStore(from?: Blob): Promise<ServerStore> {
  return openServerStore({ kind: 'pglite-memory', from: from ?? (await pgliteTemplate()) })
}

export async function openStore(backend: BackendName): Promise<ServerStore> {
  if (backend === 'pglite') return pgliteStore()
  const schema = `sync_test_${process.pid}_${randomBytes(4).toString('hex')}`
  return openServerStore({
    kind: 'postgres',
    url: process.env.DATABASE_URL!,
    schema,
    dropSchemaOnClose: true
  })
}

export interface TestServer extends SyncServer {
  store: ServerStore
  clock: ReturnType<typeof fixedClock>
  stop(): Promise<void>
}

const running: TestServer[] = []

afterEach(async () => {
  for (const s of running.splice(0)) await s.stop()
})

export async function startTestServer(
  options: {
    backend?: BackendName
    store?: ServerStore
    schemaWindow?: VersionWindow
    now?: string
    port?: number
  } = {}
): Promise<TestServer> {
  const store = options.store ?? (await openStore(options.backend ?? 'pglite'))
  const clock = fixedClock(options.now ?? BASE_TIME)
  const server = await startSyncServer({
    store,
    host: '127.0.0.1',
    port: options.port,
    now: () => clock.now().getTime(),
    schemaWindow: options.schemaWindow,
    adminToken: 'test-admin-token-0123456789'
  })
  let stopped = false
  const s: TestServer = {
    ...server,
    store,
    clock,
    async stop() {
      if (stopped) return
      stopped = true
      await server.close()
      await store.close()
    }
  }
  running.push(s)
  return s
}

/** Timers that fire only when a test says so. */
export function manualScheduler(): Scheduler & { pending(): number; fire(): void } {
  const timers = new Map<number, () => void>()
  let next = 1
  return {
    set(fn) {
      const id = next++
      timers.set(id, fn)
      return id
    },
    clear(handle) {
      timers.delete(handle as number)
    },
    pending: () => timers.size,
    fire() {
      const all = [...timers.values()]
      timers.clear()
      for (const fn of all) fn()
    }
  }
}

export interface Desk extends TestCore {
  deps: CoreDeps
  engine: SyncEngine
  token: string
  admin: string
  sync(): Promise<void>
}

async function withEngine(
  t: TestCore,
  options: SyncEngineOptions
): Promise<{ deps: CoreDeps; engine: SyncEngine }> {
  const deps = await t.core.deps()
  const engine = attachSyncEngine(deps, { scheduler: manualScheduler(), ...options })
  return { deps, engine }
}

/** The desk that brings the clinic: the demo clinic, connected by its administrator. */
export async function seedDesk(
  server: TestServer,
  patients = 20,
  options: SyncEngineOptions = {}
): Promise<Desk> {
  const t = await demoCore(patients, BASE_TIME)
  const { deps, engine } = await withEngine(t, options)
  const code = await server.createCode('Окно 1')
  await t.call('sync.configure', { serverUrl: server.url, code }, t.tokens.admin)
  // Configuring answers at once and leaves its first run (the baseline) under way: the desk is ready after it.
  await engine.runOrThrow()
  return {
    ...t,
    deps,
    engine,
    token: t.tokens.senior,
    admin: t.tokens.admin,
    sync: async () => void (await engine.runOrThrow())
  }
}

/** A new desk that joins the clinic from the server, then signs in with the clinic's own accounts. */
export async function joinDesk(
  server: TestServer,
  name: string,
  options: SyncEngineOptions = {}
): Promise<Desk> {
  const t = startCore(BASE_TIME)
  const { deps, engine } = await withEngine(t, options)
  const code = await server.createCode(name)
  await t.call('system.setupFromServer', { serverUrl: server.url, code, workstationName: name })
  // Joining answers even when the first load fails (the loop retries it); a test wants to know at once.
  const state = engine.status()
  if (state.state !== 'online') throw new Error(`join: ${state.state} ${state.lastError}`)
  const signIn = async (login: string) => (await t.call('auth.signIn', { login, password: 'demo1234' })).token
  return {
    ...t,
    deps,
    engine,
    token: await signIn('senior'),
    admin: await signIn('admin'),
    sync: async () => void (await engine.runOrThrow())
  }
}

/** Rounds of sync over all desks until nobody has anything left to send or to receive. */
export async function settle(desks: Desk[], rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) for (const d of desks) await d.sync()
}
