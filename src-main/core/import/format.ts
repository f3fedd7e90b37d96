// The shape of our own import format, version 1 (docs/import-format.md). Rows are checked one by one, so that one bad
// row is named and skipped rather than failing the file. Shape only: values are judged in rows.ts by the same
// schemas and identifier checks the forms use, and against the directories.
import { z } from 'zod'
import { DocKind, RefusalReason, RequestStatus, Sex } from '../../contract/schemas'

export const IMPORT_FORMAT = 'registrar-import'
export const IMPORT_VERSION = 1

export const sections = ['patients', 'visits', 'documents', 'requests'] as const
export type Section = (typeof sections)[number]

/** The sync server refuses a text field longer than this: an imported document must be able to travel. */
export const MAX_CONTENT_CHARS = 200_000

/** МИС ids are often numbers; both forms name the same record. */
export const SourceIdValue = z.union([
  z.string().trim().min(1, { message: 'пустой id' }).max(100, { message: 'id длиннее 100 символов' }),
  z.number().int().nonnegative().transform(String)
])

/** A short Latin name of the sending system; part of every stored key, so it must never change for one МИС. */
export const SourceSystem = z
  .string()
  .regex(/^[a-z0-9_-]{2,40}$/, { message: 'от 2 до 40 строчных латинских букв, цифр, «-» или «_»' })

export const FileHeader = z.object({
  format: z.literal(IMPORT_FORMAT),
  version: z.number().int(),
  source: z.strictObject({
    system: SourceSystem,
    name: z.string().max(200).optional(),
    exportedAt: z.string().max(40).optional()
  })
})

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `не длиннее ${max} символов` })
const required = (max: number) => text(max).min(1, { message: 'не заполнено' })
const optional = (max: number) => text(max).nullable().optional()
const isoLike = z.string().trim().max(40)

export const OrganisationRef = z
  .strictObject({ id: text(64).optional(), ogrn: text(20).optional() })
  .refine((o) => !!o.id || !!o.ogrn, { message: 'укажите id организации из справочника или её ОГРН' })

export const PatientRef = z
  .strictObject({ sourceId: SourceIdValue.optional(), snils: text(20).optional(), enp: text(24).optional() })
  .refine((p) => p.sourceId !== undefined || !!p.snils || !!p.enp, {
    message: 'укажите пациента: sourceId, СНИЛС или ЕНП'
  })

export const PatientRow = z.strictObject({
  sourceId: SourceIdValue,
  lastName: z.string().max(200),
  firstName: z.string().max(200),
  middleName: optional(60),
  sex: Sex,
  birthDate: z.string().max(20),
  snils: optional(20),
  enp: optional(24),
  insurer: optional(200),
  identityDocument: z
    .strictObject({ kind: DocKind, series: optional(10), number: required(20) })
    .nullable()
    .optional(),
  address: optional(300),
  phone: optional(40),
  email: optional(120),
  attachedOrganisation: OrganisationRef.nullable().optional(),
  paperCard: z.boolean().optional()
})

export const CareKind = z.enum(['outpatient', 'inpatient', 'day_hospital', 'emergency'])

export const VisitRow = z.strictObject({
  sourceId: SourceIdValue,
  patient: PatientRef,
  date: z.string().max(20),
  organisation: OrganisationRef,
  regionCode: text(3).optional(),
  doctorName: required(200),
  specialtyCode: text(64).optional(),
  specialty: text(200).optional(),
  careKind: CareKind,
  diagnosisCode: required(10),
  diagnosisText: text(500).optional(),
  costKopecks: z.number().int().min(0).max(1e12).optional(),
  prescriptions: optional(5000),
  recommendations: optional(5000),
  services: z
    .array(
      z.strictObject({
        code: required(40),
        name: required(300),
        quantity: z.number().int().min(1).max(999).optional()
      })
    )
    .max(200)
    .optional()
})

export const SignatureRow = z.strictObject({
  signerName: required(200),
  signerRole: required(200),
  certificateSerial: required(100),
  validFrom: isoLike,
  validTo: isoLike,
  signedAt: isoLike
})

export const DocumentRow = z.strictObject({
  sourceId: SourceIdValue,
  patient: PatientRef,
  kindCode: required(64),
  number: required(100),
  date: z.string().max(20),
  organisation: OrganisationRef,
  authorName: required(200),
  authorRole: required(200),
  title: text(500).optional(),
  content: z.string().max(MAX_CONTENT_CHARS, { message: `не длиннее ${MAX_CONTENT_CHARS} символов` }),
  visitSourceId: SourceIdValue.optional(),
  replacesSourceId: SourceIdValue.optional(),
  signatures: z.array(SignatureRow).max(20).optional()
})

export const RequestRow = z.strictObject({
  sourceId: SourceIdValue,
  number: required(40),
  patient: PatientRef,
  channel: z.enum(['portal_qr', 'in_person', 'post']).optional(),
  kind: z.enum(['full', 'brief']),
  periodFrom: z.string().max(20),
  periodTo: z.string().max(20),
  purpose: z.string().max(300),
  delivery: z.enum(['in_person', 'post', 'portal']),
  urgent: z.boolean().optional(),
  registeredOn: z.string().max(20).optional(),
  dueDate: z.string().max(20).optional(),
  status: RequestStatus.optional(),
  refusalReason: RefusalReason.nullable().optional()
})

export type PatientRowInput = z.output<typeof PatientRow>
export type VisitRowInput = z.output<typeof VisitRow>
export type DocumentRowInput = z.output<typeof DocumentRow>
export type RequestRowInput = z.output<typeof RequestRow>
export type PatientRefInput = z.output<typeof PatientRef>
export type OrganisationRefInput = z.output<typeof OrganisationRef>

/** A whole file in memory: what the FHIR converter produces and what tests write. */
export interface ImportFile {
  format: typeof IMPORT_FORMAT
  version: number
  source: { system: string; name?: string; exportedAt?: string }
  patients?: unknown[]
  visits?: unknown[]
  documents?: unknown[]
  requests?: unknown[]
}

/** Field names as a registrar reads them in a row error. */
export const rowFieldLabels: Record<string, string> = {
  sourceId: 'id в МИС',
  lastName: 'Фамилия',
  firstName: 'Имя',
  middleName: 'Отчество',
  sex: 'Пол',
  birthDate: 'Дата рождения',
  snils: 'СНИЛС',
  enp: 'ЕНП',
  insurer: 'Страховая организация',
  identityDocument: 'Документ, удостоверяющий личность',
  address: 'Адрес',
  phone: 'Телефон',
  email: 'Электронная почта',
  attachedOrganisation: 'Организация прикрепления',
  patient: 'Пациент',
  date: 'Дата',
  organisation: 'Организация',
  regionCode: 'Регион',
  doctorName: 'Врач',
  specialtyCode: 'Код специальности',
  specialty: 'Специальность',
  careKind: 'Вид помощи',
  diagnosisCode: 'Диагноз (МКБ-10)',
  diagnosisText: 'Текст диагноза',
  costKopecks: 'Стоимость',
  prescriptions: 'Назначения',
  recommendations: 'Рекомендации',
  services: 'Услуги',
  kindCode: 'Вид документа',
  number: 'Номер',
  authorName: 'Автор',
  authorRole: 'Должность автора',
  title: 'Заголовок',
  content: 'Текст документа',
  visitSourceId: 'Посещение',
  replacesSourceId: 'Заменяемый документ',
  signatures: 'Подписи',
  signerName: 'Подписант',
  signerRole: 'Роль подписанта',
  certificateSerial: 'Серийный номер сертификата',
  validFrom: 'Сертификат действует с',
  validTo: 'Сертификат действует по',
  signedAt: 'Время подписи',
  channel: 'Канал',
  kind: 'Вид выписки',
  periodFrom: 'Начало периода',
  periodTo: 'Конец периода',
  purpose: 'Цель',
  delivery: 'Способ получения',
  urgent: 'Срочно',
  registeredOn: 'Дата регистрации',
  dueDate: 'Срок',
  status: 'Статус',
  refusalReason: 'Причина отказа',
  code: 'Код услуги',
  name: 'Название',
  quantity: 'Количество',
  series: 'Серия',
  ogrn: 'ОГРН'
}
