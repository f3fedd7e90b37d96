// Stamps kept packed in the server's records table: the same stamps come back, and records written before packing
// still read.
import { describe, expect, it } from 'vitest'
import { packStamps, unpackStamps } from '../../../src-server/stamps'

describe('packed field stamps', () => {
  const first = { h: '2026-11-22T07:00:00.000Z-0000-desk-a', s: 10, d: 'desk-a' }
  const later = { h: '2026-11-22T08:00:00.000Z-0000-desk-b', s: 42, d: 'desk-b' }

  it('keeps each distinct stamp once and gives every field its own back', () => {
    const stamps = { lastName: first, firstName: first, phone: later, email: { ...later } }
    const packed = packStamps(stamps)
    expect(packed.k).toHaveLength(2)
    expect(unpackStamps(JSON.parse(JSON.stringify(packed)))).toEqual(stamps)
  })

  it('reads stamps stored one object per field, as records written before packing hold them', () => {
    const old = { lastName: first, phone: later }
    expect(unpackStamps(old)).toEqual(old)
    expect(unpackStamps({})).toEqual({})
  })
})
