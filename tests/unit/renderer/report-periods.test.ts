// The quick choices of a report's period: weeks start on Monday, months on the 1st, both end today.
import { describe, expect, it } from 'vitest'
import { quickChoiceOf, quickPeriod } from '../../../src-renderer/src/features/reports/periods'

describe('report periods', () => {
  it('counts today, this week from Monday and this month from the 1st', () => {
    const sunday = new Date(2026, 10, 22, 15, 0)
    expect(quickPeriod('today', sunday)).toEqual({ from: '2026-11-22', to: '2026-11-22' })
    expect(quickPeriod('week', sunday)).toEqual({ from: '2026-11-16', to: '2026-11-22' })
    expect(quickPeriod('month', sunday)).toEqual({ from: '2026-11-01', to: '2026-11-22' })
    const monday = new Date(2026, 10, 16, 9, 0)
    expect(quickPeriod('week', monday)).toEqual({ from: '2026-11-16', to: '2026-11-16' })
    // A week that began in the previous month and year.
    expect(quickPeriod('week', new Date(2027, 0, 2))).toEqual({ from: '2026-12-28', to: '2027-01-02' })
  })

  it('names the quick choice a period is, preferring the shortest', () => {
    const first = new Date(2026, 10, 1, 12)
    // On Sunday the 1st, today, this week and this month differ only in where the week starts.
    expect(quickChoiceOf({ from: '2026-11-01', to: '2026-11-01' }, first)).toBe('today')
    expect(quickChoiceOf({ from: '2026-10-26', to: '2026-11-01' }, first)).toBe('week')
    expect(quickChoiceOf({ from: '2026-11-02', to: '2026-11-20' }, first)).toBeNull()
  })
})
