// npm run demo -- --patients N --out FILE: writes a demo clinic database file.
// --key-file FILE: the store's key (made when missing); registrar.key beside the store by default.
// --stats FILE also writes how long it took (wall and CPU seconds), for the benchmark's notes.
import { fileURLToPath } from 'node:url'
import { existsSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openCore } from '../src-main/core/app'
import { loadOrCreateKeyFile } from '../src-main/core/db/key-file'
import { setupDemo } from '../src-main/core/setup/setup-service'

const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '1000' },
    out: { type: 'string', default: 'data/demo.db' },
    stats: { type: 'string' },
    // The store is encrypted like the browser host's: by default with registrar.key beside it.
    'key-file': { type: 'string' }
  }
})
const patients = Number(values.patients)
if (!Number.isInteger(patients) || patients < 1) {
  console.error('--patients: нужно целое число больше нуля')
  process.exit(2)
}
const out = resolve(values.out!)
if (existsSync(out)) {
  console.error(`Файл ${out} уже существует: укажите другой --out или удалите его`)
  process.exit(2)
}
const root = fileURLToPath(new URL('..', import.meta.url))
const core = openCore({
  dataDir: dirname(out),
  fileName: basename(out),
  databaseKey: () =>
    loadOrCreateKeyFile(resolve(values['key-file'] ?? join(dirname(out), 'registrar.key')), out),
  resourcesDir: join(root, 'resources'),
  migrationsDir: join(root, 'drizzle'),
  scheduleBackups: false
})
const started = performance.now()
const deps = await core.deps()
await setupDemo(deps, { patients })
core.close()
const seconds = (performance.now() - started) / 1000
const cpu = process.cpuUsage()
const cpuSeconds = (cpu.user + cpu.system) / 1e6
if (values.stats) writeFileSync(values.stats, JSON.stringify({ patients, seconds, cpuSeconds }))
console.log(
  `Демо-клиника: ${patients} пациентов → ${out} за ${seconds.toFixed(1)} с (процессор ${cpuSeconds.toFixed(1)} с)`
)
