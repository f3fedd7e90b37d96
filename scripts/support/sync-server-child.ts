// A clinic's sync server in a process of its own, as it is deployed, for the load test and the sync benchmarks: the
// desks' work in the parent does not slow its answers. PostgreSQL when DATABASE_URL is set (a schema of its own,
// dropped at the end), PGlite in memory otherwise. Prints BACKEND, SYNC_URL and the one-time enrolment codes for
// the desks, then serves until SIGTERM; on the way out it prints its own timings (SERVED) and the number of records it
// holds (RECORDS).
import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { openServerStore } from '../../src-server/db/open'
import { startSyncServer } from '../../src-server/server'

const codes = Number(process.argv[2] ?? 50)
const store = await openServerStore(
  process.env.DATABASE_URL
    ? {
        kind: 'postgres',
        url: process.env.DATABASE_URL,
        schema: `sync_child_${process.pid}_${randomBytes(3).toString('hex')}`,
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
  await server.close()
  const counted = (await store.db.execute(sql`select count(*)::int as n from records`)) as unknown as {
    rows: { n: number }[]
  }
  process.stdout.write(`SERVED=${JSON.stringify(served)}\nRECORDS=${counted.rows[0].n}\n`)
  await store.close()
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
