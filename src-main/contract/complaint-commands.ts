// Commands of the complaints area: missing documents and paper/electronic discrepancies, followed to resolution;
// and entering a document that arrived, which may answer a complaint.
import { z } from 'zod'
import { command, Id } from './command'
import { IsoDate, MedicalDocument } from './schemas'

export const ComplaintStatus = z.enum(['registered', 'forwarded', 'in_review', 'resolved', 'rejected'])
export const DiscrepancyField = z.enum(['full_name', 'organisation', 'diagnosis', 'lab_results', 'other'])

const text = (max: number) => z.string().trim().max(max)

export const DocumentMatch = z.object({
  documentId: z.string(),
  number: z.string(),
  title: z.string(),
  date: z.string(),
  organisationName: z.string()
})

export const Complaint = z.object({
  id: z.string(),
  number: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  kind: z.enum(['missing_document', 'discrepancy']),
  documentKindCode: z.string().nullable(),
  documentKindName: z.string().nullable(),
  visitDate: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  documentId: z.string().nullable(),
  documentNumber: z.string().nullable(),
  discrepancyField: DiscrepancyField.nullable(),
  paperValue: z.string().nullable(),
  description: z.string(),
  contacts: z.string().nullable(),
  status: ComplaintStatus,
  registeredOn: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  route: z.enum(['electronic', 'paper']),
  addressee: z.string().nullable(),
  sentOnPaperAt: z.string().nullable(),
  resolution: z.string().nullable(),
  resolvedDocumentId: z.string().nullable(),
  allowedNext: z.array(ComplaintStatus),
  matches: z.array(DocumentMatch),
  history: z.array(
    z.object({
      fromStatus: ComplaintStatus.nullable(),
      toStatus: ComplaintStatus,
      note: z.string().nullable(),
      at: z.string(),
      userName: z.string()
    })
  )
})
export type Complaint = z.infer<typeof Complaint>

export const ComplaintQueueItem = Complaint.pick({
  id: true,
  number: true,
  patientId: true,
  patientName: true,
  kind: true,
  status: true,
  dueDate: true,
  overdue: true
})

export const complaintCommands = {
  'complaints.fileMissing': command({
    doc: 'File a complaint that a document did not arrive: kind, visit date, region, organisation, contacts.',
    input: z
      .object({
        patientId: Id,
        documentKindCode: z.string().min(1).max(64),
        visitDate: IsoDate,
        regionCode: z.string().min(2).max(3),
        organisationId: Id.nullable(),
        organisationName: text(300).nullable().optional().default(null),
        organisationOgrn: text(15).nullable().optional().default(null),
        contacts: text(200).optional().default(''),
        comment: text(1000).optional().default('')
      })
      .refine((d) => d.organisationId || (d.organisationName && d.organisationOgrn), {
        message: 'Выберите организацию из справочника или введите её название и ОГРН',
        path: ['organisationId']
      }),
    output: Complaint
  }),
  'complaints.fileDiscrepancy': command({
    doc: 'File a complaint that the paper and electronic versions of an ЭМД differ.',
    input: z.object({
      documentId: Id,
      field: DiscrepancyField,
      paperValue: text(500).min(1, { message: 'Укажите, что написано на бумаге' }),
      description: text(1000).optional().default(''),
      contacts: text(200).optional().default('')
    }),
    output: Complaint
  }),
  'complaints.get': command({
    doc: 'One complaint with its history and matching documents.',
    input: z.object({ id: Id }),
    output: Complaint
  }),
  'complaints.queue': command({
    doc: 'Open complaints by due date; overdue ones first.',
    input: z.object({ limit: z.number().int().min(1).max(500).optional().default(100) }),
    output: z.array(ComplaintQueueItem)
  }),
  'complaints.transition': command({
    doc: 'Move a complaint forward; a rejection needs a written reason.',
    input: z.object({ id: Id, to: ComplaintStatus, note: text(1000).optional().default('') }),
    output: Complaint
  }),
  'complaints.resolve': command({
    doc: 'Resolve a complaint in one step, with the document that arrived or a written resolution.',
    input: z.object({ id: Id, documentId: Id.nullable(), resolution: text(1000).optional().default('') }),
    output: Complaint
  }),
  'complaints.markSentOnPaper': command({
    doc: 'Record that the complaint letter was printed and sent on paper.',
    input: z.object({ id: Id }),
    output: Complaint
  }),
  'documents.register': command({
    doc: 'Enter a medical document that arrived; open complaints it answers are pointed out.',
    input: z.object({
      patientId: Id,
      kindCode: z.string().min(1).max(64),
      number: text(60).min(1),
      date: IsoDate,
      organisationId: Id,
      authorName: text(200).min(1),
      authorRole: text(200).min(1),
      title: text(300).min(1),
      content: text(20000).min(1),
      replacesId: Id.nullable().optional().default(null)
    }),
    output: z.object({ document: MedicalDocument, answersComplaints: z.array(z.string()) })
  })
} as const
