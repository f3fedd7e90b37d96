// A backup's copy and its check run on a worker thread: on a clinic of a million patients VACUUM INTO and
// integrity_check take minutes, and the main thread is the one that answers every request of the desk. The worker
// opens its own read-only connection to the store file with the store's key and native build (WAL lets it read beside
// the live connection, and VACUUM INTO from it is one consistent snapshot), writes the copy, proves it and reports.
//
// The worker is an inline CommonJS source rather than a module file: tsx and vitest run the TypeScript sources,
// electron-vite bundles them into out/main, and a string needs an entry point in neither. It requires nothing but
// the driver, by the path resolved here, so it loads the same package the store was opened with.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { AppError } from '../../contract/errors'
import { passphraseOf } from '../db/cipher'
import { driverPackage } from '../db/native'
import type { StoreAccess } from '../db/open'

interface Job {
  driver: string
  nativeBinding: string | null
  passphrase: Uint8Array | null
  /** The store to copy; absent when a copy that already exists is only checked. */
  source: string | null
  target: string
}

type Report =
  | { ok: true; patients: number }
  | { ok: false; stage: 'source' | 'copy'; damaged?: string; code?: string; message: string }

// Opened exactly as openDatabaseFile opens a file: the driver's options, the key, a read that proves the key, and
// temporary storage in memory.
const workerSource = `
const { parentPort, workerData: job } = require('node:worker_threads')
const Database = require(job.driver)
function open(file) {
  const db = new Database(file, {
    readonly: true,
    fileMustExist: true,
    ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {})
  })
  try {
    if (job.passphrase) db.key(Buffer.from(job.passphrase))
    db.prepare('SELECT count(*) FROM sqlite_master').pluck().get()
    db.pragma('temp_store = MEMORY')
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
function run() {
  let stage = 'source'
  try {
    if (job.source) {
      const db = open(job.source)
      try {
        db.pragma('busy_timeout = 5000')
        db.prepare('VACUUM INTO ?').run(job.target)
      } finally {
        db.close()
      }
    }
    stage = 'copy'
    const db = open(job.target)
    try {
      const check = db.pragma('integrity_check', { simple: true })
      if (check !== 'ok') return { ok: false, stage, damaged: String(check), message: String(check) }
      return { ok: true, patients: db.prepare('SELECT count(*) FROM patients').pluck().get() }
    } finally {
      db.close()
    }
  } catch (error) {
    return { ok: false, stage, code: error && error.code, message: String((error && error.message) || error) }
  }
}
parentPort.postMessage(run())
`

let driverPath: string | undefined

function resolveDriver(): string {
  driverPath ??= createRequire(import.meta.url).resolve(driverPackage)
  return driverPath
}

/** Copies the store into `target` on a worker thread and proves the copy; rejects with a Russian AppError. */
export function copyStoreInWorker(store: StoreAccess, target: string): Promise<{ patients: number }> {
  return runJob(store, store.file, target)
}

/** Proves on a worker thread that an existing copy is a whole, readable store opened with the store's key. */
export function verifyCopyInWorker(store: StoreAccess, file: string): Promise<{ patients: number }> {
  return runJob(store, null, file)
}

function runJob(store: StoreAccess, source: string | null, target: string): Promise<{ patients: number }> {
  const passphrase = passphraseOf(store.key)
  const job: Job = {
    driver: resolveDriver(),
    nativeBinding: store.nativeBinding ?? null,
    passphrase: passphrase ? new Uint8Array(passphrase) : null,
    source,
    target
  }
  return new Promise((resolve, reject) => {
    let report: Report | undefined
    const worker = new Worker(workerSource, { eval: true, workerData: job })
    worker.once('message', (message: Report) => (report = message))
    worker.once('error', (error) => {
      report ??= { ok: false, stage: source ? 'source' : 'copy', message: error.message }
    })
    worker.once('exit', (code) => {
      if (report?.ok) resolve({ patients: report.patients })
      else
        reject(
          toAppError(report ?? { ok: false, stage: 'copy', message: `поток завершился с кодом ${code}` })
        )
    })
  })
}

/** The same sentences verifyBackupFile gives, so a copy checked here or there fails alike. */
function toAppError(report: Exclude<Report, { ok: true }>): AppError {
  const why = report.code === 'SQLITE_NOTADB' ? 'не подходит ключ базы данных' : report.message
  if (report.stage === 'source') return new AppError('INTERNAL', `Резервная копия не создана: ${why}`)
  if (report.damaged !== undefined)
    return new AppError('INTERNAL', `Резервная копия повреждена: ${report.damaged}`)
  return new AppError('INTERNAL', `Резервная копия не читается: ${why}`)
}
