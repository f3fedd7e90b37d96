// Rough sync figures on loopback: changes per second pushed and pulled, bytes per change on the wire.
//   npx tsx bench/sync.ts [--changes 2000] [--profile FILE]   (DATABASE_URL set: against that PostgreSQL)
// One desk registers patients offline and pushes them; a second desk pulls them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { Session } from 'node:inspector/promises'
import { newDatabaseKey } from '../src-main/core/db/cipher'
import { openCore, type Core } from '../src-main/core/app'
import { attachSyncEngine } from '../src-main/core/sync/engine'
import { pullLog } from '../src-main/core/sync/pull'
import { pushOutbox } from '../src-main/core/sync/push'
import { readDeskToken, readSyncState } from '../src-main/core/sync/state'
import { createTransport } from '../src-main/core/sync/transport'
import { openServerStore } from '../src-server/db/open'
import { startSyncServer } from '../src-server/server'

const { values } = parseArgs({
  options: { changes: { type: 'string', default: '2000' }, profile: { type: 'string' } }
})
const changes = Number(values.changes)
const root = resolve(import.meta.dirname, '..')
const dirs: string[] = []

function desk(): Core {
  const dir = mkdtempSync(join(tmpdir(), 'sync-bench-'))
  dirs.push(dir)
  return openCore({
    dataDir: dir,
    // A throwaway store: a fresh key each time, encrypted like the app's.
    databaseKey: newDatabaseKey,
    resourcesDir: join(root, 'resources'),
    migrationsDir: join(root, 'drizzle'),
    passwordCost: 1024
  })
}

async function call(core: Core, name: string, input: unknown, token: string | null = null) {
  const r = await core.dispatch(name, input, token)
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`)
  return r.value as Record<string, unknown>
}

const never = { set: () => 0, clear: () => {} }

async function main() {
  const store = await openServerStore(
    process.env.DATABASE_URL
      ? {
          kind: 'postgres',
          url: process.env.DATABASE_URL,
          schema: `bench_${process.pid}`,
          dropSchemaOnClose: true
        }
      : { kind: 'pglite-memory' }
  )
  const server = await startSyncServer({ store, onError: (e) => console.error(e) })
  const a = desk()
  await call(a, 'system.setupDemo', { patients: 10 })
  const engineA = attachSyncEngine(await a.deps(), { scheduler: never })
  const admin = (await call(a, 'auth.signIn', { login: 'admin', password: 'demo1234' })).token as string
  await call(a, 'sync.configure', { serverUrl: server.url, code: await server.createCode('A') }, admin)
  // Configuring answers at once; its first run (the baseline) goes on behind it.
  await engineA.runOrThrow()
  const b = desk()
  attachSyncEngine(await b.deps(), { scheduler: never })
  await call(b, 'system.setupFromServer', {
    serverUrl: server.url,
    code: await server.createCode('B'),
    workstationName: 'B'
  })

  const token = (await call(a, 'auth.signIn', { login: 'registrar', password: 'demo1234' })).token as string
  for (let i = 0; i < changes; i++) {
    const name = `Тестов${'абвгдежзик'[i % 10]}${'абвгдежзик'[Math.floor(i / 10) % 10]}${'абвгдежзик'[Math.floor(i / 100) % 10]}`
    await call(
      a,
      'patients.create',
      {
        draft: {
          lastName: name,
          firstName: 'Пётр',
          sex: 'M',
          birthDate: '1980-01-01',
          phone: '+7 900 000-00-00'
        },
        confirmDuplicate: true
      },
      token
    )
  }
  const transport = (deps: Awaited<ReturnType<Core['deps']>>) => {
    const s = readSyncState(deps)!
    return createTransport({
      serverUrl: s.serverUrl,
      token: readDeskToken(deps),
      schemaVersion: 1,
      generation: s.generation
    })
  }
  const da = await a.deps()
  // --profile FILE: a CPU profile of the push and the pull only, for Chromium's DevTools.
  const session = values.profile ? new Session() : null
  if (session) {
    session.connect()
    await session.post('Profiler.enable')
    await session.post('Profiler.start')
  }
  let cpu = process.cpuUsage()
  let t = performance.now()
  const pushed = await pushOutbox(da, transport(da), { maxBytes: 256 * 1024, maxOps: 1000 })
  const pushMs = performance.now() - t
  const pushCpu = process.cpuUsage(cpu)
  cpu = process.cpuUsage()
  const db = await b.deps()
  t = performance.now()
  const pulled = await pullLog(db, transport(db), readSyncState(db)!.deviceId, 512 * 1024)
  const pullMs = performance.now() - t
  const pullCpu = process.cpuUsage(cpu)
  if (session && values.profile) {
    const { profile } = await session.post('Profiler.stop')
    writeFileSync(values.profile, JSON.stringify(profile))
    session.disconnect()
  }
  const cpuMs = (u: NodeJS.CpuUsage) => Math.round((u.user + u.system) / 1000)
  console.log(
    `CPU of this process (desks and server together): push ${cpuMs(pushCpu)} ms, pull ${cpuMs(pullCpu)} ms`
  )
  const rows = [
    ['push', pushed.sent, pushMs, pushed.bytes, pushed.batches],
    ['pull', pulled.entries, pullMs, pulled.bytes, pulled.pages]
  ] as const
  const where = store.kind === 'postgres' ? 'PostgreSQL' : 'PGlite in memory'
  console.log(`changes: ${changes} new patients (server: ${where}, loopback)`)
  console.log('| direction | changes | ms | changes/s | bytes/change | requests |')
  console.log('| --- | --- | --- | --- | --- | --- |')
  for (const [what, n, ms, bytes, requests] of rows) {
    console.log(
      `| ${what} | ${n} | ${Math.round(ms)} | ${Math.round((n / ms) * 1000)} | ${Math.round(bytes / n)} | ${requests} |`
    )
  }
  a.close()
  b.close()
  await server.close()
  await store.close()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
