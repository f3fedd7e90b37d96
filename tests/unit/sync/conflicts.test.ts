// Concurrent edits under each conflict rule of DESIGN §6, with three desks that work offline and then sync in an
// unhelpful order; every desk and the server must end in the same, stated state.
import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { representatives, requestStatusHistory, syncFieldHistory } from '../../../src-main/core/db/schema'
import { recordChange } from '../../../src-main/core/outbox/outbox'
import { records } from '../../../src-server/db/schema'
import {
  backends,
  joinDesk,
  postgresSkipReason,
  seedDesk,
  settle,
  startTestServer,
  type Desk
} from './support/sync-env'

if (postgresSkipReason) console.log(postgresSkipReason)

const draft = (lastName: string, extra: Record<string, unknown> = {}) => ({
  draft: { lastName, firstName: 'Анна', sex: 'F' as const, birthDate: '1990-03-04', ...extra }
})

async function threeDesks(backend: (typeof backends)[number]) {
  const server = await startTestServer({ backend })
  const a = await seedDesk(server, 10)
  const b = await joinDesk(server, 'Окно 2')
  const c = await joinDesk(server, 'Окно 3')
  return { server, a, b, c, desks: [a, b, c] }
}

async function patientOn(d: Desk, id: string) {
  return (await d.call('patients.get', { id }, d.token)).patient
}

async function serverRecord(server: Awaited<ReturnType<typeof startTestServer>>, entity: string, id: string) {
  const rows = await server.store.db
    .select()
    .from(records)
    .where(and(eq(records.entity, entity), eq(records.entityId, id)))
  return rows[0]?.data as Record<string, unknown>
}

describe.each(backends)('conflict rules (%s)', (backend) => {
  it('contact fields: the later edit by HLC wins everywhere, the other is kept in history', async () => {
    const { server, a, b, c, desks } = await threeDesks(backend)
    const p = await a.call('patients.create', draft('Контактова', { phone: '+7 900 000-00-00' }), a.token)
    await settle(desks)
    const onB = await patientOn(b, p.id)
    const onC = await patientOn(c, p.id)
    // Both offline: B edits first by its clock, C a minute later.
    b.clock.advance(60_000)
    await b.call(
      'patients.update',
      { id: p.id, version: onB.version, draft: draft('Контактова', { phone: '+7 911 111-11-11' }).draft },
      b.token
    )
    c.clock.advance(120_000)
    await c.call(
      'patients.update',
      { id: p.id, version: onC.version, draft: draft('Контактова', { phone: '+7 922 222-22-22' }).draft },
      c.token
    )
    // The later edit reaches the server first; the earlier one arrives after it and must lose.
    await c.sync()
    await b.sync()
    await settle(desks)
    for (const d of desks) expect((await patientOn(d, p.id)).phone).toBe('+7 922 222-22-22')
    expect((await serverRecord(server, 'patient', p.id)).phone).toBe('+7 922 222-22-22')
    for (const d of desks) {
      const lost = d.deps.store.db
        .select()
        .from(syncFieldHistory)
        .where(and(eq(syncFieldHistory.entityId, p.id), eq(syncFieldHistory.outcome, 'lost')))
        .all()
      expect(lost.map((h) => JSON.parse(h.value ?? 'null'))).toContain('+7 911 111-11-11')
    }
  })

  it('identity fields: the server keeps its value and every desk gets a task', async () => {
    const { server, a, b, c, desks } = await threeDesks(backend)
    const p = await a.call('patients.create', draft('Иванова'), a.token)
    await settle(desks)
    const onB = await patientOn(b, p.id)
    const onC = await patientOn(c, p.id)
    c.clock.advance(60_000)
    await b.call(
      'patients.update',
      { id: p.id, version: onB.version, draft: draft('Иваненко').draft },
      b.token
    )
    await c.call('patients.update', { id: p.id, version: onC.version, draft: draft('Иванец').draft }, c.token)
    await b.sync()
    await c.sync()
    await settle(desks)
    for (const d of desks) expect((await patientOn(d, p.id)).lastName).toBe('Иваненко')
    expect((await serverRecord(server, 'patient', p.id)).lastName).toBe('Иваненко')
    for (const d of desks) {
      const tasks = await d.call('sync.tasks', {}, d.token)
      const task = tasks.find((t) => t.kind === 'identity_conflict' && t.entityId === p.id)
      expect(task).toMatchObject({ field: 'lastName', serverValue: 'Иваненко', proposedValue: 'Иванец' })
      expect(task?.message).toContain('Оставлено значение сервера')
    }
    // A later correction by someone who has seen the server's value is an ordinary edit, not a conflict.
    const seen = await patientOn(c, p.id)
    await c.call(
      'patients.update',
      { id: p.id, version: seen.version, draft: draft('Иванец').draft },
      c.token
    )
    await settle(desks)
    for (const d of desks) expect((await patientOn(d, p.id)).lastName).toBe('Иванец')
    const open = await a.call('sync.tasks', {}, a.token)
    expect(open.filter((t) => t.kind === 'identity_conflict')).toHaveLength(1)
    // Closing the task on one desk closes it everywhere.
    await a.call('sync.resolveTask', { id: open[0].id, resolution: 'Сверено с паспортом' }, a.token)
    await settle(desks)
    for (const d of desks) expect(await d.call('sync.tasks', {}, d.token)).toHaveLength(0)
  })

  it('statuses take the maximum and journals keep every row exactly once', async () => {
    const { a, b, c, desks } = await threeDesks(backend)
    const p = await a.call('patients.create', draft('Статусова'), a.token)
    const r = await a.call(
      'requests.create',
      {
        patientId: p.id,
        applicantKind: 'self',
        channel: 'in_person',
        kind: 'brief',
        periodFrom: '2025-01-01',
        periodTo: '2026-11-01',
        purpose: 'для работы',
        delivery: 'in_person'
      },
      a.token
    )
    await settle(desks)
    for (const to of ['processing', 'approved', 'ready'] as const)
      await c.call('requests.transition', { id: r.id, to }, c.token)
    await b.call('requests.transition', { id: r.id, to: 'processing' }, b.token)
    await c.sync()
    await b.sync()
    await settle(desks)
    for (const d of desks) {
      const got = await d.call('requests.get', { id: r.id }, d.token)
      expect(got.status).toBe('ready')
      const rows = d.deps.store.db
        .select({ n: sql<number>`count(*)`, distinct: sql<number>`count(distinct id)` })
        .from(requestStatusHistory)
        .where(eq(requestStatusHistory.requestId, r.id))
        .get()
      // accepted at A, processing at B, processing/approved/ready at C: five rows, none twice.
      expect(rows).toEqual({ n: 5, distinct: 5 })
    }
  })

  it('patients registered offline at two desks with the same СНИЛС are both kept and flagged', async () => {
    const { server, b, c, desks } = await threeDesks(backend)
    const snils = '112-233-445 95'
    const pb = await b.call('patients.create', draft('Двойникова', { snils }), b.token)
    const pc = await c.call('patients.create', draft('Двойникова', { snils, phone: '+7 900 1' }), c.token)
    await settle(desks)
    for (const d of desks) {
      expect((await patientOn(d, pb.id)).snils).toBe('11223344595')
      expect((await patientOn(d, pc.id)).snils).toBe('11223344595')
      const tasks = await d.call('sync.tasks', {}, d.token)
      expect(tasks.filter((t) => t.kind === 'duplicate_patient')).toHaveLength(1)
      expect(tasks[0].message).toContain('СНИЛС 112-233-445 95')
    }
    const onServer = await server.store.db.select().from(records).where(eq(records.snils, '11223344595'))
    expect(onServer).toHaveLength(2)
  })

  it('a deleted record stays deleted when a late change to it arrives', async () => {
    const { server, a, b, desks } = await threeDesks(backend)
    const p = await a.call('patients.create', draft('Удалёнова'), a.token)
    const rep = await a.call(
      'representatives.add',
      {
        patientId: p.id,
        fullName: 'Удалёнов Олег',
        relation: 'proxy',
        poaNumber: '77 АА 1',
        poaDate: '2026-01-10'
      },
      a.token
    )
    await settle(desks)
    // No command deletes a representative yet: the outbox rows are what such a command would write.
    a.deps.store.sqlite.transaction(() => {
      a.deps.store.db.delete(representatives).where(eq(representatives.id, rep.id)).run()
      recordChange(a.deps, {
        entity: 'representative',
        entityId: rep.id,
        op: 'delete',
        fields: {},
        baseVersion: 1
      })
    })()
    b.deps.store.sqlite.transaction(() => {
      b.deps.store.db
        .update(representatives)
        .set({ poaNumber: '77 АА 2' })
        .where(eq(representatives.id, rep.id))
        .run()
      recordChange(b.deps, {
        entity: 'representative',
        entityId: rep.id,
        op: 'update',
        fields: { poaNumber: '77 АА 2' },
        baseVersion: 1
      })
    })()
    await a.sync()
    await b.sync()
    await settle(desks)
    for (const d of desks) {
      const row = d.deps.store.db.select().from(representatives).where(eq(representatives.id, rep.id)).get()
      expect(row).toBeUndefined()
    }
    const rows = await server.store.db.select().from(records).where(eq(records.entityId, rep.id))
    expect(rows[0].deleted).toBe(true)
  })
})
