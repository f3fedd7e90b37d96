// Entry of the browser host (out/main/host.js): the same core as the Electron app, served to Chromium on loopback.
// The per-launch secret travels only in the printed URL's fragment, which browsers never send to a server, so a
// page of another site cannot learn it and a process that can read this terminal is already inside the account.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openCore } from '../core/app'
import { loadOrCreateKeyFile } from '../core/db/key-file'
import { startBackgroundSync } from '../core/sync/autostart'
import { ArgsError, parseHostArgs, usage } from './args'
import { createHostServer, listenOnLoopback } from './server'

async function main(): Promise<void> {
  let args
  try {
    args = parseHostArgs(process.argv.slice(2))
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error
    process.stderr.write(`${error.message}\n\n${usage}`)
    process.exit(2)
  }
  if (args.help) {
    process.stdout.write(usage)
    return
  }

  // out/main/host.js → the project root two levels up, where resources/, drizzle/ and out/renderer live.
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
  const dataDir = resolve(args.dataDir)
  mkdirSync(dataDir, { recursive: true })
  const keyFile = resolve(args.keyFile ?? resolve(dataDir, 'registrar.key'))
  const core = openCore({
    dataDir,
    databaseKey: () => loadOrCreateKeyFile(keyFile, resolve(dataDir, 'registrar.db')),
    resourcesDir: resolve(root, 'resources'),
    migrationsDir: resolve(root, 'drizzle'),
    workstationName: args.workstationName,
    // The registrar sees a sentence; the stack of an unexpected failure goes to the terminal for whoever runs this.
    logger: {
      info: () => {},
      error: (message, fields) => process.stderr.write(`${message} ${JSON.stringify(fields ?? {})}\n`)
    }
  })
  const sync = startBackgroundSync(core.deps())

  const staticDir = resolve(root, 'out', 'renderer')
  if (!existsSync(resolve(staticDir, 'index.html'))) {
    process.stderr.write(
      `Интерфейс не собран (нет ${staticDir}/index.html): выполните npx electron-vite build\n`
    )
  }
  const secret = randomBytes(24).toString('base64url')
  const server = createHostServer({ core, staticDir, secret })
  const port = await listenOnLoopback(server, args.port)
  const url = `http://127.0.0.1:${port}/#k=${secret}`
  process.stdout.write(
    `Рабочее место регистратора в браузере\nДанные: ${dataDir}\nКлюч: ${keyFile}\nАдрес: ${url}\nHOST_URL=${url}\n`
  )
  // The page shows why the store did not open; whoever started the host sees it here too.
  const status = await core.dispatch('system.status', {}, null)
  if (!status.ok) process.stderr.write(`База данных не открыта: ${status.error.message}\n`)

  let closing = false
  const shutdown = (): void => {
    if (closing) return
    closing = true
    server.close()
    server.closeAllConnections()
    sync.stop()
    core.close()
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((error: unknown) => {
  process.stderr.write(`Сервер не запущен: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
