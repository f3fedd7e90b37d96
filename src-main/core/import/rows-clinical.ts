// Visit, document and request rows, judged like the forms judge them; see rows.ts for the common parts.
import type { z } from 'zod'
import { ExtractRequestDraft, isRealIsoDate } from '../../contract/schemas'
import { describeIssues } from '../../contract/validation'
import type { Directories } from './directories'
import { DocumentRow, RequestRow, VisitRow } from './format'
import {
  blank,
  checkDate,
  organisationOf,
  parseShape,
  patientRefOf,
  RowError,
  type PatientRefValue
} from './rows'

// ------------------------------------------------------------------ visits

export interface VisitRecord {
  sourceId: string
  patient: PatientRefValue
  fields: {
    date: string
    regionCode: string
    organisationId: string
    doctorName: string
    specialty: string
    careKind: 'outpatient' | 'inpatient' | 'day_hospital' | 'emergency'
    diagnosisCode: string
    diagnosisText: string
    costKopecks: number
    prescriptions: string | null
    recommendations: string | null
  }
  services: { code: string; name: string; quantity: number }[]
}

export function visitRecord(raw: unknown, dirs: Directories, today: string): VisitRecord {
  const row = parseShape(VisitRow, raw)
  const patient = patientRefOf(row.patient)
  const org = organisationOf(dirs, row.organisation)
  if (row.regionCode && !dirs.regions.has(row.regionCode))
    throw new RowError(`Регион: код «${row.regionCode}» не найден в справочнике регионов`)
  if (row.specialtyCode && !dirs.specialties.has(row.specialtyCode))
    throw new RowError(`Код специальности: «${row.specialtyCode}» не найден в справочнике специальностей`)
  const specialty = row.specialty || (row.specialtyCode ? dirs.specialties.get(row.specialtyCode) : undefined)
  if (!specialty) throw new RowError('Специальность: укажите specialty или specialtyCode')
  const code = row.diagnosisCode.toUpperCase()
  const diagnosis = dirs.icd10.get(code)
  if (diagnosis === undefined)
    throw new RowError(`Диагноз (МКБ-10): код «${code}» не найден в справочнике МКБ-10`)
  return {
    sourceId: row.sourceId,
    patient,
    fields: {
      date: checkDate('Дата посещения', row.date, today),
      regionCode: row.regionCode || org.regionCode,
      organisationId: org.id,
      doctorName: row.doctorName,
      specialty,
      careKind: row.careKind,
      diagnosisCode: code,
      diagnosisText: row.diagnosisText || diagnosis,
      costKopecks: row.costKopecks ?? 0,
      prescriptions: blank(row.prescriptions),
      recommendations: blank(row.recommendations)
    },
    services: (row.services ?? []).map((s) => ({ code: s.code, name: s.name, quantity: s.quantity ?? 1 }))
  }
}

// ------------------------------------------------------------------ documents

export interface SignatureFields {
  signerName: string
  signerRole: string
  certificateSerial: string
  validFrom: string
  validTo: string
  signedAt: string
}

export interface DocumentRecord {
  sourceId: string
  patient: PatientRefValue
  fields: {
    kindCode: string
    number: string
    date: string
    organisationId: string
    authorName: string
    authorRole: string
    title: string
    content: string
  }
  visitSourceId: string | null
  replacesSourceId: string | null
  signatures: SignatureFields[]
}

/** A date or a date-time (ISO 8601); compared by its calendar date. */
function instant(what: string, value: string): string {
  const day = value.slice(0, 10)
  if (!isRealIsoDate(day) || (value.length > 10 && Number.isNaN(Date.parse(value))))
    throw new RowError(`${what}: нужна дата ГГГГ-ММ-ДД или дата и время ISO 8601`)
  return day
}

function checkSignature(s: SignatureFields, n: number): void {
  const what = `Подпись №${n}`
  const from = instant(`${what}, сертификат действует с`, s.validFrom)
  const to = instant(`${what}, сертификат действует по`, s.validTo)
  const signed = instant(`${what}, время подписи`, s.signedAt)
  if (from > to) throw new RowError(`${what}: срок действия сертификата заканчивается раньше, чем начинается`)
  if (signed < from || signed > to)
    throw new RowError(`${what}: документ подписан вне срока действия сертификата`)
}

export function documentRecord(raw: unknown, dirs: Directories, today: string): DocumentRecord {
  const row = parseShape(DocumentRow, raw)
  const patient = patientRefOf(row.patient)
  const kind = dirs.documentKinds.get(row.kindCode)
  if (kind === undefined)
    throw new RowError(`Вид документа: «${row.kindCode}» не найден в справочнике видов документов`)
  const org = organisationOf(dirs, row.organisation)
  const signatures = row.signatures ?? []
  signatures.forEach((s, i) => checkSignature(s, i + 1))
  return {
    sourceId: row.sourceId,
    patient,
    fields: {
      kindCode: row.kindCode,
      number: row.number,
      date: checkDate('Дата документа', row.date, today),
      organisationId: org.id,
      authorName: row.authorName,
      authorRole: row.authorRole,
      title: row.title || kind,
      content: row.content
    },
    visitSourceId: row.visitSourceId ?? null,
    replacesSourceId: row.replacesSourceId ?? null,
    signatures
  }
}

// ------------------------------------------------------------------ extract requests

export type RequestDraftFields = z.output<typeof ExtractRequestDraft>

export interface RequestRecord {
  sourceId: string
  number: string
  patient: PatientRefValue
  draft: RequestDraftFields
  registeredOn: string | null
  dueDate: string | null
  status: RequestStatusValue
  refusalReason: string | null
}

type RequestStatusValue = NonNullable<z.output<typeof RequestRow>['status']>

export function requestRecord(raw: unknown, today: string): RequestRecord {
  const row = parseShape(RequestRow, raw)
  const patient = patientRefOf(row.patient)
  const draft = ExtractRequestDraft.safeParse({
    patientId: '-',
    applicantKind: 'self',
    channel: row.channel ?? 'portal_qr',
    kind: row.kind,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    purpose: row.purpose,
    delivery: row.delivery,
    urgent: row.urgent ?? false
  })
  if (!draft.success) throw new RowError(describeIssues(draft.error))
  if (draft.data.periodFrom > today) throw new RowError('Начало периода: не может быть в будущем')
  const registeredOn = row.registeredOn ? checkDate('Дата регистрации', row.registeredOn, today) : null
  if (row.dueDate && !isRealIsoDate(row.dueDate))
    throw new RowError('Срок: нужна настоящая дата в формате ГГГГ-ММ-ДД')
  if (row.dueDate && registeredOn && row.dueDate < registeredOn)
    throw new RowError('Срок: раньше даты регистрации')
  const status = row.status ?? 'accepted'
  const reason = row.refusalReason ?? null
  if ((status === 'refused') !== (reason !== null))
    throw new RowError(
      'Причина отказа: указывается только вместе со статусом «Отказано» и обязательна для него'
    )
  return {
    sourceId: row.sourceId,
    number: row.number,
    patient,
    draft: draft.data,
    registeredOn,
    dueDate: row.dueDate ?? null,
    status,
    refusalReason: reason
  }
}
