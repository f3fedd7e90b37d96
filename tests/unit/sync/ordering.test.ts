// A request's status never goes backwards, whatever order its ops arrive in; a push replayed, reordered or
// duplicated creates nothing twice.
import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { entitySpecs } from '../../../src-main/core/sync/entities'
import { compareStatus, mergeOp, type RecordState } from '../../../src-main/core/sync/merge'
import { encodeHlc } from '../../../src-main/core/outbox/hlc'
import { extractRequests, outbox, patients } from '../../../src-main/core/db/schema'
import { log, records } from '../../../src-server/db/schema'
import { patientFields, rawDevice } from './support/raw-device'
import { backends, joinDesk, seedDesk, settle, startTestServer } from './support/sync-env'

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items]
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p])
  )
}

const statusRule = entitySpecs.extract_request.status!

describe('status order', () => {
  it('folds every order of six status changes to the same maximum, never stepping back (pure rule)', () => {
    const changes = [
      { status: 'processing', statusEpoch: 0, refusalReason: null },
      { status: 'approved', statusEpoch: 0, refusalReason: null },
      { status: 'refused', statusEpoch: 0, refusalReason: 'no_records' },
      { status: 'processing', statusEpoch: 1, refusalReason: null },
      { status: 'ready', statusEpoch: 1, refusalReason: null },
      { status: 'approved', statusEpoch: 1, refusalReason: null }
    ]
    const orders = permutations(changes.map((_, i) => i))
    expect(orders).toHaveLength(720)
    for (const order of orders) {
      let state: RecordState = {
        data: { status: 'accepted', statusEpoch: 0, refusalReason: null },
        stamps: {},
        deleted: false
      }
      order.forEach((i, step) => {
        const fields = changes[i]
        const hlc = encodeHlc({ ms: 1_000 + i, counter: 0 }, `desk-${i}`)
        const next = mergeOp(
          entitySpecs.extract_request,
          state,
          { op: 'update', fields, hlc, deviceId: `desk-${i}`, seenSeq: 0 },
          step + 1
        ).state!
        expect(compareStatus(statusRule, next.data, state.data)).toBeGreaterThanOrEqual(0)
        state = next
      })
      expect(state.data).toEqual({ status: 'ready', statusEpoch: 1, refusalReason: null })
    }
  })

  it.each(backends)('converges on the server and on desks for every arrival order (%s)', async (backend) => {
    const server = await startTestServer({ backend })
    const a = await seedDesk(server, 10)
    const p = await a.call(
      'patients.create',
      { draft: { lastName: 'Порядкова', firstName: 'Нина', sex: 'F', birthDate: '1970-01-01' } },
      a.token
    )
    const orders = permutations([0, 1, 2])
    const requests = []
    for (let i = 0; i < orders.length; i++) {
      requests.push(
        await a.call(
          'requests.create',
          {
            patientId: p.id,
            applicantKind: 'self',
            channel: 'in_person',
            kind: 'brief',
            periodFrom: '2025-01-01',
            periodTo: '2026-11-01',
            purpose: 'для санатория',
            delivery: 'in_person'
          },
          a.token
        )
      )
    }
    await a.sync()
    const devices = [
      await rawDevice(server, 'Д1'),
      await rawDevice(server, 'Д2'),
      await rawDevice(server, 'Д3')
    ]
    const proposals = [
      { status: 'approved', statusEpoch: 0, refusalReason: null },
      { status: 'cancelled', statusEpoch: 0, refusalReason: null },
      { status: 'processing', statusEpoch: 1, refusalReason: null }
    ]
    const rank = async (id: string) => {
      const [row] = await server.store.db
        .select()
        .from(records)
        .where(and(eq(records.entity, 'extract_request'), eq(records.entityId, id)))
      return row.data as Record<string, unknown>
    }
    for (let i = 0; i < orders.length; i++) {
      let before = await rank(requests[i].id)
      for (const d of orders[i]) {
        await devices[d].push([
          devices[d].op('extract_request', requests[i].id, 'update', proposals[d], 5_000)
        ])
        const after = await rank(requests[i].id)
        expect(compareStatus(statusRule, after, before)).toBeGreaterThanOrEqual(0)
        before = after
      }
      expect(before).toMatchObject({ status: 'processing', statusEpoch: 1 })
    }
    await a.sync()
    const b = await joinDesk(server, 'Окно 2')
    for (const r of requests) {
      for (const desk of [a, b]) {
        const row = desk.deps.store.db
          .select()
          .from(extractRequests)
          .where(eq(extractRequests.id, r.id))
          .get()
        expect(row).toMatchObject({ status: 'processing', statusEpoch: 1 })
      }
    }
  })
})

describe.each(backends)('idempotent push (%s)', (backend) => {
  it('a replayed, reordered or duplicated batch creates nothing twice', async () => {
    const server = await startTestServer({ backend })
    const a = await seedDesk(server, 10)
    const b = await joinDesk(server, 'Окно 2')
    const device = await rawDevice(server, 'Повтор')
    const patientId = '0193a000-0000-7000-8000-000000000001'
    const ops = [
      device.op(
        'patient',
        patientId,
        'insert',
        patientFields({ lastName: 'Повторова', firstName: 'Ольга', birthDate: '1985-02-02', phone: '+7 1' }),
        10_000
      ),
      device.op('patient', patientId, 'update', { phone: '+7 2' }, 10_001),
      device.op('patient', patientId, 'update', { email: 'p@example.org' }, 10_002)
    ]
    const first = await device.push(ops)
    const logged = async () => (await server.store.db.select({ n: sql<number>`count(*)` }).from(log))[0].n
    const entries = Number(await logged())
    expect(await device.push(ops)).toEqual(first)
    expect(await device.push([...ops].reverse())).toEqual(first)
    const dup = await device.push([ops[0], ops[1], ops[1], ops[2], ops[0]])
    expect(new Set(dup.results.map((r) => r.seq))).toEqual(new Set(first.results.map((r) => r.seq)))
    expect(Number(await logged())).toBe(entries)
    // The desk's own outbox sent again after a lost answer is a replay too.
    a.deps.store.db.update(outbox).set({ pushedAt: null, ackSeq: null }).run()
    await settle([a, b])
    expect(Number(await logged())).toBe(entries)
    for (const d of [a, b]) {
      const rows = d.deps.store.db.select().from(patients).where(eq(patients.lastName, 'Повторова')).all()
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ phone: '+7 2', email: 'p@example.org' })
    }
  })
})
