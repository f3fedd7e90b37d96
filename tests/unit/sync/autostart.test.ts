import { describe, expect, it } from 'vitest'
import { attachSyncEngine } from '../../../src-main/core/sync/engine'
import { startBackgroundSync, startSyncLoop } from '../../../src-main/core/sync/autostart'
import { startCore } from '../support/core'
import { BASE_TIME, manualScheduler, seedDesk, startTestServer } from './support/sync-env'

describe('the sync loop starts with the core', () => {
  it('a desk without a server gets no loop', async () => {
    const t = startCore(BASE_TIME)
    const deps = await t.core.deps()
    expect(startSyncLoop(deps)).toBeNull()
  })

  it('a connected desk sends its changes without anyone asking for the status', async () => {
    const server = await startTestServer()
    const a = await seedDesk(server, 10)
    const scheduler = manualScheduler()
    // A fresh engine, as after a restart of the app: nothing has started it yet.
    const engine = attachSyncEngine(a.deps, { scheduler })
    await a.call(
      'patients.create',
      { draft: { lastName: 'Автозапусков', firstName: 'Иван', sex: 'M', birthDate: '1970-01-01' } },
      a.token
    )
    expect(engine.status().pendingChanges).toBeGreaterThan(0)
    expect(scheduler.pending()).toBe(0)

    expect(startSyncLoop(a.deps)).toBe(engine)
    expect(scheduler.pending()).toBe(1)
    scheduler.fire()
    // The fired run is under way; syncNow waits for it and runs once more.
    await engine.syncNow()
    expect(engine.status().pendingChanges).toBe(0)
    expect(engine.status().state).toBe('online')
  })

  it('a shell that stops before the core is ready starts nothing, and stop ends a running loop', async () => {
    const server = await startTestServer()
    const a = await seedDesk(server, 10)
    const scheduler = manualScheduler()
    attachSyncEngine(a.deps, { scheduler })

    const early = startBackgroundSync(a.core.deps())
    early.stop()
    await a.core.deps()
    await Promise.resolve()
    expect(scheduler.pending()).toBe(0)

    const running = startBackgroundSync(a.core.deps())
    await a.core.deps()
    await Promise.resolve()
    expect(scheduler.pending()).toBe(1)
    running.stop()
    expect(scheduler.pending()).toBe(0)

    // A core that could not open has nothing to sync and must not throw.
    startBackgroundSync(Promise.reject(new Error('нет базы'))).stop()
  })
})
