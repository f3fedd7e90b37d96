// A desk's own changes come back to it short: once the server has kept an op exactly as the desk sent it, the desk
// holds all of it already, and the log gives that desk the entry without its fields. Every other reader, and a desk
// that does not ask (an older one), gets the entry whole; an op the server changed comes back whole to its desk too.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { LogPage, type LogEntry } from '../../../src-main/contract/sync-protocol'
import { patientFields, rawDevice, rawRequest, type RawDevice } from './support/raw-device'
import { backends, seedDesk, startTestServer, type TestServer } from './support/sync-env'

async function readLog(server: TestServer, d: RawDevice, after: number, short: boolean): Promise<LogEntry[]> {
  const echo = short ? '&echo=short' : ''
  const res = await rawRequest(server, `/v1/log?after=${after}&maxBytes=1000000${echo}`, {
    token: d.token,
    generation: d.generation
  })
  expect(res.status).toBe(200)
  return LogPage.parse(res.body).entries
}

describe('own entries sent back short', () => {
  it.each(backends)('only to the desk that sent them, only when kept as sent (%s)', async (backend) => {
    const server = await startTestServer({ backend })
    const seed = await seedDesk(server, 10)
    const a = await rawDevice(server, 'Окно 2')
    const b = await rawDevice(server, 'Окно 3')
    const [first, second] = [randomUUID(), randomUUID()]
    const inserted = await a.push([
      a.op(
        'patient',
        first,
        'insert',
        patientFields({ lastName: 'Эхова', phone: '+7 900 000-00-01' }),
        30_000
      ),
      a.op('patient', second, 'insert', patientFields({ lastName: 'Откликов', sex: 'M' }), 30_001)
    ])
    const after = inserted.results[0].seq - 1
    // The other desk's newer phone wins; desk A's older one loses and is kept as lost.
    await b.push([b.op('patient', first, 'update', { phone: '+7 900 000-00-02' }, 50_000)])
    await a.push([a.op('patient', first, 'update', { phone: '+7 900 000-00-03' }, 40_000)])

    const mine = await readLog(server, a, after, true)
    expect(mine.map((e) => [e.deviceId, e.asSent ?? false])).toEqual([
      [a.id, true],
      [a.id, true],
      [b.id, false],
      [a.id, false]
    ])
    for (const e of mine.slice(0, 2)) {
      expect(e).toMatchObject({ entity: 'patient', op: 'insert', outcome: 'applied', fields: {}, lost: [] })
      expect(e.hlc).not.toBe('')
    }
    expect(mine[2].fields).toMatchObject({ phone: '+7 900 000-00-02' })
    expect(mine[3].lost.map((l) => l.value)).toEqual(['+7 900 000-00-03'])

    // Asked without echo=short, as an older desk does: whole. Read by another desk: whole, but for its own.
    const older = await readLog(server, a, after, false)
    expect(older.map((e) => e.asSent ?? false)).toEqual([false, false, false, false])
    const other = await readLog(server, b, after, true)
    expect(other.map((e) => e.asSent ?? false)).toEqual([false, false, true, false])
    for (const whole of [older, other]) {
      expect(whole[0].fields).toMatchObject({ lastName: 'Эхова', phone: '+7 900 000-00-01' })
      expect(whole[1].fields).toMatchObject({ lastName: 'Откликов' })
    }

    // The desk that brought the clinic pulls the same log through the real engine and takes A's cards whole.
    await seed.sync()
    const names = seed.deps.store.sqlite
      .prepare('SELECT last_name FROM patients WHERE id IN (?, ?) ORDER BY last_name')
      .pluck()
      .all(first, second)
    expect(names).toEqual(['Откликов', 'Эхова'])
  })
})
