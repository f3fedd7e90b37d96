// The server's database is restored from an older backup: it gets a new generation, the desks notice, reload its
// state and send again what it lost, so that nothing acknowledged before the restore is gone for good.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { patients } from '../../../src-main/core/db/schema'
import { readSyncState } from '../../../src-main/core/sync/state'
import { queryRows, startNewGeneration } from '../../../src-server/context'
import { openServerStore, type ServerStore } from '../../../src-server/db/open'
import { records } from '../../../src-server/db/schema'
import { tempDir } from '../support/core'
import {
  backends,
  joinDesk,
  seedDesk,
  settle,
  startTestServer,
  type Desk,
  type TestServer
} from './support/sync-env'

const person = (lastName: string) => ({
  draft: { lastName, firstName: 'Лев', sex: 'M' as const, birthDate: '1988-08-08' }
})

function namesOn(desk: Desk): string[] {
  return desk.deps.store.db
    .select({ lastName: patients.lastName })
    .from(patients)
    .where(sql`${patients.lastName} like 'Арх%'`)
    .all()
    .map((r) => r.lastName)
    .sort()
}

describe.each(backends)('server restored from a backup (%s)', (backend) => {
  it('desks re-snapshot and resend what the restored server lacks', async () => {
    const first = await startTestServer({ backend })
    const a = await seedDesk(first, 10)
    const b = await joinDesk(first, 'Окно 2')
    await a.call('patients.create', person('Архивов'), a.token)
    await settle([a, b])

    const restore = await takeBackup(backend, first)

    const kept = await b.call('patients.create', person('Архивова'), b.token)
    await settle([a, b])
    const lostOnServer = await a.call('patients.create', person('Архипов'), a.token)
    await a.sync()
    const offline = await b.call('patients.create', person('Архипенко'), b.token)
    const beforeGeneration = readSyncState(a.deps)!.generation

    await first.stop()
    const store = await restore()
    const restored = await startNewGeneration(store.db)
    const second = await startTestServer({ backend, store, port: first.port })
    expect(second.url).toBe(first.url)
    const before = await second.store.db.select().from(records).where(eq(records.entityId, kept.id))
    expect(before).toHaveLength(0)

    await settle([a, b])
    expect(readSyncState(a.deps)!.generation).toBe(restored.id)
    expect(readSyncState(a.deps)!.generation).not.toBe(beforeGeneration)
    const all = ['Архивов', 'Архивова', 'Архипенко', 'Архипов']
    expect(namesOn(a)).toEqual(all)
    expect(namesOn(b)).toEqual(all)
    for (const id of [kept.id, lostOnServer.id, offline.id]) {
      const rows = await second.store.db.select().from(records).where(eq(records.entityId, id))
      expect(rows).toHaveLength(1)
    }
    const c = await joinDesk(second, 'Окно 3')
    expect(namesOn(c)).toEqual(all)
    for (const d of [a, b, c]) expect((await d.call('sync.status', {}, d.token)).pendingChanges).toBe(0)
  })
})

/**
 * A backup taken now, and how to bring it back: PGlite copies its data folder; PostgreSQL is dumped with pg_dump
 * and read back with psql, as an administrator would.
 */
async function takeBackup(backend: string, server: TestServer): Promise<() => Promise<ServerStore>> {
  if (backend === 'pglite') {
    const copy = await server.store.dump()
    return () => openServerStore({ kind: 'pglite-memory', from: copy! })
  }
  const url = process.env.DATABASE_URL!
  const [{ s: schema }] = await queryRows<{ s: string }>(server.store.db, sql`select current_schema() as s`)
  const file = join(tempDir(), 'backup.sql')
  execFileSync('pg_dump', ['--dbname', url, '--schema', schema, '--file', file])
  return async () => {
    execFileSync('psql', ['--dbname', url, '--quiet', '--set', 'ON_ERROR_STOP=1', '--file', file], {
      stdio: 'ignore'
    })
    return openServerStore({ kind: 'postgres', url, schema, dropSchemaOnClose: true })
  }
}
