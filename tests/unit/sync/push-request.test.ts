// The hand-written check of a push body agrees with the schema: whatever it accepts the schema accepts, with the
// same result, and it declines (leaving the schema to name the fault) whatever the schema refuses.
import { describe, expect, it } from 'vitest'
import { fastPushRequest, PushRequest } from '../../../src-main/contract/sync-protocol'

const good = {
  opId: '0b7c2a9e-4f1d-4c8a-9e2b-1d2c3b4a5f60',
  deviceSeq: 1,
  hlc: '001764000000000:00000:desk-a',
  entity: 'patient',
  entityId: 'p1',
  op: 'insert',
  fields: { lastName: 'Иванов', phone: null },
  baseVersion: 0,
  seenSeq: 0,
  schemaVersion: 1
}

const variants: Record<string, unknown>[] = [
  {},
  { extra: 'dropped' },
  { opId: 'not-a-uuid' },
  { opId: good.opId.toUpperCase() },
  { deviceSeq: 0 },
  { deviceSeq: 1.5 },
  { deviceSeq: 2 ** 53 },
  { deviceSeq: '1' },
  { hlc: 'yesterday' },
  { entity: '' },
  { entity: 'x'.repeat(41) },
  { entityId: 'x'.repeat(64) },
  { entityId: 'x'.repeat(65) },
  { op: 'upsert' },
  { fields: [] },
  { fields: null },
  { fields: { ['k'.repeat(64)]: 1 } },
  { fields: { ['k'.repeat(65)]: 1 } },
  { baseVersion: -1 },
  { seenSeq: null },
  { schemaVersion: undefined }
]

describe('fast push body check', () => {
  it('accepts exactly what the schema accepts, with the schema’s result', () => {
    for (const v of variants) {
      const body = JSON.parse(JSON.stringify({ ops: [good, { ...good, ...v }] })) as unknown
      const schema = PushRequest.safeParse(body)
      const fast = fastPushRequest(body)
      if (fast) expect(schema.data, JSON.stringify(v)).toEqual(fast)
      else expect(schema.success, JSON.stringify(v)).toBe(false)
    }
  })

  it('declines bodies that are not a list of one to two thousand ops', () => {
    for (const body of [null, [], {}, { ops: [] }, { ops: {} }, { ops: Array(2001).fill(good) }])
      expect(fastPushRequest(body)).toBeNull()
    expect(fastPushRequest({ ops: Array(2000).fill(good) })?.ops).toHaveLength(2000)
  })
})
