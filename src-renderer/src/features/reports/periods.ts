// The quick choices of a report's period, counted in the desk's local days: today, the calendar week so far (weeks
// start on Monday in Russia), the calendar month so far.
import { localIsoDate } from '../../format/dates'

export type QuickPeriod = 'today' | 'week' | 'month'

export interface Period {
  from: string
  to: string
}

export function quickPeriod(choice: QuickPeriod, now = new Date()): Period {
  const to = localIsoDate(now)
  if (choice === 'today') return { from: to, to }
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate())
  if (choice === 'week') start.setDate(start.getDate() - ((start.getDay() + 6) % 7))
  else start.setDate(1)
  return { from: localIsoDate(start), to }
}

/** Which quick choice a period is, if any: its button shows as pressed. */
export function quickChoiceOf(period: Period, now = new Date()): QuickPeriod | null {
  for (const choice of ['today', 'week', 'month'] as const) {
    const p = quickPeriod(choice, now)
    if (p.from === period.from && p.to === period.to) return choice
  }
  return null
}
