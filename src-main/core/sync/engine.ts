// The sync loop of one desk: hello, snapshot if needed, push, pull; again after an interval, or after a growing
// pause when the server cannot be reached. Time and timers come in from outside so that tests drive the loop.
import type { SyncStatus } from '../../contract/sync-commands'
import type { Hello } from '../../contract/sync-protocol'
import type { CoreDeps } from '../context'
import { inTransaction } from '../context'
import { outbox, syncCredentials } from '../db/schema'
import { SYNC_SCHEMA_VERSION } from '../outbox/outbox'
import { and, gt, isNull, sql } from 'drizzle-orm'
import { queueBaseline, type BaselineProgress } from './baseline'
import { downloadSnapshot, pullLog } from './pull'
import { pushAudit, pushOutbox, sweepCredentials, type PushReport } from './push'
import {
  baselinePending,
  openTaskCount,
  pendingCount,
  readDeskToken,
  readSyncState,
  updateSyncState
} from './state'
import { createTransport, SyncClientError, type Transport } from './transport'

export interface Scheduler {
  set(fn: () => void, ms: number): unknown
  clear(handle: unknown): void
}

/** Real timers that do not keep a closing process alive. */
export const realScheduler: Scheduler = {
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout)
}

export interface SyncEngineOptions {
  fetch?: typeof fetch
  scheduler?: Scheduler
  /** Pause after a good run. */
  intervalMs?: number
  /** First pause after a failure; doubles up to maxBackoffMs. */
  backoffMs?: number
  maxBackoffMs?: number
  random?: () => number
  pushMaxBytes?: number
  pullMaxBytes?: number
  snapshotPageSize?: number
  /** Only for tests that play a desk of another version. */
  schemaVersion?: number
}

export interface SyncRunReport {
  pushed: number
  pulled: number
  snapshotRecords: number
  pushBytes: number
  pullBytes: number
  /** Wall time of this run's push (changes and audit) and of its pull. */
  pushMs: number
  pullMs: number
}

export function emptyRunReport(): SyncRunReport {
  return { pushed: 0, pulled: 0, snapshotRecords: 0, pushBytes: 0, pullBytes: 0, pushMs: 0, pullMs: 0 }
}

/** While a baseline is queued and the outbox is sent to its end, the push looks again this often. */
const BASELINE_POLL_MS = 200

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())

/** Clocks further apart than this are worth a word on the status line. */
const SKEW_WARNING_MS = 2 * 60_000

function describeSkew(ms: number): string {
  const abs = Math.abs(ms)
  const text =
    abs >= 86_400_000
      ? `${Math.round(abs / 86_400_000)} дн.`
      : abs >= 3_600_000
        ? `${Math.floor(abs / 3_600_000)} ч ${Math.round((abs % 3_600_000) / 60_000)} мин`
        : `${Math.round(abs / 60_000)} мин`
  return `Часы этого компьютера ${ms > 0 ? 'спешат' : 'отстают'} на ${text} относительно сервера: проверьте дату, время и часовой пояс`
}

function skewWarning(skewed: boolean, skew: number, clamped: number): string | null {
  if (!skewed) return null
  const word = clamped % 10 === 1 && clamped % 100 !== 11 ? 'изменения' : 'изменений'
  const note = clamped > 0 ? `. Сервер заменил своим время ${clamped} ${word}` : ''
  return describeSkew(skew) + note
}

/**
 * The server was restored from a backup: everything it has not got from this desk goes again, stamps of what the
 * desk had seen are clamped to where the restored log ends, and the desk reloads the server's state.
 */
function adoptGeneration(deps: CoreDeps, h: Hello): void {
  inTransaction(deps, () => {
    const { db } = deps.store
    db.update(outbox).set({ pushedAt: null, ackSeq: null }).where(gt(outbox.deviceSeq, h.ackedThrough)).run()
    db.update(outbox)
      .set({ seenSeq: sql`min(${outbox.seenSeq}, ${h.generationStartSeq})` })
      .where(and(isNull(outbox.pushedAt)))
      .run()
    db.delete(syncCredentials).run()
    updateSyncState(deps, {
      generation: h.generation,
      generationStartSeq: h.generationStartSeq,
      cursor: 0,
      needsSnapshot: true,
      snapshotUpTo: null,
      snapshotAfter: null,
      auditPushedSeq: 0
    })
  })
}

export function createSyncEngine(deps: CoreDeps, options: SyncEngineOptions = {}) {
  const scheduler = options.scheduler ?? realScheduler
  const interval = options.intervalMs ?? 30_000
  const baseBackoff = options.backoffMs ?? 2_000
  const maxBackoff = options.maxBackoffMs ?? 5 * 60_000
  const random = options.random ?? Math.random
  let timer: unknown = null
  let running: Promise<SyncRunReport | null> | null = null
  let failures = 0
  let started = false
  let nextAttemptAt: string | null = null
  /** While the baseline is being queued: how far it has come. */
  let preparing: BaselineProgress | null = null

  function nowIso(): string {
    return deps.clock.now().toISOString()
  }

  async function runOnce(): Promise<SyncRunReport> {
    const state = readSyncState(deps)
    if (!state) throw new SyncClientError('UNAUTHENTICATED', 'Синхронизация не настроена')
    const schemaVersion = options.schemaVersion ?? SYNC_SCHEMA_VERSION
    const base = {
      serverUrl: state.serverUrl,
      token: readDeskToken(deps),
      schemaVersion,
      fetch: options.fetch
    }
    updateSyncState(deps, { lastAttemptAt: nowIso() })
    // Queued whether or not the server answers (the desk prepares offline), and sent while it is queued: the
    // server takes in one chunk while the desk queues the next. The run ends when the queue does, either way.
    const baseline = baselinePending(deps) ? startBaseline() : null
    try {
      return await exchange(state, base, baseline)
    } finally {
      await baseline?.finished
    }
  }

  interface BaselineJob {
    done: boolean
    finished: Promise<void>
  }

  function startBaseline(): BaselineJob {
    const job: BaselineJob = { done: false, finished: Promise.resolve() }
    job.finished = queueBaseline(deps, (progress) => (preparing = progress))
      .then(() => {})
      .finally(() => {
        job.done = true
        preparing = null
      })
    // Awaited when the run ends; a failure meanwhile must not count as unhandled.
    job.finished.catch(() => {})
    return job
  }

  /** The outbox sent to its end; while a baseline is queued, again as it grows, and once more when it is done. */
  async function pushAll(t: Transport, baseline: BaselineJob | null): Promise<PushReport> {
    const maxBytes = options.pushMaxBytes ?? 1024 * 1024
    const total: PushReport = { sent: 0, review: 0, clamped: 0, batches: 0, bytes: 0 }
    for (;;) {
      const queueDone = !baseline || baseline.done
      const r = await pushOutbox(deps, t, { maxBytes, maxOps: 2000 })
      for (const k of Object.keys(total) as (keyof PushReport)[]) total[k] += r[k]
      if (queueDone) return total
      if (r.sent === 0) await Promise.race([baseline.finished.catch(() => {}), pause(BASELINE_POLL_MS)])
    }
  }

  async function exchange(
    state: NonNullable<ReturnType<typeof readSyncState>>,
    base: { serverUrl: string; token: string | null; schemaVersion: number; fetch?: typeof fetch },
    baseline: BaselineJob | null
  ): Promise<SyncRunReport> {
    const h = await createTransport({ ...base, generation: state.generation }).hello()
    const skew = deps.clock.now().getTime() - Date.parse(h.serverTime)
    const skewed = Math.abs(skew) > SKEW_WARNING_MS
    const clampedChanges = skewed ? state.clampedChanges : 0
    updateSyncState(deps, {
      clockSkewMs: skew,
      clampedChanges,
      warning: skewWarning(skewed, skew, clampedChanges)
    })
    if (state.generation !== h.generation) adoptGeneration(deps, h)
    const t = createTransport({ ...base, generation: h.generation })
    const report = emptyRunReport()
    if (readSyncState(deps)?.needsSnapshot) {
      report.snapshotRecords = (await downloadSnapshot(deps, t, options.snapshotPageSize ?? 2000)).records
    }
    sweepCredentials(deps)
    const pushStarted = performance.now()
    // The audit journal has its own endpoint and cursor and nothing waits on it: it goes alongside the changes.
    // Both are let finish before the run goes on, so that no upload is still on the way when the next run starts.
    const [outboxSent, auditSent] = await Promise.allSettled([
      pushAll(t, baseline),
      pushAudit(deps, t, options.pushMaxBytes ?? 1024 * 1024)
    ])
    if (outboxSent.status === 'rejected') throw outboxSent.reason
    if (auditSent.status === 'rejected') throw auditSent.reason
    const pushed = outboxSent.value
    report.pushed = pushed.sent
    report.pushBytes = pushed.bytes
    if (pushed.clamped > 0) {
      const total = clampedChanges + pushed.clamped
      updateSyncState(deps, { clampedChanges: total, warning: skewWarning(true, skew, total) })
    }
    const pullStarted = performance.now()
    report.pushMs = pullStarted - pushStarted
    const pulled = await pullLog(deps, t, state.deviceId, options.pullMaxBytes ?? 2 * 1024 * 1024)
    report.pullMs = performance.now() - pullStarted
    report.pulled = pulled.entries
    report.pullBytes = pulled.bytes
    updateSyncState(deps, { state: 'online', lastSyncAt: nowIso(), lastError: null, lastErrorCode: null })
    return report
  }

  function recordFailure(error: unknown): void {
    const e =
      error instanceof SyncClientError
        ? error
        : new SyncClientError(
            'INTERNAL',
            `Ошибка синхронизации: ${(error as Error)?.message ?? String(error)}`
          )
    const state =
      e.code === 'OFFLINE'
        ? 'offline'
        : e.code === 'REVOKED'
          ? 'revoked'
          : e.code === 'UNSUPPORTED_VERSION'
            ? 'unsupported'
            : 'error'
    if (deps.store.sqlite.open) updateSyncState(deps, { state, lastError: e.message, lastErrorCode: e.code })
  }

  function schedule(ms: number): void {
    if (!started) return
    if (timer !== null) scheduler.clear(timer)
    nextAttemptAt = new Date(deps.clock.now().getTime() + ms).toISOString()
    timer = scheduler.set(() => {
      timer = null
      void run()
    }, ms)
  }

  async function run(): Promise<SyncRunReport | null> {
    if (running) return running
    if (!deps.store.sqlite.open || !readSyncState(deps)) return null
    running = (async () => {
      try {
        const report = await runOnce()
        failures = 0
        schedule(interval)
        return report
      } catch (error) {
        recordFailure(error)
        const code = error instanceof SyncClientError ? error.code : 'INTERNAL'
        // A revoked desk waits for a person: retrying would only knock on a locked door.
        if (code === 'REVOKED' || code === 'DEVICE_REWOUND') {
          if (timer !== null) scheduler.clear(timer)
          timer = null
          nextAttemptAt = null
          return null
        }
        failures++
        const pause = Math.min(maxBackoff, baseBackoff * 2 ** (failures - 1))
        schedule(Math.round(pause * (0.75 + random() * 0.5)))
        return null
      } finally {
        running = null
      }
    })()
    return running
  }

  return {
    /** Start the background loop (idempotent). */
    start(): void {
      if (started) return
      started = true
      schedule(0)
    },
    /** A run as soon as the loop gets to it, not after the interval: the desk was just connected. */
    soon(): void {
      schedule(0)
    },
    stop(): void {
      started = false
      if (timer !== null) scheduler.clear(timer)
      timer = null
      nextAttemptAt = null
    },
    /** Run now (the registrar pressed "sync now"); waits for a run already under way, then runs again. */
    async syncNow(): Promise<SyncRunReport | null> {
      if (running) await running
      return run()
    },
    /** One run that throws its error: for tools and tests. */
    async runOrThrow(): Promise<SyncRunReport> {
      if (running) await running
      return runOnce()
    },
    status(): SyncStatus {
      const s = readSyncState(deps)
      return {
        configured: !!s,
        serverUrl: s?.serverUrl ?? null,
        state: s?.state ?? 'idle',
        online: s?.state === 'online',
        pendingChanges: pendingCount(deps),
        lastSyncAt: s?.lastSyncAt ?? null,
        lastAttemptAt: s?.lastAttemptAt ?? null,
        lastError: s?.lastError ?? null,
        warning: s?.warning ?? null,
        nextAttemptAt,
        deskNumber: s?.deskNumber ?? null,
        cursor: s?.cursor ?? 0,
        behindBy: Math.max(0, (s?.headSeq ?? 0) - (s?.cursor ?? 0)),
        snapshotInProgress: !!s?.needsSnapshot,
        preparing,
        clockSkewMs: s?.clockSkewMs ?? 0,
        openTasks: openTaskCount(deps)
      }
    },
    get running(): boolean {
      return running !== null
    }
  }
}

export type SyncEngine = ReturnType<typeof createSyncEngine>

// One engine per open core: the handlers find it by the core's dependencies, nothing global outlives a core.
const engines = new WeakMap<CoreDeps, SyncEngine>()

export function attachSyncEngine(deps: CoreDeps, options: SyncEngineOptions = {}): SyncEngine {
  engines.get(deps)?.stop()
  const engine = createSyncEngine(deps, options)
  engines.set(deps, engine)
  return engine
}

export function syncEngineFor(deps: CoreDeps): SyncEngine {
  return engines.get(deps) ?? attachSyncEngine(deps)
}
