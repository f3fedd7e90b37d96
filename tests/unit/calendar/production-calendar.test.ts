import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadCalendarYears, loadProductionCalendar } from '../../../src-main/core/calendar/load-calendar'
import {
  CalendarError,
  createProductionCalendar,
  EXTRACT_CEILING_CALENDAR_DAYS,
  type CalendarYear,
  type ProductionCalendar
} from '../../../src-main/core/calendar/production-calendar'

const CALENDAR_DIR = fileURLToPath(new URL('../../../resources/calendar', import.meta.url))

let calendar: ProductionCalendar
let years: CalendarYear[]

beforeAll(async () => {
  years = await loadCalendarYears(CALENDAR_DIR)
  calendar = createProductionCalendar(years)
})

function datesOfYear(year: number): string[] {
  const dates: string[] = []
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10))
  }
  return dates
}

function workingDaysPerMonth(year: number): number[] {
  const months = Array<number>(12).fill(0)
  for (const date of datesOfYear(year))
    if (calendar.isWorkingDay(date)) months[Number(date.slice(5, 7)) - 1]++
  return months
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0)

function expectCalendarError(run: () => unknown, code: CalendarError['code'], message: RegExp): void {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarError)
    expect((error as CalendarError).code).toBe(code)
    expect((error as CalendarError).message).toMatch(message)
    return
  }
  throw new Error('expected a CalendarError')
}

describe('shipped calendar data', () => {
  it('holds 2025, 2026 and 2027', () => {
    expect(calendar.years).toEqual([2025, 2026, 2027])
  })

  // Published five-day-week figures: 247 for 2025 and for 2026 (production-calendar tables and press reports).
  it.each([
    [2025, 247],
    [2026, 247]
  ])('%i has the published number of working days', (year, count) => {
    expect(sum(workingDaysPerMonth(year))).toBe(count)
  })

  it('2026 matches the published month-by-month table', () => {
    expect(workingDaysPerMonth(2026)).toEqual([15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22])
  })

  it('2025 November has 19 working days, counting the working Saturday', () => {
    expect(workingDaysPerMonth(2025)[10]).toBe(19)
  })

  // No decree for 2027 yet: the Labour Code alone gives 249; the decree moving 2 and 3 January onto weekdays will
  // bring it to 247. When the file is replaced this test must change with it, and the provisional flag must go.
  it('2027 is provisional and counts 249 days until its decree is out', () => {
    expect(sum(workingDaysPerMonth(2027))).toBe(249)
    expect(calendar.isProvisional('2027-06-01')).toBe(true)
    expect(calendar.isProvisional('2026-06-01')).toBe(false)
    expect(calendar.isProvisional('2025-06-01')).toBe(false)
  })

  it.each([2025, 2026, 2027])('%i: every ст. 112 holiday on a weekday is a day off', (year) => {
    const fixed = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08']
    fixed.push('02-23', '03-08', '05-01', '05-09', '06-12', '11-04')
    for (const monthDay of fixed) {
      const date = `${year}-${monthDay}`
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
      if (weekday !== 0 && weekday !== 6) expect(calendar.isWorkingDay(date), date).toBe(false)
    }
  })
})

describe('isWorkingDay', () => {
  it.each([
    // 2025: decree № 1335
    ['2025-01-08', false, 'last day of the New Year break'],
    ['2025-01-09', true, 'first working day of 2025'],
    ['2025-02-24', true, 'Sunday 23 February was moved to 8 May, not to the Monday'],
    ['2025-03-10', true, 'Saturday 8 March was moved to 13 June, not to the Monday'],
    ['2025-05-02', false, 'moved from Saturday 4 January'],
    ['2025-05-08', false, 'moved from Sunday 23 February'],
    ['2025-06-13', false, 'moved from Saturday 8 March'],
    ['2025-11-01', true, 'working Saturday'],
    ['2025-11-03', false, 'moved from Saturday 1 November'],
    ['2025-11-08', false, 'an ordinary Saturday'],
    ['2025-12-31', false, 'moved from Sunday 5 January'],
    // 2026: decree № 1466
    ['2026-01-09', false, 'moved from Saturday 3 January'],
    ['2026-01-12', true, 'first working day of 2026'],
    ['2026-03-09', false, 'Sunday 8 March moves to Monday by ст. 112'],
    ['2026-05-11', false, 'Saturday 9 May moves to Monday by ст. 112'],
    ['2026-12-31', false, 'moved from Sunday 4 January'],
    // 2027: Labour Code only
    ['2027-05-03', false, 'Saturday 1 May moves to Monday by ст. 112'],
    ['2027-05-10', false, 'Sunday 9 May moves to Monday by ст. 112'],
    ['2027-06-14', false, 'Saturday 12 June moves to Monday by ст. 112'],
    ['2027-01-11', true, 'first working day of 2027 (provisional)']
  ])('%s → %s (%s)', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working)
  })
})

describe('addBusinessDays', () => {
  it.each([
    // Across the New Year break, 2025 → 2026.
    ['2025-12-30', 1, '2026-01-12'],
    ['2025-12-30', 3, '2026-01-14'],
    // May 2025: 1–4 and 8–11 off, 5–7 working.
    ['2025-04-30', 1, '2025-05-05'],
    ['2025-04-30', 3, '2025-05-07'],
    ['2025-04-30', 4, '2025-05-12'],
    // The working Saturday counts, the day off moved to Monday does not.
    ['2025-10-31', 1, '2025-11-01'],
    ['2025-10-31', 2, '2025-11-05'],
    ['2025-11-01', 1, '2025-11-05'],
    // May 2026: 1–3 and 9–11 off.
    ['2026-04-30', 5, '2026-05-08'],
    ['2026-04-30', 6, '2026-05-12'],
    // June 2025: 12–15 off.
    ['2025-06-11', 1, '2025-06-16'],
    // Across the New Year break, 2026 → 2027 (provisional data).
    ['2026-12-30', 3, '2027-01-13'],
    // Ordinary week: Friday + 1 is Monday.
    ['2025-09-05', 1, '2025-09-08']
  ] as const)('%s + %i working days → %s', (start, n, expected) => {
    expect(calendar.addBusinessDays(start, n)).toBe(expected)
  })

  it('treats a request registered on a day off as registered on the next working day', () => {
    // Friday 3 January 2025 is a holiday: counting starts as if registered on Thursday 9 January.
    expect(calendar.addBusinessDays('2025-01-03', 0)).toBe('2025-01-09')
    expect(calendar.addBusinessDays('2025-01-03', 1)).toBe('2025-01-10')
    expect(calendar.addBusinessDays('2025-01-03', 3)).toBe('2025-01-14')
    // A portal request on an ordinary Saturday gets the same deadline as one registered on Monday.
    expect(calendar.addBusinessDays('2025-09-06', 3)).toBe(calendar.addBusinessDays('2025-09-08', 3))
    expect(calendar.addBusinessDays('2025-09-06', 3)).toBe('2025-09-11')
  })

  it('refuses a negative or fractional count', () => {
    expectCalendarError(
      () => calendar.addBusinessDays('2025-09-08', -1),
      'calendar.invalid_argument',
      /целым/
    )
    expectCalendarError(
      () => calendar.addBusinessDays('2025-09-08', 1.5),
      'calendar.invalid_argument',
      /целым/
    )
  })
})

describe('businessDaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(calendar.businessDaysBetween('2025-12-30', '2026-01-12')).toBe(1)
    expect(calendar.businessDaysBetween('2025-04-30', '2025-05-12')).toBe(4)
    expect(calendar.businessDaysBetween('2025-10-31', '2025-11-05')).toBe(2)
    expect(calendar.businessDaysBetween('2025-09-08', '2025-09-08')).toBe(0)
  })

  it('is negative once the due date has passed', () => {
    expect(calendar.businessDaysBetween('2025-05-12', '2025-04-30')).toBe(-4)
  })

  it('undoes addBusinessDays from a working day', () => {
    for (const n of [0, 1, 3, 5, 7, 30]) {
      const due = calendar.addBusinessDays('2025-12-22', n)
      expect(calendar.businessDaysBetween('2025-12-22', due)).toBe(n)
    }
  })
})

describe('dueDate', () => {
  it('is the business-day deadline when it falls inside the ceiling', () => {
    expect(calendar.dueDate({ registeredOn: '2025-04-30', businessDays: 7, ceilingCalendarDays: 30 })).toBe(
      '2025-05-15'
    )
    expect(calendar.dueDate({ registeredOn: '2025-12-30', businessDays: 3 })).toBe('2026-01-14')
  })

  it('never goes past 30 calendar days from registration', () => {
    // 20 working days from 22 December 2025 run to 29 January 2026; the ceiling is Wednesday 21 January.
    expect(calendar.addBusinessDays('2025-12-22', 20)).toBe('2026-01-29')
    expect(
      calendar.dueDate({
        registeredOn: '2025-12-22',
        businessDays: 20,
        ceilingCalendarDays: EXTRACT_CEILING_CALENDAR_DAYS
      })
    ).toBe('2026-01-21')
  })

  it('steps back to the last working day when the ceiling falls on a day off', () => {
    // 4 December 2025 + 30 days = Saturday 3 January 2026; 31 December to 11 January are off.
    expect(calendar.dueDate({ registeredOn: '2025-12-04', businessDays: 25, ceilingCalendarDays: 30 })).toBe(
      '2025-12-30'
    )
  })

  it('keeps a deadline that lands exactly on the ceiling', () => {
    // 2 June 2025 + 30 days = 2 July 2025 (Wednesday), which is also the 20th working day.
    expect(calendar.addBusinessDays('2025-06-02', 20)).toBe('2025-07-02')
    expect(calendar.dueDate({ registeredOn: '2025-06-02', businessDays: 20, ceilingCalendarDays: 30 })).toBe(
      '2025-07-02'
    )
    expect(calendar.dueDate({ registeredOn: '2025-06-02', businessDays: 21, ceilingCalendarDays: 30 })).toBe(
      '2025-07-02'
    )
  })

  it('refuses a ceiling that is not a positive whole number', () => {
    expectCalendarError(
      () => calendar.dueDate({ registeredOn: '2025-06-02', businessDays: 3, ceilingCalendarDays: 0 }),
      'calendar.invalid_argument',
      /целым/
    )
  })
})

describe('errors', () => {
  it('refuses a date in a year the calendar does not know', () => {
    expectCalendarError(() => calendar.isWorkingDay('2024-12-31'), 'calendar.unknown_year', /2024 год/)
    expectCalendarError(
      () => calendar.isWorkingDay('2028-01-10'),
      'calendar.unknown_year',
      /2025, 2026, 2027/
    )
  })

  it('refuses a deadline that runs into an unknown year rather than guessing', () => {
    expectCalendarError(() => calendar.addBusinessDays('2027-12-28', 5), 'calendar.unknown_year', /2028 год/)
    expectCalendarError(
      () => calendar.businessDaysBetween('2027-12-30', '2028-01-20'),
      'calendar.unknown_year',
      /2028 год/
    )
  })

  it.each(['2025-02-29', '2025-13-01', '25.01.2025', '2025-1-9', ''])(
    'refuses the malformed date «%s»',
    (date) => {
      expectCalendarError(() => calendar.isWorkingDay(date), 'calendar.invalid_date', /Некорректная дата/)
    }
  )

  const base: CalendarYear = {
    year: 2030,
    source: 'тест',
    holidays: [],
    workingWeekends: [],
    notes: ''
  }

  it.each([
    [{ ...base, holidays: ['2030-01-05'] }, /суббота или воскресенье/],
    [{ ...base, workingWeekends: ['2030-01-07'] }, /будний день/],
    [{ ...base, holidays: ['2031-01-07'] }, /из другого года/],
    [{ ...base, holidays: ['2030-02-30'] }, /Некорректная дата/]
  ])('refuses inconsistent year data', (record, message) => {
    expect(() => createProductionCalendar([record])).toThrow(message)
  })

  it('refuses the same year twice', () => {
    expect(() => createProductionCalendar([base, base])).toThrow(/задан дважды/)
  })
})

describe('loadCalendarYears', () => {
  let dir: string | undefined

  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
    dir = undefined
  })

  async function dirWith(files: Record<string, string>): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'calendar-'))
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text)
    return dir
  }

  const valid = { year: 2030, source: 'тест', holidays: ['2030-01-01'], workingWeekends: [], notes: '' }

  it('reads only ru-YYYY.json files, in year order', async () => {
    const folder = await dirWith({
      'ru-2031.json': JSON.stringify({ ...valid, year: 2031, holidays: [] }),
      'ru-2030.json': JSON.stringify(valid),
      'README.md': 'not a calendar',
      'by-2030.json': '{}'
    })
    expect((await loadCalendarYears(folder)).map((y) => y.year)).toEqual([2030, 2031])
    expect((await loadProductionCalendar(folder)).isWorkingDay('2030-01-01')).toBe(false)
  })

  it('names the file and the field when the shape is wrong', async () => {
    const folder = await dirWith({ 'ru-2030.json': JSON.stringify({ ...valid, holidays: ['1 января'] }) })
    await expect(loadCalendarYears(folder)).rejects.toThrow(/ru-2030\.json.*holidays\.0/)
  })

  it('refuses a misspelt key instead of dropping it', async () => {
    const { workingWeekends, ...rest } = valid
    const folder = await dirWith({
      'ru-2030.json': JSON.stringify({ ...rest, workingWeekend: workingWeekends })
    })
    await expect(loadCalendarYears(folder)).rejects.toThrow(/workingWeekend/)
  })

  it('refuses a file whose year differs from its name', async () => {
    const folder = await dirWith({ 'ru-2031.json': JSON.stringify(valid) })
    await expect(loadCalendarYears(folder)).rejects.toThrow(/ru-2031\.json.*2030/)
  })

  it('refuses broken JSON and an empty folder', async () => {
    const broken = await dirWith({ 'ru-2030.json': '{ "year": 2030,' })
    await expect(loadCalendarYears(broken)).rejects.toThrow(/JSON/)
    await rm(broken, { recursive: true, force: true })
    const empty = await dirWith({})
    await expect(loadCalendarYears(empty)).rejects.toThrow(/нет файлов/)
  })
})
