// The sync server as a library: tests start it on a loopback port, main.ts starts it from the command line.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadProductionCalendar } from '../src-main/core/calendar/load-calendar'
import { loadReferenceData } from '../src-main/core/reference/reference-data'
import { createEnrolmentCode, revokeWorkstation } from './auth'
import {
  createContext,
  currentGeneration,
  startNewGeneration,
  type ContextOptions,
  type ServerContext
} from './context'
import type { ServerStore } from './db/open'
import { handler } from './http'

export const defaultResourcesDir = fileURLToPath(new URL('../resources', import.meta.url))

export interface SyncServerOptions extends ContextOptions {
  store: ServerStore
  host?: string
  port?: number
  /** Bearer secret of the admin endpoints; null turns them off. */
  adminToken?: string | null
  /** Reference data and calendar for the upstream import; defaults to the app's resources folder. */
  resourcesDir?: string
  onError?: (error: unknown) => void
}

export interface SyncServer {
  url: string
  port: number
  ctx: ServerContext
  server: Server
  createCode(name: string, kind?: 'desk' | 'upstream'): Promise<string>
  revoke(deviceId: string): Promise<boolean>
  close(): Promise<void>
}

export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const ctx = createContext(options.store, options)
  await currentGeneration(ctx.db)
  const resources = options.resourcesDir ?? defaultResourcesDir
  const [reference, calendar] = await Promise.all([
    loadReferenceData(join(resources, 'reference')),
    loadProductionCalendar(join(resources, 'calendar'))
  ])
  const server = createServer(
    handler({
      ctx,
      adminToken: options.adminToken ?? null,
      importDeps: { reference, calendar, portalDays: 3 },
      onError: options.onError ?? ((error) => console.error('sync server:', error))
    })
  )
  // Idle keep-alive sockets must not hold close() open.
  server.keepAliveTimeout = 2_000
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    ctx,
    server,
    createCode: async (name, kind = 'desk') => (await createEnrolmentCode(ctx, { name, kind })).code,
    revoke: (deviceId) => revokeWorkstation(ctx, deviceId),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

export { startNewGeneration }
