// Runtime schemas of the records that cross the boundary. Inputs are strict about shape and size: anything a
// registrar can type is bounded, so no payload can make the core do unbounded work.
import { z } from 'zod'
import { checkEnp, checkSnils } from './identifiers'

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/

export function isRealIsoDate(value: string): boolean {
  if (!isoDatePattern.test(value)) return false
  const [y, m, d] = value.split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

export const IsoDate = z
  .string()
  .max(10)
  .refine(isRealIsoDate, { message: 'Дата должна быть настоящей датой в формате ГГГГ-ММ-ДД' })

export const IsoDateTime = z.string().max(40)

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Не длиннее ${max} символов` })
const requiredText = (max: number, what: string) => text(max).min(1, { message: `Укажите ${what}` })

const namePart = (what: string) =>
  requiredText(60, what).regex(/^[А-Яа-яЁёA-Za-z][А-Яа-яЁёA-Za-z' .-]*$/, {
    message: `${what[0].toUpperCase()}${what.slice(1)}: только буквы, пробел, дефис и апостроф`
  })

/** СНИЛС in any formatting; normalised to 11 digits. Empty means "not given". */
export const SnilsInput = z
  .string()
  .max(20)
  .transform((raw, ctx) => {
    if (raw.trim() === '') return null
    const check = checkSnils(raw)
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.message })
      return z.NEVER
    }
    return check.value
  })

/** ЕНП (единый номер полиса ОМС): 16 digits with a Luhn check. */
export const EnpInput = z
  .string()
  .max(24)
  .transform((raw, ctx) => {
    if (raw.trim() === '') return null
    const check = checkEnp(raw)
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.message })
      return z.NEVER
    }
    return check.value
  })

export const Role = z.enum(['registrar', 'senior_registrar', 'admin', 'auditor'])
export type Role = z.infer<typeof Role>

export const Sex = z.enum(['M', 'F'])
export const DocKind = z.enum(['passport', 'birth_certificate', 'foreign_passport', 'other'])

export const PatientDraft = z.object({
  lastName: namePart('фамилию'),
  firstName: namePart('имя'),
  middleName: text(60).optional().default(''),
  sex: Sex,
  birthDate: IsoDate,
  snils: SnilsInput.prefault(''),
  enp: EnpInput.prefault(''),
  insurer: text(200).optional().default(''),
  docKind: DocKind.nullable().optional().default(null),
  docSeries: text(10).optional().default(''),
  docNumber: text(20).optional().default(''),
  address: text(300).optional().default(''),
  phone: text(40).optional().default(''),
  email: text(120).optional().default(''),
  attachedOrgId: z.string().max(64).nullable().optional().default(null),
  paperCard: z.boolean().optional().default(false)
})
export type PatientDraftInput = z.input<typeof PatientDraft>
export type PatientDraft = z.output<typeof PatientDraft>

export const Patient = z.object({
  id: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  fullName: z.string(),
  sex: Sex,
  birthDate: z.string(),
  snils: z.string().nullable(),
  enp: z.string().nullable(),
  insurer: z.string().nullable(),
  docKind: DocKind.nullable(),
  docSeries: z.string().nullable(),
  docNumber: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  attachedOrgId: z.string().nullable(),
  paperCard: z.boolean(),
  mergedInto: z.string().nullable(),
  version: z.number().int()
})
export type Patient = z.infer<typeof Patient>

export const PatientSummary = z.object({
  id: z.string(),
  fullName: z.string(),
  birthDate: z.string(),
  sex: Sex,
  snils: z.string().nullable(),
  enp: z.string().nullable(),
  matchedBy: z.enum(['snils', 'enp', 'passport', 'request', 'name', 'name_fuzzy', 'birth_date']),
  requestId: z.string().nullable().optional(),
  requestNumber: z.string().nullable().optional()
})
export type PatientSummary = z.infer<typeof PatientSummary>

export const DuplicateCandidate = z.object({
  patient: PatientSummary.omit({ matchedBy: true }),
  reason: z.enum(['same_snils', 'same_enp', 'same_name_and_birth_date'])
})
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>

export const Relation = z.enum(['parent', 'guardian', 'proxy'])

export const RepresentativeDraft = z.object({
  patientId: z.string().max(64),
  fullName: requiredText(200, 'ФИО представителя'),
  relation: Relation,
  identityDocument: text(200).optional().default(''),
  authorityDocument: text(200).optional().default(''),
  poaNumber: text(60).optional().default(''),
  poaDate: IsoDate.nullable().optional().default(null),
  poaValidUntil: IsoDate.nullable().optional().default(null),
  poaNotarised: z.boolean().optional().default(false)
})
export type RepresentativeDraftInput = z.input<typeof RepresentativeDraft>

export const Authority = z.object({
  ok: z.boolean(),
  message: z.string()
})
export type Authority = z.infer<typeof Authority>

export const Representative = z.object({
  id: z.string(),
  patientId: z.string(),
  fullName: z.string(),
  relation: Relation,
  identityDocument: z.string().nullable(),
  authorityDocument: z.string().nullable(),
  poaNumber: z.string().nullable(),
  poaDate: z.string().nullable(),
  poaValidUntil: z.string().nullable(),
  poaNotarised: z.boolean(),
  authority: Authority
})
export type Representative = z.infer<typeof Representative>

export const Consent = z.object({
  id: z.string(),
  kind: z.enum(['personal_data', 'medical_exchange']),
  givenOn: z.string(),
  withdrawnOn: z.string().nullable()
})

export const Visit = z.object({
  id: z.string(),
  date: z.string(),
  regionCode: z.string(),
  organisationName: z.string(),
  doctorName: z.string(),
  specialty: z.string(),
  careKind: z.enum(['outpatient', 'inpatient', 'day_hospital', 'emergency']),
  diagnosisCode: z.string(),
  diagnosisText: z.string(),
  costKopecks: z.number().int(),
  prescriptions: z.string().nullable(),
  recommendations: z.string().nullable(),
  services: z.array(z.object({ code: z.string(), name: z.string(), quantity: z.number().int() }))
})
export type Visit = z.infer<typeof Visit>

export const Signature = z.object({
  signerName: z.string(),
  signerRole: z.string(),
  certificateSerial: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  signedAt: z.string()
})

export const MedicalDocument = z.object({
  id: z.string(),
  kindCode: z.string(),
  kindName: z.string(),
  number: z.string(),
  date: z.string(),
  organisationName: z.string(),
  authorName: z.string(),
  authorRole: z.string(),
  title: z.string(),
  content: z.string(),
  replacesId: z.string().nullable(),
  signatures: z.array(Signature)
})
export type MedicalDocument = z.infer<typeof MedicalDocument>

export const requestStatusValues = [
  'accepted',
  'processing',
  'approved',
  'ready',
  'issued',
  'refused',
  'cancelled'
] as const
export const RequestStatus = z.enum(requestStatusValues)
export type RequestStatus = z.infer<typeof RequestStatus>

export const RefusalReason = z.enum([
  'incomplete_data',
  'no_consent',
  'inactive_policy',
  'no_authority',
  'no_records',
  'technical'
])
export type RefusalReason = z.infer<typeof RefusalReason>

export const ExtractRequestDraft = z
  .object({
    patientId: z.string().max(64),
    applicantKind: z.enum(['self', 'representative']),
    representativeId: z.string().max(64).nullable().optional().default(null),
    channel: z.enum(['portal_qr', 'in_person', 'post']),
    kind: z.enum(['full', 'brief']),
    periodFrom: IsoDate,
    periodTo: IsoDate,
    purpose: requiredText(300, 'цель получения выписки'),
    delivery: z.enum(['in_person', 'post', 'portal']),
    urgent: z.boolean().optional().default(false)
  })
  .refine((d) => d.periodFrom <= d.periodTo, {
    message: 'Начало периода позже его конца',
    path: ['periodFrom']
  })
  .refine((d) => d.applicantKind === 'self' || !!d.representativeId, {
    message: 'Выберите представителя, который подаёт заявление',
    path: ['representativeId']
  })
export type ExtractRequestDraftInput = z.input<typeof ExtractRequestDraft>

export const StatusChange = z.object({
  fromStatus: RequestStatus.nullable(),
  toStatus: RequestStatus,
  epoch: z.number().int(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
  userName: z.string()
})

export const ExtractRequest = z.object({
  id: z.string(),
  number: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  applicantKind: z.enum(['self', 'representative']),
  representativeId: z.string().nullable(),
  representativeName: z.string().nullable(),
  channel: z.enum(['portal_qr', 'in_person', 'post']),
  kind: z.enum(['full', 'brief']),
  periodFrom: z.string(),
  periodTo: z.string(),
  purpose: z.string(),
  delivery: z.enum(['in_person', 'post', 'portal']),
  urgent: z.boolean(),
  status: RequestStatus,
  statusEpoch: z.number().int(),
  refusalReason: RefusalReason.nullable(),
  registeredOn: z.string(),
  dueDate: z.string(),
  allowedNext: z.array(RequestStatus),
  history: z.array(StatusChange)
})
export type ExtractRequest = z.infer<typeof ExtractRequest>

export const QueueItem = z.object({
  id: z.string(),
  number: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  status: RequestStatus,
  kind: z.enum(['full', 'brief']),
  dueDate: z.string(),
  businessDaysLeft: z.number().int(),
  urgency: z.enum(['overdue', 'today', 'soon', 'later'])
})
export type QueueItem = z.infer<typeof QueueItem>

export const Issuance = z.object({
  id: z.string(),
  what: z.string(),
  printedAt: z.string(),
  printedByName: z.string(),
  copies: z.number().int(),
  recipientName: z.string(),
  recipientDocument: z.string(),
  reprint: z.boolean()
})

export const ComplaintSummary = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(['missing_document', 'discrepancy']),
  status: z.enum(['registered', 'forwarded', 'in_review', 'resolved', 'rejected']),
  registeredOn: z.string(),
  dueDate: z.string(),
  description: z.string()
})

export const AuditEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  userName: z.string().nullable(),
  workstationId: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown())
})
export type AuditEvent = z.infer<typeof AuditEvent>

export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  problems: z.array(
    z.object({
      seq: z.number().int(),
      kind: z.enum(['edited', 'missing', 'reordered', 'truncated']),
      message: z.string()
    })
  )
})
export type AuditVerification = z.infer<typeof AuditVerification>

export const PatientCard = z.object({
  patient: Patient,
  ageYears: z.number().int(),
  identityWarnings: z.array(z.string()),
  representatives: z.array(Representative),
  consents: z.array(Consent),
  visits: z.array(Visit),
  documents: z.array(MedicalDocument),
  requests: z.array(ExtractRequest),
  issuances: z.array(Issuance),
  complaints: z.array(ComplaintSummary),
  mergedFrom: z.array(PatientSummary.omit({ matchedBy: true }))
})
export type PatientCard = z.infer<typeof PatientCard>

export const UserView = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  role: Role,
  active: z.boolean()
})
export type UserView = z.infer<typeof UserView>

export const Password = z
  .string()
  .min(8, { message: 'Пароль не короче 8 символов' })
  .max(128, { message: 'Пароль не длиннее 128 символов' })

export const Login = z
  .string()
  .trim()
  .min(3, { message: 'Логин не короче 3 символов' })
  .max(40, { message: 'Логин не длиннее 40 символов' })
  .regex(/^[a-z0-9._-]+$/i, { message: 'Логин: латинские буквы, цифры, точка, дефис, подчёркивание' })

export const UserDraft = z.object({
  login: Login,
  fullName: requiredText(200, 'ФИО сотрудника'),
  role: Role,
  password: Password
})

export const Session = z.object({
  token: z.string(),
  user: UserView,
  workstation: z.object({ id: z.string(), name: z.string() }),
  idleLockMinutes: z.number().int()
})
export type Session = z.infer<typeof Session>

export const ClinicDetails = z.object({
  name: requiredText(300, 'полное название организации'),
  shortName: requiredText(120, 'краткое название'),
  address: requiredText(300, 'адрес'),
  ogrn: z.string().trim().max(15),
  regionCode: z.string().trim().min(2).max(3),
  phone: text(40).optional().default('')
})
export type ClinicDetails = z.infer<typeof ClinicDetails>

export const Deadlines = z.object({
  portal: z.number().int().min(1).max(30),
  institution: z.number().int().min(1).max(30),
  urgent: z.number().int().min(1).max(30),
  discrepancy: z.number().int().min(1).max(30),
  missingDocument: z.number().int().min(1).max(60),
  extractCeilingCalendarDays: z.number().int().min(1).max(30)
})
export type Deadlines = z.infer<typeof Deadlines>

export const Settings = z.object({
  clinic: ClinicDetails,
  idleLockMinutes: z.number().int().min(1).max(240),
  deadlines: Deadlines,
  backupEveryHours: z.number().int().min(0).max(168),
  backupKeep: z.number().int().min(1).max(365)
})
export type Settings = z.infer<typeof Settings>

export const SystemStatus = z.object({
  initialized: z.boolean(),
  clinicName: z.string().nullable(),
  regionName: z.string().nullable(),
  portalData: z.boolean().nullable(),
  workstation: z.object({ id: z.string(), name: z.string() }).nullable(),
  today: z.string(),
  appVersion: z.string()
})
export type SystemStatus = z.infer<typeof SystemStatus>

export const ReferenceItem = z.object({ code: z.string(), name: z.string() })
export const Region = ReferenceItem.extend({ portalData: z.boolean() })
export const Organisation = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  ogrn: z.string(),
  regionCode: z.string()
})
