// Runtime schemas of the records that cross the boundary. Inputs are strict about shape and size: anything a
// registrar can type is bounded, so no payload can make the core do unbounded work.
import { z } from 'zod'
import { DocKind, EnpInput, IsoDate, Sex, SnilsInput, namePart, requiredText, text } from './primitives'
import { ExtractRequest, Issuance } from './request-schemas'

// The text helpers stay inside the contract; the schemas made with them are public.
export { DocKind, EnpInput, IsoDate, IsoDateTime, isRealIsoDate, Role, Sex, SnilsInput } from './primitives'
export * from './request-schemas'
export * from './account-schemas'

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
