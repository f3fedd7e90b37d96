// An op that breaks the rules is set aside for a person without blocking the ops behind it; an op that refers to a
// record the server has not got yet waits for it and goes through when it arrives.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { patients, representatives } from '../../../src-main/core/db/schema'
import { log } from '../../../src-server/db/schema'
import { patientFields, rawDevice, rawRequest } from './support/raw-device'
import { seedDesk, startTestServer } from './support/sync-env'

const fields = (lastName: string, snils: string | null) => patientFields({ lastName, snils })

describe('ops set aside', () => {
  it('an invalid op goes to review and the queue goes on; a waiting op is released by its record', async () => {
    const server = await startTestServer()
    const a = await seedDesk(server, 10)
    const d = await rawDevice(server, 'Чужая программа')
    const p1 = '0193a000-0000-7000-8000-0000000000a1'
    const bad = '0193a000-0000-7000-8000-0000000000a2'
    const res = await d.push([
      d.op('patient', p1, 'insert', fields('Первая', null), 20_000),
      d.op('patient', bad, 'insert', fields('Неверная', '11223344596'), 20_001),
      d.op('patient', p1, 'update', { phone: '+7 3' }, 20_002),
      d.op('extract_request', p1, 'update', { status: 'flying' }, 20_003)
    ])
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'review', 'applied', 'review'])
    expect(res.results[1].message).toContain('СНИЛС')
    expect(res.ackedThrough).toBe(4)
    const review = await rawRequest(server, '/v1/admin/review', { token: 'test-admin-token-0123456789' })
    expect((review.body as unknown[]).length).toBe(2)
    const [rejected] = await server.store.db.select().from(log).where(eq(log.entityId, bad))
    expect(rejected.outcome).toBe('rejected')

    const p2 = '0193a000-0000-7000-8000-0000000000b1'
    const rep = '0193a000-0000-7000-8000-0000000000b2'
    const waiting = await d.push([
      d.op(
        'representative',
        rep,
        'insert',
        {
          patientId: p2,
          fullName: 'Вторая Мать',
          relation: 'parent',
          identityDocument: null,
          authorityDocument: null,
          poaNumber: null,
          poaDate: null,
          poaValidUntil: null,
          poaNotarised: false,
          createdAt: '2026-11-20T06:00:00.000Z'
        },
        20_004
      )
    ])
    expect(waiting.results[0]).toMatchObject({ status: 'review', seq: 0 })
    const arrived = await d.push([d.op('patient', p2, 'insert', fields('Вторая', null), 20_005)])
    expect(arrived.results[0].status).toBe('applied')
    await a.sync()
    expect(
      a.deps.store.db.select().from(representatives).where(eq(representatives.id, rep)).get()?.patientId
    ).toBe(p2)
    expect(a.deps.store.db.select().from(patients).where(eq(patients.id, p1)).get()).toMatchObject({
      phone: '+7 3'
    })
    expect(a.deps.store.db.select().from(patients).where(eq(patients.id, bad)).get()).toBeUndefined()
  })
})
