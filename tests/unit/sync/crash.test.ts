// kill -9 of a desk in the middle of push and pull, fifty times: nothing the registrar was told is saved may be lost,
// nothing may arrive twice, and the store must stay sound.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { build } from 'esbuild'
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabaseFile } from '../../../src-main/core/db/cipher'
import { patients } from '../../../src-main/core/db/schema'
import { readSyncState } from '../../../src-main/core/sync/state'
import { log, records } from '../../../src-server/db/schema'
import { projectRoot, testKey } from '../support/core'
import { joinDesk, seedDesk, startTestServer } from './support/sync-env'

const KILLS = Number(process.env.SYNC_CRASH_KILLS ?? 50)
const bundle = join(projectRoot, 'node_modules/.cache', `crash-desk-${process.pid}.mjs`)

// The child is bundled once: a desk killed fifty times must start in a fraction of a second, without tsx.
beforeAll(async () => {
  await build({
    entryPoints: [join(projectRoot, 'tests/unit/sync/support/crash-desk.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    external: ['better-sqlite3-multiple-ciphers'],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);"
    },
    logLevel: 'warning'
  })
})
afterAll(() => rmSync(bundle, { force: true }))

interface Run {
  acks: string[]
  phases: string[]
  lines: string[]
  child: ChildProcess
  exited: Promise<number | null>
}

function runDesk(dataDir: string, prefix: string, final = false): Run {
  const child = spawn(process.execPath, [bundle, dataDir, projectRoot, prefix, final ? 'final' : ''], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const run: Run = {
    acks: [],
    phases: [],
    lines: [],
    child,
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code)))
  }
  let buffered = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8')
    let nl: number
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl)
      buffered = buffered.slice(nl + 1)
      run.lines.push(line)
      if (line.startsWith('ack ')) run.acks.push(line.slice(4))
      if (line.startsWith('phase ')) run.phases.push(line.slice(6))
    }
  })
  child.stderr!.on('data', (chunk: Buffer) => run.lines.push(`stderr ${chunk.toString('utf8')}`))
  return run
}

function waitFor(run: Run, prefix: string, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const tick = () => {
      if (run.lines.some((l) => l.startsWith(prefix))) return resolve()
      if (run.lines.some((l) => l.startsWith('fatal')) || Date.now() - started > timeoutMs)
        return reject(new Error(run.lines.join('\n')))
      setTimeout(tick, 5)
    }
    tick()
  })
}

describe('crash safety', () => {
  it(`survives kill -9 at random points of push and pull, ${KILLS} times`, { timeout: 600_000 }, async () => {
    const server = await startTestServer()
    const a = await seedDesk(server, 10)
    const b = await joinDesk(server, 'Окно 2')
    const deskDir = b.dir
    const deviceId = readSyncState(b.deps)!.deviceId
    b.core.close()
    const acked: string[] = []
    const killedIn: Record<string, number> = {}
    let serverSide = 0
    const startup: number[] = []
    for (let i = 0; i < KILLS; i++) {
      // The other desk keeps working, so that the killed desk always has something to pull.
      for (let k = 0; k < 2; k++) {
        serverSide++
        await a.call(
          'patients.create',
          {
            draft: { lastName: 'Серверова', firstName: 'Ада', sex: 'F', birthDate: '1960-06-06' },
            confirmDuplicate: true
          },
          a.token
        )
      }
      const t0 = Date.now()
      await a.sync()
      const t1 = Date.now()
      const run = runDesk(deskDir, `Б${'абвгдежзик'[i % 10]}${'абвгдежзик'[Math.floor(i / 10)]}`)
      const spawnedAt = Date.now()
      await waitFor(run, 'ready')
      startup.push(Date.now() - spawnedAt)
      // Half of the kills aim at a push, half at a pull: the n-th request of that kind, then a few ms more.
      const target = i % 2 === 0 ? 'push' : 'pull'
      const nth = 1 + Math.floor(Math.random() * 2)
      const deadline = Date.now() + 3_000
      while (run.phases.filter((p) => p === target).length < nth && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 1))
      await new Promise((r) => setTimeout(r, Math.random() * 15))
      const t2 = Date.now()
      run.child.kill('SIGKILL')
      if (process.env.SYNC_CRASH_TRACE) console.log(i, t1 - t0, spawnedAt - t1, t2 - spawnedAt)
      await run.exited
      acked.push(...run.acks)
      const phase = run.phases.at(-1) ?? 'none'
      killedIn[phase] = (killedIn[phase] ?? 0) + 1
    }
    console.log(
      `kills by phase under way: ${JSON.stringify(killedIn)}; acknowledged patients: ${acked.length}; start-up ${Math.round(startup.reduce((x, y) => x + y, 0) / startup.length)} ms`
    )
    expect(killedIn.push ?? 0).toBeGreaterThan(0)
    expect(killedIn.pull ?? 0).toBeGreaterThan(0)

    const last = runDesk(deskDir, 'Финал', true)
    await waitFor(last, 'done', 60_000)
    await last.exited
    await a.sync()

    const sqlite = openDatabaseFile(join(deskDir, 'registrar.db'), { key: testKey })
    try {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
      const local = sqlite.prepare("select id from patients where last_name = 'Крашева'").all() as {
        id: string
      }[]
      const localIds = new Set(local.map((r) => r.id))
      for (const id of acked) expect(localIds.has(id)).toBe(true)
      const pending = sqlite.prepare('select count(*) as n from outbox where pushed_at is null').get() as {
        n: number
      }
      expect(pending.n).toBe(0)
      const outboxCount = (sqlite.prepare('select count(*) as n from outbox').get() as { n: number }).n
      const [{ n: logged }] = await server.store.db
        .select({ n: sql<number>`count(*)` })
        .from(log)
        .where(eq(log.deviceId, deviceId!))
      expect(Number(logged)).toBe(outboxCount)
      const serverIds = (
        await server.store.db
          .select({ id: records.entityId })
          .from(records)
          .where(sql`data->>'lastName' = 'Крашева'`)
      ).map((r) => r.id)
      expect(new Set(serverIds)).toEqual(localIds)
      expect(serverIds).toHaveLength(localIds.size)
      const fromA = sqlite
        .prepare("select count(*) as n from patients where last_name = 'Серверова'")
        .get() as {
        n: number
      }
      expect(fromA.n).toBe(serverSide)
    } finally {
      sqlite.close()
    }
    const onA = a.deps.store.db.select().from(patients).where(eq(patients.lastName, 'Крашева')).all()
    expect(new Set(onA.map((p) => p.id))).toEqual(new Set(await localCrashIds(deskDir)))
  })
})

async function localCrashIds(dir: string): Promise<string[]> {
  const sqlite = openDatabaseFile(join(dir, 'registrar.db'), { key: testKey, readonly: true })
  try {
    return (
      sqlite.prepare("select id from patients where last_name = 'Крашева'").all() as { id: string }[]
    ).map((r) => r.id)
  } finally {
    sqlite.close()
  }
}
