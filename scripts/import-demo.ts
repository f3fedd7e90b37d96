// npm run import:demo -- --patients 100000
// Measures an import the way the UI runs one: a demo clinic in a temporary folder, the senior registrar signed in,
// a generated МИС export (scripts/make-import-file.ts) sent in chunks, a dry run, the import, then the same file
// again. Prints the time of each step; not a test, a measure.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { IMPORT_CHUNK_CHARS, type ImportStatus } from '../src-main/contract/import-commands'
import { newDatabaseKey } from '../src-main/core/db/cipher'
import { openCore } from '../src-main/core/app'
import { importFileText, inChunks } from './make-import-file'

const { values } = parseArgs({ options: { patients: { type: 'string', default: '100000' } } })
const patients = Number(values.patients)
const root = fileURLToPath(new URL('..', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'registrar-import-'))
const core = openCore({
  dataDir: dir,
  // A throwaway store: a fresh key each time, encrypted like the app's.
  databaseKey: newDatabaseKey,
  resourcesDir: join(root, 'resources'),
  migrationsDir: join(root, 'drizzle'),
  scheduleBackups: false
})

async function call<T>(name: string, input: unknown, token: string | null = null): Promise<T> {
  const result = await core.dispatch(name, input, token)
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as T
}

// Wall time and the process's CPU time: on a machine shared with other work the second is the one to compare.
function seconds(since: { wall: number; cpu: NodeJS.CpuUsage }): string {
  const cpu = process.cpuUsage(since.cpu)
  const wall = (performance.now() - since.wall) / 1000
  return `${wall.toFixed(1)} с (процессор ${((cpu.user + cpu.system) / 1e6).toFixed(1)} с)`
}

const now = () => ({ wall: performance.now(), cpu: process.cpuUsage() })

async function stage(token: string): Promise<{ id: string; chars: number; time: string }> {
  const started = now()
  const { importId } = await call<ImportStatus>(
    'import.start',
    { fileName: 'mis-export.json', sizeBytes: 1 },
    token
  )
  let index = 0
  let chars = 0
  let pending: string | null = null
  for (const chunk of inChunks(importFileText({ patients }), IMPORT_CHUNK_CHARS)) {
    if (pending !== null) await call('import.append', { importId, index: index++, chunk: pending }, token)
    chars += chunk.length
    pending = chunk
  }
  await call('import.append', { importId, index, chunk: pending, last: true }, token)
  return { id: importId, chars, time: seconds(started) }
}

async function runTo(token: string, importId: string, command: string): Promise<ImportStatus> {
  await call(command, { importId }, token)
  let shown = -1
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    const status = await call<ImportStatus>('import.status', { importId }, token)
    const p = status.progress
    // A line per 50 000 rows: the progress bar the UI will draw from the same status.
    if (p && Math.floor(p.rowsDone / 50_000) > shown) {
      shown = Math.floor(p.rowsDone / 50_000)
      console.log(`  ${p.section}: ${p.rowsDone} из ${p.rowsTotal}`)
    }
    if (!['checking', 'importing'].includes(status.state)) return status
  }
}

try {
  await call('system.setupDemo', { patients: 300 })
  const { token } = await call<{ token: string }>('auth.signIn', { login: 'senior', password: 'demo1234' })
  const rows: [string, string, string][] = []
  for (const pass of ['первый импорт', 'тот же файл ещё раз']) {
    const staged = await stage(token)
    rows.push([pass, 'передача частями', `${staged.time} (${(staged.chars / 1e6).toFixed(0)} млн символов)`])
    for (const command of ['import.dryRun', 'import.commit']) {
      const started = now()
      const status = await runTo(token, staged.id, command)
      const report = command === 'import.dryRun' ? status.dryRun : status.result
      if (!report || status.error) throw new Error(status.error ?? 'нет отчёта')
      const t = report.totals
      const counts = `новых ${t.new}, изменено ${t.updated}, без изменений ${t.unchanged}, отклонено ${t.rejected}`
      rows.push([
        pass,
        command === 'import.dryRun' ? 'проверка' : 'импорт',
        `${seconds(started)} — ${counts}`
      ])
      console.log(rows.at(-1)!.join(' | '))
    }
  }
  console.log(`\nИмпорт файла МИС: ${patients} пациентов с посещениями и документами`)
  for (const row of rows) console.log(`  ${row[0].padEnd(20)} ${row[1].padEnd(18)} ${row[2]}`)
} finally {
  core.close()
  rmSync(dir, { recursive: true, force: true })
}
