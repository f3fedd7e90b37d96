import { describe, expect, it } from 'vitest'
import { ageOn } from '../../../src-main/core/clock'
import { uuidv7 } from '../../../src-main/core/ids'
import { createHlc, decodeHlc } from '../../../src-main/core/outbox/hlc'

describe('uuidv7', () => {
  it('is a version 7 UUID that sorts in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(1_790_000_000_000))
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('hybrid logical clock', () => {
  it('keeps local stamps strictly increasing when the wall clock goes back', () => {
    let wall = 1_000_000
    const hlc = createHlc(
      () => 'desk-a',
      () => wall
    )
    const a = hlc.next()
    wall = 500_000
    const b = hlc.next()
    const c = hlc.next()
    expect([a, b, c]).toEqual([...[a, b, c]].sort())
    expect(new Set([a, b, c]).size).toBe(3)
    expect(decodeHlc(b).ms).toBe(1_000_000)
  })

  it('orders local stamps after a stamp observed from another desk', () => {
    const hlc = createHlc(
      () => 'desk-a',
      () => 1000
    )
    hlc.observe('000000000005000:00003:desk-b')
    const next = decodeHlc(hlc.next())
    expect(next.ms).toBe(5000)
    expect(next.counter).toBeGreaterThan(3)
  })
})

describe('age', () => {
  it('turns a year older on the birthday, not before', () => {
    expect(ageOn('2011-11-21', '2026-11-20')).toBe(14)
    expect(ageOn('2011-11-21', '2026-11-21')).toBe(15)
    expect(ageOn('2012-02-29', '2027-02-28')).toBe(14)
  })
})
