// The sync server of the load test in a process of its own, so that the desks' work does not slow its answers:
// PostgreSQL when DATABASE_URL is set (a schema of its own, dropped at the end), PGlite in memory otherwise.
// Prints SYNC_URL and the one-time enrolment codes for the desks, then serves until SIGTERM.
import { randomBytes } from 'node:crypto'
import { openServerStore } from '../../src-server/db/open'
import { startSyncServer } from '../../src-server/server'

const codes = Number(process.argv[2] ?? 50)
const store = await openServerStore(
  process.env.DATABASE_URL
    ? {
        kind: 'postgres',
        url: process.env.DATABASE_URL,
        schema: `load_${process.pid}_${randomBytes(3).toString('hex')}`,
        dropSchemaOnClose: true
      }
    : { kind: 'pglite-memory' }
)
const server = await startSyncServer({
  store,
  host: '127.0.0.1',
  port: 0,
  onError: (error) => process.stderr.write(`server error: ${String(error)}\n`)
})
// The server's own time per request, from its arrival to the last byte of the answer: what the desks measure
// includes their own process being busy, this does not.
const served: { path: string; ms: number; status: number; at: number }[] = []
server.server.on('request', (req, res) => {
  const t0 = performance.now()
  const path = (req.url ?? '/').split('?')[0].replace(/^\/v1\//, '')
  res.on('finish', () =>
    served.push({ path, ms: performance.now() - t0, status: res.statusCode, at: Date.now() })
  )
})
const list: string[] = []
for (let i = 0; i < codes; i++) list.push(await server.createCode(`Окно ${i + 1}`))
process.stdout.write(`BACKEND=${store.kind}\nSYNC_URL=${server.url}\nCODES=${JSON.stringify(list)}\n`)

const stop = async () => {
  process.stdout.write(`SERVED=${JSON.stringify(served)}\n`)
  await server.close()
  await store.close()
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
