// The sync server's command line.
//   serve (default)      --port 8787 --host 127.0.0.1 --data ./server-data   (DATABASE_URL: a real PostgreSQL)
//   code --name NAME [--upstream]   a one-time enrolment code, through the running server's admin endpoint
//   revoke --device ID               stop a workstation, through the admin endpoint
//   new-generation                   after restoring the database from a backup, with the server stopped
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startNewGeneration } from './context'
import { openServerStore, type StoreLocation } from './db/open'
import { startSyncServer } from './server'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: './server-data' },
    server: { type: 'string' },
    name: { type: 'string' },
    device: { type: 'string' },
    upstream: { type: 'boolean', default: false }
  }
})

const dataDir = resolve(values.data)
const where: StoreLocation = process.env.DATABASE_URL
  ? { kind: 'postgres', url: process.env.DATABASE_URL }
  : { kind: 'pglite', dataDir }

/** The admin secret: SYNC_ADMIN_TOKEN, or a file in the data folder that only the owner can read. */
function adminToken(): string {
  if (process.env.SYNC_ADMIN_TOKEN) return process.env.SYNC_ADMIN_TOKEN
  const file = join(dataDir, 'admin-token')
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 })
    chmodSync(file, 0o600)
  }
  return readFileSync(file, 'utf8').trim()
}

async function admin(path: string, body?: unknown): Promise<unknown> {
  const base = values.server ?? `http://${values.host}:${values.port}`
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const json = (await res.json()) as unknown
  if (!res.ok) throw new Error(JSON.stringify(json))
  return json
}

async function main(): Promise<void> {
  const command = positionals[0] ?? 'serve'
  if (command === 'serve') {
    const store = await openServerStore(where)
    const server = await startSyncServer({
      store,
      host: values.host,
      port: Number(values.port),
      adminToken: adminToken()
    })
    console.log(
      `Сервер синхронизации: ${server.url} (${store.kind === 'pglite' ? `PGlite, ${dataDir}` : 'PostgreSQL'})`
    )
    const stop = async () => {
      await server.close()
      await store.close()
      process.exit(0)
    }
    process.on('SIGINT', () => void stop())
    process.on('SIGTERM', () => void stop())
  } else if (command === 'code') {
    if (!values.name) throw new Error('Укажите --name: название рабочего места')
    const result = (await admin('/v1/admin/codes', {
      name: values.name,
      kind: values.upstream ? 'upstream' : 'desk'
    })) as {
      code: string
      expiresAt: string
    }
    console.log(`Код подключения: ${result.code} (действует до ${result.expiresAt})`)
  } else if (command === 'revoke') {
    if (!values.device) throw new Error('Укажите --device: id рабочего места')
    console.log(await admin(`/v1/admin/workstations/${encodeURIComponent(values.device)}/revoke`, {}))
  } else if (command === 'workstations' || command === 'review') {
    console.log(JSON.stringify(await admin(`/v1/admin/${command}`), null, 2))
  } else if (command === 'new-generation') {
    const store = await openServerStore(where)
    const generation = await startNewGeneration(store.db)
    await store.close()
    console.log(`Новое поколение базы: ${generation.id} (журнал восстановлен до № ${generation.startSeq})`)
  } else {
    throw new Error(`Неизвестная команда ${command}`)
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
