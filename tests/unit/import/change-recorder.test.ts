import { describe, expect, it } from 'vitest'
import { inTransaction } from '../../../src-main/core/context'
import { changeRecorder, recordChange } from '../../../src-main/core/outbox/outbox'
import { importCore, lastOutboxSeq } from './support'

describe('the outbox recorder an import uses', () => {
  it('writes the rows recordChange writes: gap-free sequence, ever later stamps, same desk', async () => {
    const t = await importCore()
    const seq = lastOutboxSeq(t.deps)
    const change = (id: string) => ({
      entity: 'visit',
      entityId: id,
      op: 'update' as const,
      fields: { doctorName: id },
      baseVersion: 1
    })
    inTransaction(t.deps, () => {
      recordChange(t.deps, change('a'))
      const record = changeRecorder(t.deps)
      record(change('b'))
      record(change('c'))
      recordChange(t.deps, change('d'))
    })
    const rows = t.deps.store.sqlite
      .prepare('SELECT * FROM outbox WHERE device_seq > ? ORDER BY device_seq')
      .all(seq) as Record<string, unknown>[]
    expect(rows.map((r) => r.device_seq)).toEqual([seq + 1, seq + 2, seq + 3, seq + 4])
    expect(rows.map((r) => r.entity_id)).toEqual(['a', 'b', 'c', 'd'])
    const stamps = rows.map((r) => String(r.hlc))
    expect([...stamps].sort()).toEqual(stamps)
    expect(new Set(stamps).size).toBe(4)
    for (const key of ['device_id', 'seen_seq', 'schema_version', 'pushed_at', 'ack_seq', 'op'])
      expect(new Set(rows.map((r) => r[key])).size, key).toBe(1)
    expect(JSON.parse(String(rows[1].fields))).toEqual({ doctorName: 'b' })
  })
})
