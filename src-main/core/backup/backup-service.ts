// Backups of the desk's store (VACUUM INTO: a consistent snapshot, encrypted with the store's own key), each verified
// by opening the copy and checking its integrity, a kept number of them, and restore by the administrator. Copies
// and checks run on a worker thread (copy-worker.ts), except a restore's safety copy: see createBackupHere.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../contract/errors'
import { appendAudit } from '../audit/audit'
import type { Actor, CoreDeps } from '../context'
import { inTransaction } from '../context'
import type { Store } from '../db/open'
import { copyStoreInWorker, verifyCopyInWorker } from './copy-worker'

export interface BackupInfo {
  name: string
  createdAt: string
  bytes: number
  patients: number
}

const NAME = /^registrar-(\d{8}T\d{6}Z)(?:-(\d+))?\.db$/

export function backupName(at: Date, taken: (name: string) => boolean): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
  let name = `registrar-${stamp}.db`
  for (let n = 2; taken(name); n++) name = `registrar-${stamp}-${n}.db`
  return name
}

/** Newest first. Plain string order would put "…Z-2.db" before "…Z.db" and "-10" before "-2" within a second. */
function newestFirst(a: string, b: string): number {
  const [, stampA, nA] = NAME.exec(a)!
  const [, stampB, nB] = NAME.exec(b)!
  if (stampA !== stampB) return stampA < stampB ? 1 : -1
  return Number(nB ?? 1) - Number(nA ?? 1)
}

/**
 * Whether a name comes after every backup of the same second. A free name is not enough: once pruning has removed
 * "…Z.db" of this second, a new copy named so would be the oldest of the second and be pruned at once. (Only the
 * same second: a clock set back must still get a name, not an endless search for one.)
 */
function isNewest(name: string, existing: Iterable<string>): boolean {
  const stamp = NAME.exec(name)?.[1]
  return [...existing].every((other) => NAME.exec(other)?.[1] !== stamp || newestFirst(name, other) < 0)
}

/** Which backups to delete so that the newest `keep` stay. */
export function backupsToPrune(names: string[], keep: number): string[] {
  return names
    .filter((n) => NAME.test(n))
    .sort(newestFirst)
    .slice(Math.max(keep, 1))
}

/** Opens a copy read-only (with the store's key) and proves it is a whole, readable store of ours. */
export function verifyBackupFile(store: Pick<Store, 'openCopy'>, file: string): { patients: number } {
  let db: ReturnType<Store['openCopy']> | undefined
  try {
    db = store.openCopy(file)
    const check = db.pragma('integrity_check', { simple: true })
    if (check !== 'ok') throw new AppError('INTERNAL', `Резервная копия повреждена: ${String(check)}`)
    const patients = db.prepare('SELECT count(*) FROM patients').pluck().get() as number
    return { patients }
  } catch (error) {
    if (error instanceof AppError && error.code !== 'DB_KEY_WRONG') throw error
    const why = error instanceof AppError ? 'не подходит ключ базы данных' : (error as Error).message
    throw new AppError('INTERNAL', `Резервная копия не читается: ${why}`)
  } finally {
    db?.close()
  }
}

export function listBackups(dir: string): BackupInfo[] {
  mkdirSync(dir, { recursive: true })
  return readdirSync(dir)
    .filter((n) => NAME.test(n))
    .sort(newestFirst)
    .map((name) => {
      const stamp = NAME.exec(name)![1]
      const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`
      return { name, createdAt: iso, bytes: statSync(join(dir, name)).size, patients: -1 }
    })
}

// One backup or restore at a time per folder: two copies started in the same second (a double press, the schedule
// meeting a press) would pick the same file name and write into each other, and pruning could delete the other's copy.
const queues = new Map<string, Promise<unknown>>()

function oneAtATime<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(dir) ?? Promise.resolve()
  const next = previous.catch(() => {}).then(work)
  queues.set(dir, next)
  void next
    .catch(() => {})
    .finally(() => {
      if (queues.get(dir) === next) queues.delete(dir)
    })
  return next
}

export function createBackup(
  deps: CoreDeps,
  actor: Actor | null,
  dir: string,
  keep: number
): Promise<BackupInfo> {
  return oneAtATime(dir, () => createBackupNow(deps, actor, dir, keep))
}

interface StartedCopy {
  name: string
  file: string
  /** Where the copy is written and checked; it takes its name only once proven, so a copy cut short by the app
   * quitting is never listed, restored or counted among the kept ones. */
  partial: string
  existing: Set<string>
}

const PARTIAL = '.partial'

function startCopy(deps: CoreDeps, dir: string): StartedCopy {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const existing = new Set(readdirSync(dir))
  // Left by a copy the app quit in the middle of; none of this folder's copies is running (one at a time).
  for (const leftover of existing)
    if (leftover.endsWith(PARTIAL)) rmSync(join(dir, leftover), { force: true })
  const name = backupName(deps.clock.now(), (n) => existing.has(n) || !isNewest(n, existing))
  const file = join(dir, name)
  return { name, file, partial: `${file}${PARTIAL}`, existing }
}

function finishCopy(
  deps: CoreDeps,
  actor: Actor | null,
  dir: string,
  keep: number,
  copy: StartedCopy,
  verified: { patients: number }
): BackupInfo {
  renameSync(copy.partial, copy.file)
  for (const old of backupsToPrune([...copy.existing, copy.name], keep))
    rmSync(join(dir, old), { force: true })
  inTransaction(deps, () =>
    appendAudit(deps, actor, {
      action: 'backup.create',
      entity: 'backup',
      entityId: copy.name,
      details: { patients: verified.patients }
    })
  )
  return {
    name: copy.name,
    createdAt: deps.clock.now().toISOString(),
    bytes: statSync(copy.file).size,
    patients: verified.patients
  }
}

/** The copy and its check on a worker thread: the desk keeps answering while a large store is copied. */
async function createBackupNow(
  deps: CoreDeps,
  actor: Actor | null,
  dir: string,
  keep: number
): Promise<BackupInfo> {
  const copy = startCopy(deps, dir)
  let verified: { patients: number }
  try {
    verified = await copyStoreInWorker(deps.store.access, copy.partial)
  } catch (error) {
    rmSync(copy.partial, { force: true })
    throw error
  }
  return finishCopy(deps, actor, dir, keep, copy, verified)
}

/**
 * The copy through the live connection, on this thread: a restore's safety copy must hold every write made before
 * the store is replaced, so nothing may run between the two. The desk is stopped for a restore anyway.
 */
function createBackupHere(deps: CoreDeps, actor: Actor | null, dir: string, keep: number): BackupInfo {
  const copy = startCopy(deps, dir)
  let verified: { patients: number }
  try {
    deps.store.copyTo(copy.partial)
    verified = verifyBackupFile(deps.store, copy.partial)
  } catch (error) {
    rmSync(copy.partial, { force: true })
    throw error
  }
  return finishCopy(deps, actor, dir, keep, copy, verified)
}

/**
 * Restores a verified copy in place of the live store file and reopens the store on it (an encrypted store cannot
 * take pages through the backup API from a connection without its key). A fresh backup of the current state is
 * made first.
 */
export function restoreBackup(
  deps: CoreDeps,
  actor: Actor,
  dir: string,
  name: string,
  keep: number
): Promise<BackupInfo> {
  return oneAtATime(dir, () => restoreBackupNow(deps, actor, dir, name, keep))
}

async function restoreBackupNow(
  deps: CoreDeps,
  actor: Actor,
  dir: string,
  name: string,
  keep: number
): Promise<BackupInfo> {
  if (!NAME.test(name)) throw new AppError('VALIDATION', 'Неверное имя резервной копии')
  const file = join(dir, name)
  // Proving the chosen copy reads only that file: the desk keeps working while it is checked.
  const verified = await verifyCopyInWorker(deps.store.access, file)
  // From here on synchronous: the safety copy, the replacement and its audit event with nothing in between.
  const safety = createBackupHere(deps, actor, dir, Math.max(keep, 2))
  deps.store.replaceWith(file)
  inTransaction(deps, () =>
    appendAudit(deps, actor, {
      action: 'backup.restore',
      entity: 'backup',
      entityId: name,
      details: { safetyCopy: safety.name, patients: verified.patients }
    })
  )
  return { name, createdAt: NAME.exec(name)![1], bytes: statSync(file).size, patients: verified.patients }
}

/** Whether a scheduled backup is due: none yet, or the newest is older than the interval (0 turns it off). */
export function backupDue(newestCreatedAt: string | null, now: Date, everyHours: number): boolean {
  if (everyHours <= 0) return false
  if (!newestCreatedAt) return true
  return now.getTime() - Date.parse(newestCreatedAt) >= everyHours * 3_600_000
}

/** Checks every few minutes and backs up when due; returns a stop function. Failures are logged, never thrown. */
export function scheduleBackups(
  deps: CoreDeps,
  keepAndEvery: () => { keep: number; everyHours: number } | null,
  checkEveryMs = 5 * 60_000
): () => void {
  let running = false
  const tick = async () => {
    const plan = keepAndEvery()
    if (!plan || running) return
    const newest = listBackups(deps.backupDir)[0]?.createdAt ?? null
    if (!backupDue(newest, deps.clock.now(), plan.everyHours)) return
    running = true
    try {
      await createBackup(deps, null, deps.backupDir, plan.keep)
    } catch (error) {
      deps.logger.error('scheduled backup failed', { error: String(error) })
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void tick(), checkEveryMs)
  timer.unref()
  return () => clearInterval(timer)
}
