// The hand-written check of a log page agrees with the schema, as the push body's does: whatever it accepts the
// schema accepts with the same result, and whatever the schema refuses it declines.
import { describe, expect, it } from 'vitest'
import { fastLogPage, LogPage } from '../../../src-main/contract/sync-protocol'

const good = {
  seq: 7,
  opId: '0b7c2a9e-4f1d-4c8a-9e2b-1d2c3b4a5f60',
  deviceId: 'desk-a',
  hlc: '001764000000000:00000:desk-a',
  entity: 'patient',
  entityId: 'p1',
  op: 'update',
  fields: { lastName: 'Иванов', phone: null },
  lost: [
    { field: 'phone', value: '+7 900 000-00-00', hlc: '001763000000000:00000:desk-b', deviceId: 'desk-b' }
  ],
  outcome: 'applied',
  at: '2026-12-07T07:00:00.000Z'
}

const lost = good.lost[0]
const variants: Record<string, unknown>[] = [
  {},
  { extra: 'dropped' },
  { seq: 1.5 },
  { seq: '7' },
  { seq: 2 ** 53 },
  { opId: 7 },
  { deviceId: null },
  { op: 'none' },
  { op: 'upsert' },
  { outcome: 'partial' },
  { outcome: 'lost' },
  { fields: [] },
  { fields: { ['k'.repeat(64)]: 1 } },
  { fields: { ['k'.repeat(65)]: 1 } },
  { lost: [] },
  { lost: {} },
  { lost: [{ ...lost, extra: 1 }] },
  { lost: [{ ...lost, value: undefined }] },
  { lost: [{ ...lost, hlc: 1 }] },
  { lost: [null] },
  { at: undefined }
]

describe('fast log page check', () => {
  it('accepts exactly what the schema accepts, with the schema’s result', () => {
    for (const v of variants) {
      const page = JSON.parse(
        JSON.stringify({ entries: [good, { ...good, ...v }], hasMore: false, headSeq: 8 })
      ) as unknown
      const schema = LogPage.safeParse(page)
      const fast = fastLogPage(page)
      if (fast) expect(schema.data, JSON.stringify(v)).toEqual(fast)
      else expect(schema.success, JSON.stringify(v)).toBe(false)
    }
  })

  it('declines pages without their list, flag or head', () => {
    for (const page of [
      null,
      [],
      {},
      { entries: [], hasMore: 'no', headSeq: 1 },
      { entries: {}, hasMore: true, headSeq: 1 }
    ])
      expect(fastLogPage(page)).toBeNull()
    expect(fastLogPage({ entries: [], hasMore: false, headSeq: 0 })).toEqual({
      entries: [],
      hasMore: false,
      headSeq: 0
    })
  })
})
