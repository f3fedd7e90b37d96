// Производственный календарь and deadlines counted in its working days. Dates are 'YYYY-MM-DD' calendar dates
// without a time zone; arithmetic runs on UTC day numbers so that a desk's own offset can never shift a day.

export type IsoDate = string

/** One year of the calendar as shipped in resources/calendar/ru-YYYY.json. */
export interface CalendarYear {
  year: number
  source: string
  /** Non-working Mon–Fri dates: public holidays (ст. 112 ТК РФ) and days off moved onto weekdays. */
  holidays: IsoDate[]
  /** Saturdays and Sundays the decree made working days. */
  workingWeekends: IsoDate[]
  /** Предпраздничные days, an hour shorter. Kept for the record; deadlines count them as full days. */
  shortenedDays?: IsoDate[]
  notes: string
  /** The year's decree is not out yet: the data follow the Labour Code alone and will change. */
  provisional?: boolean
}

export type CalendarErrorCode =
  'calendar.unknown_year' | 'calendar.invalid_date' | 'calendar.invalid_argument' | 'calendar.invalid_data'

export class CalendarError extends Error {
  readonly code: CalendarErrorCode

  constructor(code: CalendarErrorCode, message: string) {
    super(message)
    this.name = 'CalendarError'
    this.code = code
  }
}

/** The legal ceiling for an extract: 30 calendar days from registration of the request. */
export const EXTRACT_CEILING_CALENDAR_DAYS = 30

export interface DueDateRequest {
  registeredOn: IsoDate
  businessDays: number
  /** Calendar days from registration the due date may never pass; no ceiling when omitted. */
  ceilingCalendarDays?: number
}

export interface ProductionCalendar {
  readonly years: readonly number[]
  isWorkingDay(date: IsoDate): boolean
  /** Whether the date falls in a year whose data are provisional, so a deadline there may still move. */
  isProvisional(date: IsoDate): boolean
  addBusinessDays(start: IsoDate, n: number): IsoDate
  businessDaysBetween(from: IsoDate, to: IsoDate): number
  dueDate(request: DueDateRequest): IsoDate
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

function toDayNumber(date: IsoDate): number {
  const match = DATE_PATTERN.exec(date)
  if (match) {
    const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY
    // Date.UTC quietly rolls 2025-02-30 into March; only a round trip proves the date exists.
    if (fromDayNumber(day) === date) return day
  }
  throw new CalendarError('calendar.invalid_date', `Некорректная дата «${date}»: ожидается ГГГГ-ММ-ДД`)
}

function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear()
}

function isWeekend(day: number): boolean {
  const weekday = new Date(day * MS_PER_DAY).getUTCDay()
  return weekday === 0 || weekday === 6
}

interface YearDays {
  daysOff: Set<number>
  workingWeekends: Set<number>
  provisional: boolean
}

function invalidData(year: number, message: string): CalendarError {
  return new CalendarError('calendar.invalid_data', `Производственный календарь на ${year} год: ${message}`)
}

// A Saturday among the holidays or a weekday among the working weekends changes nothing and is most likely a typo
// for a neighbouring date, so it is refused here rather than let a wrong deadline through.
function indexYear(record: CalendarYear): YearDays {
  const { year } = record
  const daysInYear = (dates: IsoDate[], field: string): Set<number> => {
    const days = new Set<number>()
    for (const date of dates) {
      const day = toDayNumber(date)
      if (yearOf(day) !== year) throw invalidData(year, `дата ${date} в поле ${field} из другого года`)
      days.add(day)
    }
    return days
  }
  const daysOff = daysInYear(record.holidays, 'holidays')
  const workingWeekends = daysInYear(record.workingWeekends, 'workingWeekends')
  for (const day of daysOff) {
    if (isWeekend(day)) {
      throw invalidData(year, `${fromDayNumber(day)} в списке holidays — суббота или воскресенье`)
    }
  }
  for (const day of workingWeekends) {
    if (!isWeekend(day)) {
      throw invalidData(year, `${fromDayNumber(day)} в списке workingWeekends — будний день`)
    }
  }
  daysInYear(record.shortenedDays ?? [], 'shortenedDays')
  return { daysOff, workingWeekends, provisional: record.provisional === true }
}

function requireWholeNumber(value: number, name: string, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new CalendarError(
      'calendar.invalid_argument',
      `${name} должно быть целым числом не меньше ${min}, получено ${value}`
    )
  }
}

export function createProductionCalendar(years: CalendarYear[]): ProductionCalendar {
  const byYear = new Map<number, YearDays>()
  for (const record of years) {
    if (!Number.isInteger(record.year)) throw invalidData(record.year, 'год должен быть целым числом')
    if (byYear.has(record.year)) throw invalidData(record.year, 'год задан дважды')
    byYear.set(record.year, indexYear(record))
  }
  const known = [...byYear.keys()].sort((a, b) => a - b)

  const yearDays = (day: number): YearDays => {
    const year = yearOf(day)
    const found = byYear.get(year)
    if (!found) {
      const list = known.length > 0 ? known.join(', ') : 'нет ни одного'
      throw new CalendarError(
        'calendar.unknown_year',
        `Нет производственного календаря на ${year} год (дата ${fromDayNumber(day)}); загружены годы: ${list}`
      )
    }
    return found
  }

  const isWorkingDayNumber = (day: number): boolean => {
    const { daysOff, workingWeekends } = yearDays(day)
    return isWeekend(day) ? workingWeekends.has(day) : !daysOff.has(day)
  }

  // The deadline is the n-th working day after the registration day (ст. 191 ГК РФ: a period runs from the day after
  // the event). A request registered on a day off — a portal request that came in on a Saturday — counts as registered
  // on the next working day, so it still gets n full working days; n = 0 gives that working day itself.
  const addBusinessDays = (start: IsoDate, n: number): IsoDate => {
    requireWholeNumber(n, 'Число рабочих дней', 0)
    let day = toDayNumber(start)
    while (!isWorkingDayNumber(day)) day++
    let left = n
    while (left > 0) {
      day++
      if (isWorkingDayNumber(day)) left--
    }
    return fromDayNumber(day)
  }

  // Working days in (from, to]: "how many working days are left until the due date", negative once it has passed.
  const businessDaysBetween = (from: IsoDate, to: IsoDate): number => {
    const start = toDayNumber(from)
    const end = toDayNumber(to)
    const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1]
    let count = 0
    for (let day = low + 1; day <= high; day++) if (isWorkingDayNumber(day)) count++
    return sign * count
  }

  const dueDate = ({ registeredOn, businessDays, ceilingCalendarDays }: DueDateRequest): IsoDate => {
    const due = addBusinessDays(registeredOn, businessDays)
    if (ceilingCalendarDays === undefined) return due
    requireWholeNumber(ceilingCalendarDays, 'Предельный срок в календарных днях', 1)
    const registered = toDayNumber(registeredOn)
    const ceiling = registered + ceilingCalendarDays
    if (toDayNumber(due) <= ceiling) return due
    // ст. 193 ГК РФ would push a ceiling that lands on a day off forward, past the legal limit; the desk must not
    // cross it, so the due date steps back to the last working day before the ceiling instead.
    let day = ceiling
    while (day > registered && !isWorkingDayNumber(day)) day--
    return fromDayNumber(day)
  }

  return {
    years: known,
    isWorkingDay: (date) => isWorkingDayNumber(toDayNumber(date)),
    isProvisional: (date) => yearDays(toDayNumber(date)).provisional,
    addBusinessDays,
    businessDaysBetween,
    dueDate
  }
}
