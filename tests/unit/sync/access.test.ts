// Who may sync: a one-time enrolment code, a secret per desk, a revoked desk refused; and a desk of a version the
// server does not accept keeps its changes and says why.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { outbox } from '../../../src-main/core/db/schema'
import { attachSyncEngine } from '../../../src-main/core/sync/engine'
import { readDeskToken, readSyncState } from '../../../src-main/core/sync/state'
import { rawRequest } from './support/raw-device'
import { joinDesk, manualScheduler, seedDesk, settle, startTestServer } from './support/sync-env'

const person = (lastName: string) => ({
  draft: { lastName, firstName: 'Ян', sex: 'M' as const, birthDate: '1999-09-09' }
})

describe('access and versions', () => {
  it('an enrolment code works once, a wrong secret is refused, a revoked desk stops and keeps its changes', async () => {
    const server = await startTestServer()
    const a = await seedDesk(server, 10)
    const b = await joinDesk(server, 'Окно 2')
    const code = await server.createCode('Окно 3')
    const first = await rawRequest(server, '/v1/enrol', {
      body: { code, deviceId: 'dev-x', name: 'X', clinic: null }
    })
    expect(first.status).toBe(200)
    const again = await rawRequest(server, '/v1/enrol', {
      body: { code, deviceId: 'dev-y', name: 'Y', clinic: null }
    })
    expect(again).toMatchObject({ status: 403, body: { code: 'ENROLMENT_REFUSED' } })
    const forged = await rawRequest(server, '/v1/hello', { token: 'A'.repeat(43) })
    expect(forged).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } })
    const admin = await rawRequest(server, '/v1/admin/workstations', { token: readDeskToken(b.deps)! })
    expect(admin.status).toBe(401)

    const before = await b.call('patients.create', person('Отключенов'), b.token)
    expect(await server.revoke(readSyncState(b.deps)!.deviceId)).toBe(true)
    await expect(b.engine.runOrThrow()).rejects.toMatchObject({ code: 'REVOKED' })
    b.engine.start()
    expect(await b.engine.syncNow()).toBeNull()
    const status = await b.call('sync.status', {}, b.token)
    expect(status).toMatchObject({ state: 'revoked', online: false, pendingChanges: expect.any(Number) })
    expect(status.lastError).toContain('отключено администратором')
    expect(status.pendingChanges).toBeGreaterThan(0)
    expect(status.nextAttemptAt).toBeNull()
    const kept = b.deps.store.db.select().from(outbox).where(eq(outbox.entityId, before.id)).get()
    expect(kept?.pushedAt).toBeNull()
    await a.sync()
    expect(await a.fail('patients.get', { id: before.id }, a.token)).toMatchObject({ code: 'NOT_FOUND' })

    // The administrator lets the desk back in with a new code: what it kept goes out.
    await b.call(
      'sync.configure',
      { serverUrl: server.url, code: await server.createCode('Окно 2') },
      b.admin
    )
    await settle([a, b])
    expect((await a.call('patients.get', { id: before.id }, a.token)).patient.lastName).toBe('Отключенов')
  })

  it('a desk outside the accepted schema window keeps its changes and says why', async () => {
    const server = await startTestServer()
    const a = await seedDesk(server, 10)
    const b = await joinDesk(server, 'Окно 2')
    const p = await b.call('patients.create', person('Версионный'), b.token)
    // The server was upgraded: it accepts schema versions 2 and 3 only.
    server.ctx.schemaWindow = { min: 2, max: 3 }
    const status = await b.call('sync.now', {}, b.token)
    expect(status.state).toBe('unsupported')
    expect(status.lastError).toContain('обновите программу на рабочем месте')
    expect(status.lastError).toContain('Изменения сохранены')
    expect(status.pendingChanges).toBeGreaterThan(0)
    expect((await b.call('patients.get', { id: p.id }, b.token)).patient.lastName).toBe('Версионный')
    // A desk newer than the server is told to wait for the server's update instead.
    const newer = attachSyncEngine(b.deps, { scheduler: manualScheduler(), schemaVersion: 4 })
    await expect(newer.runOrThrow()).rejects.toMatchObject({
      code: 'UNSUPPORTED_VERSION',
      message: /обновите сервер/
    })
    const wrongProtocol = await rawRequest(server, '/v1/hello', {
      token: readDeskToken(b.deps)!,
      protocol: 9,
      schema: 2
    })
    expect(wrongProtocol).toMatchObject({ status: 426, body: { code: 'UNSUPPORTED_VERSION' } })
    // The window widens again: nothing was lost on the way.
    server.ctx.schemaWindow = { min: 1, max: 3 }
    attachSyncEngine(b.deps, { scheduler: manualScheduler() })
    await b.call('sync.now', {}, b.token)
    await a.sync()
    expect((await a.call('patients.get', { id: p.id }, a.token)).patient.lastName).toBe('Версионный')
  })
})
