// Run as a fresh process by startup-rows.ts, bundled the way the app's main process is: open the core on a clinic,
// answer one search, and report how long that took from the process's start and the process's memory then.
import { openCore } from '../src-main/core/app'
import { dataFolderKey } from '../src-main/core/db/key-file'
import { searchPatients } from '../src-main/core/patients/search'

const [dir, query, resourcesDir, migrationsDir] = process.argv.slice(2)
const opened = performance.now()
const core = openCore({
  dataDir: dir,
  databaseKey: dataFolderKey(dir),
  resourcesDir,
  migrationsDir,
  scheduleBackups: false
})
const deps = await core.deps()
const found = searchPatients(deps.store, query, 20)
// performance.now() counts from the process's start: Node's own start-up and loading the modules are included.
const answeredAt = performance.now()
const report = {
  answeredAtMs: answeredAt,
  openToAnswerMs: answeredAt - opened,
  rssBytes: process.memoryUsage().rss,
  cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  found: found.length
}
core.close()
process.stdout.write(`${JSON.stringify(report)}\n`)
