// The hand-written check of an audit upload agrees with the schema, as the push body's does (push-request.test.ts).
import { describe, expect, it } from 'vitest'
import { AuditUpload, fastAuditUpload } from '../../../src-main/contract/sync-protocol'

const good = {
  id: '0b7c2a9e-4f1d-4c8a-9e2b-1d2c3b4a5f60',
  seq: 7,
  at: '2026-12-07T09:00:00.000Z',
  userId: 'u-registrar',
  action: 'patient.create',
  entity: 'patient',
  entityId: 'p1',
  patientId: 'p1',
  details: '{"lastName":"Иванов"}',
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64)
}

const variants: Record<string, unknown>[] = [
  {},
  { extra: 'dropped' },
  { id: 'x'.repeat(65) },
  { id: 7 },
  { seq: 1.5 },
  { seq: '7' },
  { seq: -3 },
  { at: 'x'.repeat(41) },
  { userId: null },
  { userId: undefined },
  { entityId: null },
  { patientId: 'x'.repeat(65) },
  { action: '' },
  { action: 'x'.repeat(81) },
  { entity: 'x'.repeat(41) },
  { details: 'x'.repeat(100_001) },
  { details: null },
  { prevHash: '' },
  { hash: 'x'.repeat(65) }
]

describe('fast audit upload check', () => {
  it('accepts exactly what the schema accepts, with the schema’s result', () => {
    for (const v of variants) {
      const body = JSON.parse(JSON.stringify({ events: [good, { ...good, ...v }] })) as unknown
      const schema = AuditUpload.safeParse(body)
      const fast = fastAuditUpload(body)
      if (fast) expect(schema.data, JSON.stringify(v)).toEqual(fast)
      else expect(schema.success, JSON.stringify(v)).toBe(false)
    }
  })

  it('declines bodies that are not a list of at most two thousand events', () => {
    for (const body of [null, [], {}, { events: {} }, { events: Array(2001).fill(good) }])
      expect(fastAuditUpload(body)).toBeNull()
    expect(fastAuditUpload({ events: [] })?.events).toEqual([])
    expect(fastAuditUpload({ events: Array(2000).fill(good) })?.events).toHaveLength(2000)
  })
})
