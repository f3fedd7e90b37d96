// One imported row (here: its common parts and a patient; rows-clinical.ts: the rest), judged by the rules the forms use: the contract's schemas (names, СНИЛС, ЕНП, dates, request
// drafts) and the directories. Pure: the same functions serve a desk and, later, the sync server's upstream import.
import { z } from 'zod'
import { checkEnp, checkOgrn, checkSnils } from '../../contract/identifiers'
import { isRealIsoDate, PatientDraft } from '../../contract/schemas'
import { describeIssues } from '../../contract/validation'
import type { Directories, DirectoryOrganisation } from './directories'
import { PatientRow, rowFieldLabels, type OrganisationRefInput, type PatientRefInput } from './format'

/** A row that cannot be imported; the message is Russian and names the field. */
export class RowError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RowError'
  }
}

// A field that is simply absent reads better as «не заполнено» than as «ожидалось string, получено undefined».
const missing: z.core.$ZodErrorMap = (issue) =>
  issue.input === undefined && ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code ?? '')
    ? 'не заполнено'
    : undefined

function label(path: readonly PropertyKey[]): string {
  const parts: string[] = []
  for (const p of path) {
    if (typeof p === 'number') parts.push(`№${p + 1}`)
    else if (typeof p === 'string') parts.push(rowFieldLabels[p] ?? p)
  }
  return parts.join(', ')
}

export function describeRowIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const where = label(issue.path)
    return where ? `${where}: ${issue.message}` : issue.message
  })
  const more = error.issues.length > 3 ? ` (и ещё ${error.issues.length - 3})` : ''
  return parts.join('; ') + more
}

export function parseShape<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw, { error: missing })
  if (!parsed.success) throw new RowError(describeRowIssues(parsed.error))
  return parsed.data
}

export const blank = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim() : null)

export function checkDate(what: string, value: string, today: string): string {
  if (!isRealIsoDate(value)) throw new RowError(`${what}: нужна настоящая дата в формате ГГГГ-ММ-ДД`)
  if (value > today) throw new RowError(`${what}: не может быть в будущем`)
  if (value < '1900-01-01') throw new RowError(`${what}: не раньше 1900 года`)
  return value
}

export function organisationOf(dirs: Directories, ref: OrganisationRefInput, what = 'Организация') {
  let org: DirectoryOrganisation | undefined
  if (ref.id) org = dirs.organisationsById.get(ref.id)
  else {
    const ogrn = checkOgrn(ref.ogrn ?? '')
    if (!ogrn.ok) throw new RowError(`${what}: ${ogrn.message}`)
    org = dirs.organisationsByOgrn.get(ogrn.value)
  }
  if (!org) {
    const key = ref.id ? `id «${ref.id}»` : `ОГРН ${ref.ogrn}`
    throw new RowError(`${what}: ${key} не найдена в справочнике организаций`)
  }
  return org
}

export interface PatientRefValue {
  sourceId?: string
  snils?: string
  enp?: string
}

export function patientRefOf(ref: PatientRefInput): PatientRefValue {
  const out: PatientRefValue = {}
  if (ref.sourceId !== undefined) out.sourceId = ref.sourceId
  for (const [key, check] of [
    ['snils', checkSnils],
    ['enp', checkEnp]
  ] as const) {
    const value = ref[key]
    if (!value) continue
    const result = check(value)
    if (!result.ok) throw new RowError(`Пациент: ${result.message}`)
    out[key] = result.value
  }
  return out
}

// ------------------------------------------------------------------ patients

export interface PatientFields {
  lastName: string
  firstName: string
  middleName: string | null
  sex: 'M' | 'F'
  birthDate: string
  snils: string | null
  enp: string | null
  insurer: string | null
  docKind: 'passport' | 'birth_certificate' | 'foreign_passport' | 'other' | null
  docSeries: string | null
  docNumber: string | null
  address: string | null
  phone: string | null
  email: string | null
  attachedOrgId: string | null
  paperCard: boolean
}

export interface PatientRecord {
  sourceId: string
  fields: PatientFields
  /** Fields the row sets; an absent optional field leaves a card's value as it is. */
  given: ReadonlySet<keyof PatientFields>
}

const alwaysGiven: (keyof PatientFields)[] = ['lastName', 'firstName', 'sex', 'birthDate']

export function patientRecord(raw: unknown, dirs: Directories, today: string): PatientRecord {
  const row = parseShape(PatientRow, raw)
  const doc = row.identityDocument
  const org = row.attachedOrganisation
    ? organisationOf(dirs, row.attachedOrganisation, 'Организация прикрепления')
    : null
  const draft = PatientDraft.safeParse({
    lastName: row.lastName,
    firstName: row.firstName,
    middleName: row.middleName ?? '',
    sex: row.sex,
    birthDate: row.birthDate,
    snils: row.snils ?? '',
    enp: row.enp ?? '',
    insurer: row.insurer ?? '',
    docKind: doc?.kind ?? null,
    docSeries: doc?.series ?? '',
    docNumber: doc?.number ?? '',
    address: row.address ?? '',
    phone: row.phone ?? '',
    email: row.email ?? '',
    attachedOrgId: org?.id ?? null,
    paperCard: row.paperCard ?? false
  })
  if (!draft.success) throw new RowError(describeIssues(draft.error))
  const d = draft.data
  checkDate('Дата рождения', d.birthDate, today)
  const present = new Set(Object.keys(raw as object))
  const given = new Set<keyof PatientFields>(alwaysGiven)
  const mark = (key: string, ...fields: (keyof PatientFields)[]) => {
    if (present.has(key)) for (const f of fields) given.add(f)
  }
  mark('middleName', 'middleName')
  for (const key of ['snils', 'enp', 'insurer', 'address', 'phone', 'email', 'paperCard'] as const)
    mark(key, key)
  mark('identityDocument', 'docKind', 'docSeries', 'docNumber')
  mark('attachedOrganisation', 'attachedOrgId')
  return {
    sourceId: row.sourceId,
    given,
    fields: {
      lastName: d.lastName,
      firstName: d.firstName,
      middleName: blank(d.middleName),
      sex: d.sex,
      birthDate: d.birthDate,
      snils: d.snils,
      enp: d.enp,
      insurer: blank(d.insurer),
      docKind: d.docKind,
      docSeries: blank(d.docSeries?.replace(/\s/g, '')),
      docNumber: blank(d.docNumber?.replace(/\s/g, '')),
      address: blank(d.address),
      phone: blank(d.phone),
      email: blank(d.email),
      attachedOrgId: d.attachedOrgId,
      paperCard: d.paperCard
    }
  }
}
