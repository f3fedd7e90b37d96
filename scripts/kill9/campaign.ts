// kill -9 of the browser host at random points while a client writes patients and requests through its API, and
// (with sync) while the desk pushes to and pulls from a sync server on loopback. After the last restart: every
// acknowledged write is there, none twice, PRAGMA integrity_check is ok, the audit chain verifies, and (with sync)
// the server holds each of the desk's patients once.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { openCore } from '../../src-main/core/app'
import { dataFolderKey } from '../../src-main/core/db/key-file'
import { verifyAuditChain } from '../../src-main/core/audit/audit'
import { openServerStore, type ServerStore } from '../../src-server/db/open'
import { records } from '../../src-server/db/schema'
import { startSyncServer, type SyncServer } from '../../src-server/server'
import { seededRng } from '../fuzz/samples'
import { projectRoot, startHostProcess, type HostProcess } from '../support/host-process'
import { CRASH_LAST_NAME, purposeOf, writeUntilKilled, type WriteLedger } from './writer'

export interface KillOptions {
  kills: number
  sync: boolean
  seed: number
  built?: boolean
  log?: (line: string) => void
}

export interface KillReport {
  kills: number
  killedDuring: Record<string, number>
  ackedPatients: number
  ackedRequests: number
  inDoubt: number
  inDoubtLanded: number
  missing: string[]
  duplicated: string[]
  integrity: string
  auditOk: boolean
  auditChecked: number
  serverPatients: number | null
  serverMismatch: string[]
  meanRestartMs: number
  seconds: number
}

/** A pass-through proxy in front of the sync server that tells which exchange is under way when the kill lands. */
function watchingProxy(
  target: string
): Promise<{ url: string; inFlight: Map<string, number>; close(): void }> {
  const inFlight = new Map<string, number>()
  const upstream = new URL(target)
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/'
    // /v1/push sends the outbox, /v1/log pulls; hello, audit and snapshot are the rest of a round.
    const name = path.split('?')[0].replace(/^\/v1\//, '')
    const phase = name === 'log' ? 'pull' : name
    inFlight.set(phase, (inFlight.get(phase) ?? 0) + 1)
    const done = () => inFlight.set(phase, Math.max(0, (inFlight.get(phase) ?? 1) - 1))
    const forward = request(
      { host: upstream.hostname, port: upstream.port, path, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
        answer.on('end', done)
      }
    )
    forward.on('error', () => {
      done()
      res.destroy()
    })
    req.on('aborted', done)
    req.pipe(forward)
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        inFlight,
        close: () => {
          server.close()
          server.closeAllConnections()
        }
      })
    )
  )
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function runKillCampaign(opts: KillOptions): Promise<KillReport> {
  const started = Date.now()
  const log = opts.log ?? (() => {})
  const rng = seededRng(opts.seed)
  const dataDir = mkdtempSync(join(tmpdir(), 'registrar-kill9-'))
  let store: ServerStore | null = null
  let syncServer: SyncServer | null = null
  let proxy: Awaited<ReturnType<typeof watchingProxy>> | null = null
  const ledger: WriteLedger = { acked: [], inDoubt: [], counter: 0 }
  const killedDuring: Record<string, number> = {}
  const restarts: number[] = []
  let host: HostProcess | null = null
  try {
    if (opts.sync) {
      store = await openServerStore({ kind: 'pglite-memory' })
      syncServer = await startSyncServer({
        store,
        host: '127.0.0.1',
        port: 0,
        adminToken: 'kill9-admin-token-0123456789'
      })
      proxy = await watchingProxy(syncServer.url)
    }
    host = await startHostProcess(dataDir, { built: opts.built })
    await host.call('system.setupDemo', { patients: 10 })
    if (syncServer && proxy) {
      const admin = await host.call<{ token: string }>('auth.signIn', {
        login: 'admin',
        password: 'demo1234'
      })
      const code = await syncServer.createCode('Окно под kill -9')
      await host.call('sync.configure', { serverUrl: proxy.url, code }, admin.token)
    }
    for (let i = 0; i < opts.kills; i++) {
      if (!host) {
        const t0 = Date.now()
        host = await startHostProcess(dataDir, { built: opts.built })
        restarts.push(Date.now() - t0)
      }
      const live = host
      const session = await live.call<{ token: string }>('auth.signIn', {
        login: 'registrar',
        password: 'demo1234'
      })
      const post = async (name: string, input: unknown, token: string) =>
        (await live.post(name, JSON.stringify({ input, token }))).json as { ok: boolean; value?: unknown }
      let killed = false
      const writers = [0, 1].map(() => writeUntilKilled(post, session.token, ledger, () => killed, rng))
      // With sync, a third client keeps asking for "sync now", so pushes and pulls run under the writes.
      const syncer = opts.sync
        ? (async () => {
            while (!killed) {
              const r = await post('sync.now', {}, session.token).catch(() => null)
              if (!r) return
              await sleep(5)
            }
          })()
        : Promise.resolve()
      // The kill comes a random while after this start's first acknowledged write, so that every start adds
      // acknowledged writes to lose and the kill lands among writes in flight, not before the first one.
      const ackedBefore = ledger.acked.length
      const firstAckBy = Date.now() + 15_000
      while (ledger.acked.length === ackedBefore && Date.now() < firstAckBy) await sleep(2)
      await sleep(rng() * 400)
      if (proxy && rng() < 0.8) {
        // Aim at an exchange, in turn a push, a pull or any: wait (a little) for it to be on the wire, then a few
        // ms more, so that the kill lands while the server is working on it or its answer is on the way.
        const target = (['push', 'pull', 'any'] as const)[i % 3]
        const { inFlight } = proxy
        const onWire = () =>
          target === 'any' ? [...inFlight.values()].some((n) => n > 0) : (inFlight.get(target) ?? 0) > 0
        const deadline = Date.now() + 3_000
        while (Date.now() < deadline && !onWire()) await sleep(1)
        await sleep(rng() * 10)
      }
      const during = proxy
        ? [...proxy.inFlight.entries()]
            .filter(([, n]) => n > 0)
            .map(([p]) => p)
            .sort()
            .join('+') || 'writes'
        : 'writes'
      killedDuring[during] = (killedDuring[during] ?? 0) + 1
      await live.kill9()
      killed = true
      await Promise.all([...writers, syncer])
      host = null
      if ((i + 1) % 10 === 0)
        log(
          `kill ${i + 1}/${opts.kills}: acknowledged ${ledger.acked.length}, in doubt ${ledger.inDoubt.length}`
        )
    }

    // The last start: sync everything out, read the audit chain through the API, then stop cleanly.
    host = await startHostProcess(dataDir, { built: opts.built })
    const auditor = await host.call<{ token: string }>('auth.signIn', {
      login: 'auditor',
      password: 'demo1234'
    })
    const audit = await host.call<{ ok: boolean; checked: number }>('audit.verify', {}, auditor.token)
    if (opts.sync) {
      const reg = await host.call<{ token: string }>('auth.signIn', {
        login: 'registrar',
        password: 'demo1234'
      })
      for (let round = 0; round < 20; round++) {
        const status = await host
          .call<{ pendingChanges: number }>('sync.now', {}, reg.token)
          .catch(() => null)
        if (status?.pendingChanges === 0) break
        await sleep(200)
      }
    }
    await host.stop()
    host = null

    // The store read by the core itself, as the next start would read it.
    const core = openCore({
      dataDir,
      databaseKey: dataFolderKey(dataDir),
      resourcesDir: join(projectRoot, 'resources'),
      migrationsDir: join(projectRoot, 'drizzle'),
      scheduleBackups: false
    })
    try {
      const deps = await core.deps()
      const db = deps.store.sqlite
      const integrity = String(db.pragma('integrity_check', { simple: true }))
      const patientCount = new Map<string, number>()
      const patientIds = new Set<string>()
      for (const r of db
        .prepare('select id, first_name as key from patients where last_name = ?')
        .all(CRASH_LAST_NAME) as { id: string; key: string }[]) {
        patientCount.set(r.key, (patientCount.get(r.key) ?? 0) + 1)
        patientIds.add(r.id)
      }
      const requestCount = new Map<string, number>()
      for (const r of db
        .prepare("select purpose from extract_requests where purpose like 'Проверка сбоя %'")
        .all() as { purpose: string }[])
        requestCount.set(r.purpose, (requestCount.get(r.purpose) ?? 0) + 1)
      const countOf = (kind: 'patient' | 'request', key: string) =>
        kind === 'patient' ? (patientCount.get(key) ?? 0) : (requestCount.get(purposeOf(key)) ?? 0)
      const missing = ledger.acked.filter((a) => countOf(a.kind, a.key) !== 1 && countOf(a.kind, a.key) === 0)
      const duplicated = [...ledger.acked, ...ledger.inDoubt].filter((a) => countOf(a.kind, a.key) > 1)
      const chain = verifyAuditChain(deps)

      let serverPatients: number | null = null
      const serverMismatch: string[] = []
      if (store) {
        const rows = await store.db
          .select({ id: records.entityId })
          .from(records)
          .where(sql`${records.entity} = 'patient' and ${records.data}->>'lastName' = ${CRASH_LAST_NAME}`)
        serverPatients = rows.length
        const onServer = new Map<string, number>()
        for (const r of rows) onServer.set(r.id, (onServer.get(r.id) ?? 0) + 1)
        for (const id of patientIds)
          if (onServer.get(id) !== 1) serverMismatch.push(`${id} ×${onServer.get(id) ?? 0}`)
        for (const id of onServer.keys()) if (!patientIds.has(id)) serverMismatch.push(`${id} only on server`)
      }
      return {
        kills: opts.kills,
        killedDuring,
        ackedPatients: ledger.acked.filter((a) => a.kind === 'patient').length,
        ackedRequests: ledger.acked.filter((a) => a.kind === 'request').length,
        inDoubt: ledger.inDoubt.length,
        inDoubtLanded: ledger.inDoubt.filter((d) => countOf(d.kind, d.key) === 1).length,
        missing: missing.map((a) => `${a.kind} ${a.key}`),
        duplicated: duplicated.map((a) => `${a.kind} ${a.key}`),
        integrity,
        auditOk: audit.ok && chain.ok,
        auditChecked: chain.checked,
        serverPatients,
        serverMismatch,
        meanRestartMs: restarts.length ? restarts.reduce((a, b) => a + b, 0) / restarts.length : 0,
        seconds: (Date.now() - started) / 1000
      }
    } finally {
      core.close()
    }
  } finally {
    await host?.kill9()
    proxy?.close()
    await syncServer?.close()
    await store?.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
