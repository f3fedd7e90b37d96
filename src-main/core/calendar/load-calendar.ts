// Reads the shipped (or administrator-updated) calendar files. The directory is passed in so that tests and the
// packaged app each point at their own resources folder.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import {
  CalendarError,
  createProductionCalendar,
  type CalendarYear,
  type ProductionCalendar
} from './production-calendar'

const CALENDAR_FILE = /^ru-(\d{4})\.json$/

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

// Strict: a misspelt key such as "holiday" would otherwise be dropped silently and every deadline of the year shift.
const calendarYearSchema = z.strictObject({
  year: z.number().int(),
  source: z.string().min(1),
  holidays: z.array(isoDate),
  workingWeekends: z.array(isoDate),
  shortenedDays: z.array(isoDate).optional(),
  notes: z.string(),
  provisional: z.boolean().optional()
})

const russianErrors = { error: z.locales.ru().localeError }

function invalidFile(name: string, message: string): CalendarError {
  return new CalendarError('calendar.invalid_data', `Файл производственного календаря ${name}: ${message}`)
}

async function readYearFile(dir: string, name: string, fileYear: number): Promise<CalendarYear> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(join(dir, name), 'utf8'))
  } catch (cause) {
    throw invalidFile(name, `не читается как JSON (${(cause as Error).message})`)
  }
  const parsed = calendarYearSchema.safeParse(json, russianErrors)
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'корень'}: ${issue.message}`
    )
    throw invalidFile(name, problems.join('; '))
  }
  if (parsed.data.year !== fileYear) throw invalidFile(name, `внутри указан ${parsed.data.year} год`)
  return parsed.data
}

/** All `ru-YYYY.json` files in `dir`, shape-checked, in year order. */
export async function loadCalendarYears(dir: string): Promise<CalendarYear[]> {
  const files = (await readdir(dir))
    .flatMap((name) => {
      const match = CALENDAR_FILE.exec(name)
      return match ? [{ name, year: Number(match[1]) }] : []
    })
    .sort((a, b) => a.year - b.year)
  if (files.length === 0) {
    throw new CalendarError(
      'calendar.invalid_data',
      `В папке ${dir} нет файлов производственного календаря ru-ГГГГ.json`
    )
  }
  return Promise.all(files.map(({ name, year }) => readYearFile(dir, name, year)))
}

/** Loads the files and builds the calendar, which also checks the dates themselves. */
export async function loadProductionCalendar(dir: string): Promise<ProductionCalendar> {
  return createProductionCalendar(await loadCalendarYears(dir))
}
