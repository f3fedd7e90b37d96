// The hand-written check of a snapshot record line agrees with the schema, as the log page's does: whatever it
// accepts the schema accepts with the same result, a record it declines the schema refuses, and the other lines
// are left to the schema.
import { describe, expect, it } from 'vitest'
import { fastSnapshotRecord, SnapshotLine } from '../../../src-main/contract/sync-protocol'

const good = {
  type: 'record',
  entity: 'patient',
  entityId: 'p1',
  data: { lastName: 'Иванов', phone: null, services: [{ code: 'B01' }] },
  deleted: false
}

const variants: Record<string, unknown>[] = [
  {},
  { extra: 'dropped' },
  { deleted: true },
  { deleted: 'false' },
  { deleted: undefined },
  { entity: 7 },
  { entityId: null },
  { data: [] },
  { data: null },
  { data: 'text' },
  { data: {} },
  { data: { ['k'.repeat(64)]: 1 } },
  { data: { ['k'.repeat(65)]: 1 } }
]

describe('fast snapshot record check', () => {
  it('accepts exactly the records the schema accepts, with the schema’s result', () => {
    for (const v of variants) {
      const line = JSON.parse(JSON.stringify({ ...good, ...v })) as unknown
      const schema = SnapshotLine.safeParse(line)
      const fast = fastSnapshotRecord(line)
      if (fast) expect(schema.data, JSON.stringify(v)).toEqual(fast)
      else expect(schema.success, JSON.stringify(v)).toBe(false)
    }
  })

  it('leaves the head, page and end lines, and anything else, to the schema', () => {
    for (const line of [
      { type: 'head', upTo: 3, generation: 'g' },
      { type: 'page', after: '[1,"patient","p1"]' },
      { type: 'end' },
      { ...good, type: 'Record' },
      null,
      []
    ])
      expect(fastSnapshotRecord(line)).toBeNull()
  })
})
