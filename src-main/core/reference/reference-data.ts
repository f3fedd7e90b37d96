// Reference data shipped in resources/reference and replaceable by an administrator: a malformed file must stop
// the app with a message that names the file, not surface later as a blank list at the desk.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { checkInn, checkOgrn } from '../../contract/identifiers'

export const documentKindGroups = [
  'referral',
  'protocol',
  'summary',
  'conclusion',
  'prescription',
  'certificate',
  'other'
] as const

const ICD10_CODE = /^[A-Z]\d{2}(\.\d{1,2})?[+*]?$/

const regionSchema = z.object({
  code: z.string().regex(/^\d{2}$/, 'нужен двузначный код субъекта, например «77»'),
  name: z.string().min(1),
  portalData: z.boolean()
})

const documentKindSchema = z.object({
  code: z.string().regex(/^[a-z0-9-]+$/, 'нужен код из латинских букв, цифр и дефисов'),
  name: z.string().min(1),
  group: z.enum(documentKindGroups),
  nsiCode: z.string().min(1).nullable()
})

const specialtySchema = z.object({
  code: z.string().regex(/^[a-z0-9-]+$/, 'нужен код из латинских букв, цифр и дефисов'),
  name: z.string().min(1),
  position: z.string().min(1)
})

const icd10Schema = z.object({
  code: z.string().regex(ICD10_CODE, 'нужен код МКБ-10, например «J06.9»'),
  name: z.string().min(1)
})

const organisationSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'нужен код из латинских букв, цифр и дефисов'),
  shortName: z.string().min(1),
  fullName: z.string().min(1),
  ogrn: z.string().refine((v) => checkOgrn(v).ok, 'ОГРН не проходит проверку контрольной цифры'),
  inn: z.string().refine((v) => checkInn(v).ok, 'ИНН не проходит проверку контрольного числа'),
  kpp: z.string().regex(/^\d{9}$/, 'КПП состоит из 9 цифр'),
  regionCode: z.string().regex(/^\d{2}$/),
  address: z.string().min(1),
  demo: z.boolean()
})

export type Region = z.infer<typeof regionSchema>
export type DocumentKind = z.infer<typeof documentKindSchema>
export type DocumentKindGroup = (typeof documentKindGroups)[number]
export type Specialty = z.infer<typeof specialtySchema>
export type Icd10Entry = z.infer<typeof icd10Schema>
export type Organisation = z.infer<typeof organisationSchema>

export interface ReferenceData {
  regions: Region[]
  documentKinds: DocumentKind[]
  specialties: Specialty[]
  icd10: Icd10Entry[]
  organisations: Organisation[]
}

export const referenceFiles = {
  regions: 'regions.json',
  documentKinds: 'document-kinds.json',
  specialties: 'specialties.json',
  icd10: 'icd10.json',
  organisations: 'organisations.json'
} as const satisfies Record<keyof ReferenceData, string>

export class ReferenceDataError extends Error {
  constructor(
    readonly file: string,
    detail: string
  ) {
    super(`Справочник ${file}: ${detail}`)
    this.name = 'ReferenceDataError'
  }
}

// Each file is { description, source, items }: JSON has no comments, and provenance must travel with the data.
function fileSchema<T extends z.ZodType>(item: T) {
  return z.object({ description: z.string().optional(), source: z.string().optional(), items: z.array(item) })
}

function describeIssue(items: unknown, issue: z.core.$ZodIssue): string {
  const [, index, ...field] = issue.path
  if (typeof index !== 'number') return issue.message
  const record = Array.isArray(items) ? (items[index] as Record<string, unknown> | undefined) : undefined
  const key = record?.code ?? record?.id
  const which = `запись ${index + 1}${typeof key === 'string' ? ` («${key}»)` : ''}`
  return field.length > 0
    ? `${which}, поле ${field.join('.')}: ${issue.message}`
    : `${which}: ${issue.message}`
}

function parseItems<T extends z.ZodType>(
  file: string,
  text: string,
  item: T,
  key: 'code' | 'id'
): z.infer<T>[] {
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new ReferenceDataError(file, `файл повреждён, это не JSON (${(error as Error).message})`)
  }
  const result = fileSchema(item).safeParse(json, { error: z.locales.ru().localeError })
  if (!result.success) {
    const items = (json as { items?: unknown } | null)?.items
    const issues = result.error.issues.slice(0, 3).map((issue) => describeIssue(items, issue))
    throw new ReferenceDataError(file, issues.join('; '))
  }
  const seen = new Set<string>()
  for (const entry of result.data.items as Record<string, unknown>[]) {
    const value = String(entry[key])
    if (seen.has(value)) throw new ReferenceDataError(file, `код «${value}» встречается дважды`)
    seen.add(value)
  }
  return result.data.items as z.infer<T>[]
}

async function readReferenceFile(dir: string, file: string): Promise<string> {
  try {
    return await readFile(join(dir, file), 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'файл не найден' : 'файл не читается'
    throw new ReferenceDataError(file, `${reason} в папке ${dir}`)
  }
}

/** Reads and checks every reference file in dir; throws ReferenceDataError naming the first bad file. */
export async function loadReferenceData(dir: string): Promise<ReferenceData> {
  const [regions, documentKinds, specialties, icd10, organisations] = await Promise.all([
    readReferenceFile(dir, referenceFiles.regions),
    readReferenceFile(dir, referenceFiles.documentKinds),
    readReferenceFile(dir, referenceFiles.specialties),
    readReferenceFile(dir, referenceFiles.icd10),
    readReferenceFile(dir, referenceFiles.organisations)
  ])
  const data: ReferenceData = {
    regions: parseItems(referenceFiles.regions, regions, regionSchema, 'code'),
    documentKinds: parseItems(referenceFiles.documentKinds, documentKinds, documentKindSchema, 'code'),
    specialties: parseItems(referenceFiles.specialties, specialties, specialtySchema, 'code'),
    icd10: parseItems(referenceFiles.icd10, icd10, icd10Schema, 'code'),
    organisations: parseItems(referenceFiles.organisations, organisations, organisationSchema, 'id')
  }
  const regionCodes = new Set(data.regions.map((r) => r.code))
  for (const org of data.organisations) {
    if (!regionCodes.has(org.regionCode)) {
      throw new ReferenceDataError(
        referenceFiles.organisations,
        `у организации «${org.id}» код региона «${org.regionCode}», которого нет в ${referenceFiles.regions}`
      )
    }
  }
  return data
}

// ---------------------------------------------------------------- import of the full МКБ-10 directory

export interface Icd10ImportError {
  /** 1-based line of the file where the bad record starts */
  line: number
  message: string
}

export interface Icd10ImportResult {
  entries: Icd10Entry[]
  errors: Icd10ImportError[]
  /** class and block headings such as «A00-A09», which are not codes a diagnosis can carry */
  skippedHeadings: number
}

// Codes typed on a Russian keyboard layout contain Cyrillic look-alikes of Latin letters.
const CYRILLIC_LOOKALIKES = 'АВЕКМНОРСТХ'
const LATIN_LETTERS = 'ABEKMHOPCTX'

function normalizeIcdCode(raw: string): string {
  return raw
    .trim()
    .toUpperCase()
    .replace(/[АВЕКМНОРСТХ]/g, (c) => LATIN_LETTERS[CYRILLIC_LOOKALIKES.indexOf(c)])
    .replace(/\s+/g, '')
    .replace(',', '.')
}

const HEADING = /^([A-Z]\d{2}(\.\d{1,2})?[-\u2013][A-Z]\d{2}(\.\d{1,2})?|[IVXL]{1,5})$/

interface CsvRecord {
  line: number
  fields: string[]
  unterminated: boolean
}

// RFC 4180 quoting: a field in double quotes may hold the delimiter, doubled quotes and line breaks.
function parseDelimited(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let inQuotes = false
  let line = 1
  let recordLine = 1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') inQuotes = false
      else {
        if (c === '\n') line++
        field += c
      }
    } else if (c === '"' && field.trim() === '') {
      field = ''
      inQuotes = true
    } else if (c === delimiter) {
      fields.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      fields.push(field)
      records.push({ line: recordLine, fields, unterminated: false })
      fields = []
      field = ''
      line++
      recordLine = line
    } else field += c
  }
  fields.push(field)
  records.push({ line: recordLine, fields, unterminated: inQuotes })
  return records.filter((r) => r.unterminated || r.fields.some((f) => f.trim() !== ''))
}

function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0]
  if (firstLine.includes('\t')) return '\t'
  if (firstLine.includes(';')) return ';'
  return ','
}

// The ФНСИ export of МКБ-10 (1.2.643.5.1.13.13.11.1005) has many columns; pick the ones that matter by header.
function headerColumns(fields: string[]): { code: number; name: number; actual: number } | null {
  const names = fields.map((f) => f.trim().toLowerCase())
  const code = names.findIndex((n) => /^(mkb_?code|code|код( мкб(-10)?)?)$/.test(n))
  const name = names.findIndex((n) => /^(mkb_?name|name|наименование|название|диагноз)$/.test(n))
  if (code < 0 || name < 0) return null
  return { code, name, actual: names.indexOf('actual') }
}

/** Parses a МКБ-10 directory exported as CSV or TSV («код;название»); bad lines are reported, not fatal. */
export function importIcd10Csv(text: string): Icd10ImportResult {
  const clean = text.replace(/^\uFEFF/, '')
  const records = parseDelimited(clean, detectDelimiter(clean))
  const result: Icd10ImportResult = { entries: [], errors: [], skippedHeadings: 0 }
  let columns = { code: 0, name: 1, actual: -1 }
  const header = records.length > 0 ? headerColumns(records[0].fields) : null
  if (header) {
    columns = header
    records.shift()
  }
  const firstLineOf = new Map<string, number>()
  for (const record of records) {
    const fail = (message: string) => result.errors.push({ line: record.line, message })
    if (record.unterminated) {
      fail('кавычка открыта и не закрыта до конца файла')
      continue
    }
    const rawCode = record.fields[columns.code] ?? ''
    const name = (record.fields[columns.name] ?? '').trim().replace(/\s+/g, ' ')
    const code = normalizeIcdCode(rawCode)
    if (columns.actual >= 0 && record.fields[columns.actual]?.trim() === '0') continue
    if (HEADING.test(code)) {
      result.skippedHeadings++
      continue
    }
    if (!ICD10_CODE.test(code)) {
      fail(code === '' ? 'нет кода диагноза' : `«${rawCode.trim()}» не похоже на код МКБ-10 (пример: J06.9)`)
      continue
    }
    if (name === '') {
      fail(`у кода ${code} нет названия (ожидалось «код;название»)`)
      continue
    }
    const first = firstLineOf.get(code)
    if (first !== undefined) {
      fail(`код ${code} уже встречался в строке ${first}`)
      continue
    }
    firstLineOf.set(code, record.line)
    result.entries.push({ code, name })
  }
  return result
}
