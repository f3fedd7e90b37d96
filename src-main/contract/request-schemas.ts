// Requests for extracts: their statuses, refusal reasons, drafts, history, the desk queue and issuances.
import { z } from 'zod'
import { IsoDate, requiredText } from './primitives'

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
