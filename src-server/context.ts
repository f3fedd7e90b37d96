// What every server handler receives: the store, the clock, the accepted version window, the one write lock.
import { randomUUID } from 'node:crypto'
import { eq, sql, type SQL } from 'drizzle-orm'
import { createClamp, createServerClock } from '../src-main/core/sync/merge'
import type { ServerDb, ServerStore } from './db/open'
import { meta } from './db/schema'

export type Tx = Parameters<Parameters<ServerDb['transaction']>[0]>[0]

export interface VersionWindow {
  min: number
  max: number
}

export interface ServerContext {
  store: ServerStore
  db: ServerDb
  now: () => number
  clamp: ReturnType<typeof createClamp>
  stamp: ReturnType<typeof createServerClock>
  schemaWindow: VersionWindow
  protocolWindow: VersionWindow
  /** Writes to the log go one at a time, so that sequence order is commit order and a cursor never skips a row. */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>
}

export interface ContextOptions {
  now?: () => number
  schemaWindow?: VersionWindow
  protocolWindow?: VersionWindow
}

// Any fixed number: every server process on one database takes the same advisory lock before it appends.
const LOG_LOCK = 7_311_987

export function createContext(store: ServerStore, options: ContextOptions = {}): ServerContext {
  const now = options.now ?? Date.now
  let queue: Promise<unknown> = Promise.resolve()
  return {
    store,
    db: store.db,
    now,
    clamp: createClamp(now),
    stamp: createServerClock(now),
    schemaWindow: options.schemaWindow ?? { min: 1, max: 1 },
    protocolWindow: options.protocolWindow ?? { min: 1, max: 1 },
    write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      const run = queue.then(() =>
        store.db.transaction(async (tx) => {
          // A sequence value is taken at insert, not at commit: without this lock a reader could see seq 11 before
          // seq 10 commits, move its cursor past 10 and never see it.
          await tx.execute(sql`select pg_advisory_xact_lock(${LOG_LOCK})`)
          return fn(tx)
        })
      )
      queue = run.catch(() => {})
      return run
    }
  }
}

/** Raw SQL rows: both drivers answer with { rows }. */
export async function queryRows<T>(db: ServerDb | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}

export function isoNow(ctx: Pick<ServerContext, 'now'>): string {
  return new Date(ctx.now()).toISOString()
}

export async function readMeta<T>(db: ServerDb | Tx, key: string): Promise<T | undefined> {
  const row = await db.select().from(meta).where(eq(meta.key, key))
  return row[0]?.value as T | undefined
}

export async function writeMeta(db: ServerDb | Tx, key: string, value: unknown): Promise<void> {
  await db.insert(meta).values({ key, value }).onConflictDoUpdate({ target: meta.key, set: { value } })
}

export interface Generation {
  id: string
  startSeq: number
}

/** The generation id names this copy of the database; a restore gets a new one so that desks notice. */
export async function currentGeneration(db: ServerDb | Tx): Promise<Generation> {
  const id = await readMeta<string>(db, 'generation')
  if (id) return { id, startSeq: (await readMeta<number>(db, 'generation_start_seq')) ?? 0 }
  const fresh = randomUUID()
  await db.insert(meta).values({ key: 'generation', value: fresh }).onConflictDoNothing()
  await db.insert(meta).values({ key: 'generation_start_seq', value: 0 }).onConflictDoNothing()
  return currentGeneration(db)
}

/**
 * After the database was restored from a backup: a new generation, and where the restored log ends. Positions up to
 * it mean the same in both timelines; a desk clamps what it saw to it before it re-sends its changes.
 */
export async function startNewGeneration(db: ServerDb | Tx): Promise<Generation> {
  const [head] = await queryRows<{ head: string }>(
    db,
    sql`select coalesce(max(seq), 0)::bigint as head from log`
  )
  const startSeq = Number(head.head)
  await writeMeta(db, 'generation', randomUUID())
  await writeMeta(db, 'generation_start_seq', startSeq)
  return currentGeneration(db)
}
