// npm run bench:backup [-- --patients 100000]: how long the desk waits while a backup of its store is made. The
// backup on its worker thread (as the app makes it) is set beside the same copy and check made on the main thread
// (as it was made before). Meanwhile the main thread answers searches back to back, each as its own event, the way
// IPC or HTTP requests arrive; the longest gap between two of them is how long a registrar would have waited.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createBackup, verifyBackupFile } from '../src-main/core/backup/backup-service'
import type { CoreDeps } from '../src-main/core/context'
import { searchPatients } from '../src-main/core/patients/search'
import { clinicOf } from './clinics'
import { openClinic } from './open-clinic'
import { label, markdownTable, ms, times, type Row } from './report'

const { values } = parseArgs({ options: { patients: { type: 'string', default: '2000' } } })
const patients = Number(values.patients)
const log = (line: string) => process.stderr.write(`${line}\n`)

interface Watched {
  wallMs: number
  longestWaitMs: number
  answered: number
}

async function whileTheDeskWorks(deps: CoreDeps, backup: () => Promise<unknown>): Promise<Watched> {
  let done = false
  let answered = 0
  let last = performance.now()
  let longestWaitMs = 0
  const answer = () => {
    if (done) return
    const now = performance.now()
    longestWaitMs = Math.max(longestWaitMs, now - last)
    last = now
    searchPatients(deps.store, 'Иванов', 20)
    answered++
    setImmediate(answer)
  }
  setImmediate(answer)
  const started = performance.now()
  await backup()
  done = true
  const ended = performance.now()
  return { wallMs: ended - started, longestWaitMs: Math.max(longestWaitMs, ended - last), answered }
}

async function idle(backup: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await backup()
  return performance.now() - started
}

const clinic = await clinicOf(patients, log)
const open = await openClinic(clinic.dir)
const out = mkdtempSync(join(tmpdir(), 'registrar-backup-probe-'))
try {
  const { deps } = open
  const inWorker = (folder: string) => () => createBackup(deps, null, join(out, folder), 1)
  let copies = 0
  const onThisThread = async () => {
    const file = join(out, `here-${copies++}.db`)
    deps.store.copyTo(file)
    verifyBackupFile(deps.store, file)
    rmSync(file)
  }
  log(`the desk with no backup, ${label(patients)} …`)
  const quiet = await whileTheDeskWorks(deps, () => new Promise((done) => setTimeout(done, 1000)))
  log('backups on the worker and on the main thread, the desk idle …')
  const workerIdleMs = await idle(inWorker('idle'))
  const mainIdleMs = await idle(onThisThread)
  log('the same, the desk answering searches …')
  const worker = await whileTheDeskWorks(deps, inWorker('busy'))
  const main = await whileTheDeskWorks(deps, onThisThread)
  const size = `${(statSync(deps.store.access.file).size / 1e6).toFixed(0)} MB`
  const rows: Row[] = [
    {
      what: `Longest wait of the desk during a backup, ${label(patients)} (${size})`,
      ours: `${ms(worker.longestWaitMs)}, ${worker.answered} searches answered`,
      comparison: `on the main thread ${ms(main.longestWaitMs)}, ${main.answered} answered; no backup ${ms(quiet.longestWaitMs)}`,
      ratio: times(main.longestWaitMs / worker.longestWaitMs),
      goal: 'answers throughout, no wait over 250 ms',
      met: worker.answered > 1 && worker.longestWaitMs < 250
    },
    {
      what: `Backup made and checked, ${label(patients)} (${size}): desk idle / answering`,
      ours: `${ms(workerIdleMs)} / ${ms(worker.wallMs)}`,
      comparison: `on the main thread ${ms(mainIdleMs)} / ${ms(main.wallMs)}`,
      ratio: times(workerIdleMs / mainIdleMs),
      goal: 'idle: within 1.5× of the main thread',
      met: workerIdleMs <= 1.5 * mainIdleMs
    }
  ]
  process.stdout.write(`${markdownTable(rows)}\n`)
} finally {
  open.core.close()
  rmSync(out, { recursive: true, force: true })
}
