// Requests for extracts and complaints, with their insert-only status histories and the issuance journal.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { requestStatusValues } from '../../../contract/schemas'
import { stamps } from './stamps'
import { patients } from './care'

export const extractRequests = sqliteTable(
  'extract_requests',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    applicantKind: text('applicant_kind', { enum: ['self', 'representative'] }).notNull(),
    representativeId: text('representative_id'),
    channel: text('channel', { enum: ['portal_qr', 'in_person', 'post'] }).notNull(),
    kind: text('kind', { enum: ['full', 'brief'] }).notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    purpose: text('purpose').notNull(),
    delivery: text('delivery', { enum: ['in_person', 'post', 'portal'] }).notNull(),
    urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: requestStatusValues }).notNull(),
    // Bumped by a privileged reopen, so that (epoch, rank) still only grows when desks converge.
    statusEpoch: integer('status_epoch').notNull().default(0),
    refusalReason: text('refusal_reason'),
    registeredOn: text('registered_on').notNull(),
    dueDate: text('due_date').notNull(),
    createdBy: text('created_by').notNull(),
    sourceId: text('source_id'),
    ...stamps
  },
  (t) => [
    uniqueIndex('extract_requests_number_uq').on(t.number),
    index('extract_requests_source_ix').on(t.sourceId),
    index('extract_requests_patient_ix').on(t.patientId),
    // The desk's queue in its order, covering: the first page is read off the index without touching a row.
    index('extract_requests_queue_ix').on(t.status, t.dueDate, t.number, t.id),
    // The request report counts a period's requests by status and finds the overdue ones from this index alone.
    index('extract_requests_registered_ix').on(t.registeredOn, t.status, t.dueDate),
    // The request report's hand-overs: a request's status and dates by its id, without reading its row.
    index('extract_requests_report_ix').on(t.id, t.status, t.registeredOn, t.dueDate)
  ]
)

export const requestStatusHistory = sqliteTable(
  'request_status_history',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id')
      .notNull()
      .references(() => extractRequests.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    epoch: integer('epoch').notNull(),
    reason: text('reason'),
    note: text('note'),
    at: text('at').notNull(),
    userId: text('user_id').notNull(),
    workstationId: text('workstation_id').notNull()
  },
  (t) => [
    index('request_status_history_request_ix').on(t.requestId),
    // The request report finds hand-overs of a period: moves to «Выдано» by time, and their requests, from the
    // index alone (at a million patients a row read per hand-over is most of a second).
    index('request_status_history_status_at_ix').on(t.toStatus, t.at, t.requestId)
  ]
)

export const issuances = sqliteTable(
  'issuances',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    requestId: text('request_id'),
    documentId: text('document_id'),
    what: text('what').notNull(),
    printedAt: text('printed_at').notNull(),
    printedBy: text('printed_by').notNull(),
    workstationId: text('workstation_id').notNull(),
    copies: integer('copies').notNull().default(1),
    recipientName: text('recipient_name').notNull(),
    recipientKind: text('recipient_kind', { enum: ['self', 'representative'] }).notNull(),
    recipientDocument: text('recipient_document').notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
    verificationCode: text('verification_code').notNull(),
    reprint: integer('reprint', { mode: 'boolean' }).notNull().default(false),
    signaturePng: text('signature_png')
  },
  (t) => [
    index('issuances_patient_ix').on(t.patientId),
    // Reports and the journal read issuances by period; with who and how many copies in it, the report's counts
    // come from the index alone (a year of a large clinic's issuances is tens of thousands of rows).
    index('issuances_printed_at_ix').on(t.printedAt, t.printedBy, t.copies)
  ]
)

export const complaints = sqliteTable(
  'complaints',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    kind: text('kind', { enum: ['missing_document', 'discrepancy'] }).notNull(),
    documentKindCode: text('document_kind_code'),
    visitDate: text('visit_date'),
    regionCode: text('region_code'),
    organisationId: text('organisation_id'),
    documentId: text('document_id'),
    discrepancyField: text('discrepancy_field', {
      enum: ['full_name', 'organisation', 'diagnosis', 'lab_results', 'other']
    }),
    paperValue: text('paper_value'),
    description: text('description').notNull(),
    contacts: text('contacts'),
    status: text('status', {
      enum: ['registered', 'forwarded', 'in_review', 'resolved', 'rejected']
    }).notNull(),
    statusEpoch: integer('status_epoch').notNull().default(0),
    registeredOn: text('registered_on').notNull(),
    dueDate: text('due_date').notNull(),
    resolution: text('resolution'),
    resolvedDocumentId: text('resolved_document_id'),
    /** 'electronic': out through sync to the portal; 'paper': a letter to the organisation or the health authority. */
    route: text('route', { enum: ['electronic', 'paper'] })
      .notNull()
      .default('electronic'),
    addressee: text('addressee'),
    sentOnPaperAt: text('sent_on_paper_at'),
    createdBy: text('created_by').notNull(),
    ...stamps
  },
  (t) => [
    uniqueIndex('complaints_number_uq').on(t.number),
    index('complaints_patient_ix').on(t.patientId),
    index('complaints_queue_ix').on(t.status, t.dueDate, t.number, t.id),
    // The complaint report groups a period's complaints five ways: every column it reads is in the index.
    index('complaints_registered_ix').on(
      t.registeredOn,
      t.status,
      t.kind,
      t.regionCode,
      t.organisationId,
      t.dueDate
    )
  ]
)

export const complaintStatusHistory = sqliteTable(
  'complaint_status_history',
  {
    id: text('id').primaryKey(),
    complaintId: text('complaint_id')
      .notNull()
      .references(() => complaints.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    at: text('at').notNull(),
    userId: text('user_id').notNull(),
    workstationId: text('workstation_id').notNull()
  },
  (t) => [index('complaint_status_history_complaint_ix').on(t.complaintId)]
)
