// Desks whose clocks run an hour and a year ahead: the server orders by its own sequence, clamps stamps from the
// future so that a wrong clock cannot win every race, and says so on the status line and in a task.
import { desc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { outbox } from '../../../src-main/core/db/schema'
import { decodeHlc } from '../../../src-main/core/outbox/hlc'
import { log } from '../../../src-server/db/schema'
import { backends, BASE_TIME, joinDesk, seedDesk, settle, startTestServer } from './support/sync-env'

const HOUR = 3_600_000
const YEAR = 365 * 24 * HOUR

describe.each(backends)('clock skew (%s)', (backend) => {
  it('converges with desks an hour and a year ahead; the future stamps are clamped and reported', async () => {
    const server = await startTestServer({ backend })
    const a = await seedDesk(server, 10)
    const b = await joinDesk(server, 'Окно 2')
    const c = await joinDesk(server, 'Окно 3')
    const desks = [a, b, c]
    const p = await a.call(
      'patients.create',
      { draft: { lastName: 'Часовая', firstName: 'Вера', sex: 'F', birthDate: '1975-07-07' } },
      a.token
    )
    await settle(desks)
    const draft = (phone: string) => ({
      lastName: 'Часовая',
      firstName: 'Вера',
      sex: 'F' as const,
      birthDate: '1975-07-07',
      phone
    })
    b.clock.advance(HOUR)
    c.clock.advance(YEAR)
    // An hour idle locks a session: sign in again, as the registrar would.
    for (const d of [b, c])
      d.token = (await d.call('auth.signIn', { login: 'senior', password: 'demo1234' })).token
    for (const [desk, phone] of [
      [b, '+7 901 000-00-01'],
      [c, '+7 901 000-00-02']
    ] as const) {
      const current = (await desk.call('patients.get', { id: p.id }, desk.token)).patient
      await desk.call(
        'patients.update',
        { id: p.id, version: current.version, draft: draft(phone) },
        desk.token
      )
    }
    // Their edits reach the server now; a minute later by the true time the registrar at A corrects the phone.
    // Unclamped, the year-ahead stamp would beat every edit made in the coming year.
    await b.sync()
    await c.sync()
    a.clock.advance(60_000)
    server.clock.advance(60_000)
    const onA = (await a.call('patients.get', { id: p.id }, a.token)).patient
    await a.call(
      'patients.update',
      { id: p.id, version: onA.version, draft: draft('+7 901 000-00-03') },
      a.token
    )
    await a.sync()
    await settle(desks)
    for (const d of desks) {
      expect((await d.call('patients.get', { id: p.id }, d.token)).patient.phone).toBe('+7 901 000-00-03')
    }
    const cDevice = c.deps.store.db.select().from(outbox).orderBy(desc(outbox.deviceSeq)).get()!.deviceId
    const fromC = await server.store.db.select().from(log).where(eq(log.deviceId, cDevice))
    expect(fromC.length).toBeGreaterThan(0)
    for (const entry of fromC) {
      expect(entry.clamped).toBe(true)
      expect(decodeHlc(entry.hlc).ms).toBeLessThan(Date.parse(BASE_TIME) + HOUR)
    }
    const cStatus = await c.call('sync.status', {}, c.token)
    expect(cStatus.warning).toMatch(/спешат на 36\d дн\./)
    expect(cStatus.warning).toMatch(/Сервер заменил своим время \d+ изменени/)
    const bStatus = await b.call('sync.status', {}, b.token)
    expect(bStatus.warning).toMatch(/спешат на (59 мин|1 ч)/)
    for (const d of desks) {
      const tasks = (await d.call('sync.tasks', {}, d.token)).filter((t) => t.kind === 'clock_skew')
      expect(tasks.map((t) => t.message).join('\n')).toMatch(/Окно 3.*спешат примерно на 36\d дн\./)
    }
    // The year-ahead stamp never reached the others' clocks: A's next change is stamped by its own time.
    const before = (await a.call('patients.get', { id: p.id }, a.token)).patient
    await a.call(
      'patients.update',
      { id: p.id, version: before.version, draft: draft('+7 901 000-00-04') },
      a.token
    )
    const newest = a.deps.store.db.select().from(outbox).orderBy(desc(outbox.deviceSeq)).get()!
    expect(decodeHlc(newest.hlc).ms).toBeLessThan(Date.parse(BASE_TIME) + HOUR)
  })
})
