// Drizzle schema of the desk's local store. Every record a desk can change carries `version` (the base version for
// the sync outbox) and `updatedAt`; journals (status history, issuances, audit) are insert-only.
import { sql } from 'drizzle-orm'
import { requestStatusValues } from '../../contract/schemas'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

const stamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1)
}

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull()
})

export const workstations = sqliteTable('workstations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  isThisDesk: integer('is_this_desk', { mode: 'boolean' }).notNull().default(false),
  enrolledAt: text('enrolled_at').notNull(),
  revokedAt: text('revoked_at')
})

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    login: text('login').notNull(),
    fullName: text('full_name').notNull(),
    role: text('role', { enum: ['registrar', 'senior_registrar', 'admin', 'auditor'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    /** After repeated wrong passwords the account waits until this time (ISO) before it may try again. */
    lockedUntil: text('locked_until'),
    ...stamps
  },
  (t) => [uniqueIndex('users_login_uq').on(t.login)]
)

export const regions = sqliteTable('ref_regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  portalData: integer('portal_data', { mode: 'boolean' }).notNull()
})

export const documentKinds = sqliteTable('ref_document_kinds', {
  code: text('code').primaryKey(),
  name: text('name').notNull()
})

export const specialties = sqliteTable('ref_specialties', {
  code: text('code').primaryKey(),
  name: text('name').notNull()
})

export const icd10 = sqliteTable('ref_icd10', {
  code: text('code').primaryKey(),
  name: text('name').notNull()
})

export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  ogrn: text('ogrn').notNull(),
  inn: text('inn'),
  address: text('address').notNull(),
  regionCode: text('region_code').notNull()
})

export const patients = sqliteTable(
  'patients',
  {
    id: text('id').primaryKey(),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    middleName: text('middle_name'),
    sex: text('sex', { enum: ['M', 'F'] }).notNull(),
    birthDate: text('birth_date').notNull(),
    snils: text('snils'),
    enp: text('enp'),
    insurer: text('insurer'),
    docKind: text('doc_kind', { enum: ['passport', 'birth_certificate', 'foreign_passport', 'other'] }),
    docSeries: text('doc_series'),
    docNumber: text('doc_number'),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    attachedOrgId: text('attached_org_id'),
    paperCard: integer('paper_card', { mode: 'boolean' }).notNull().default(false),
    mergedInto: text('merged_into'),
    // '<source system>:<its id>' of a card that came from a МИС import: what a re-import matches on.
    sourceId: text('source_id'),
    // Lower-cased ФИО with ё folded to е: what the trigram index sees, so "Ёлкин" is found by "елкин".
    searchText: text('search_text').notNull(),
    ...stamps
  },
  (t) => [
    index('patients_snils_ix').on(t.snils),
    index('patients_enp_ix').on(t.enp),
    index('patients_doc_ix').on(t.docSeries, t.docNumber),
    index('patients_birth_ix').on(t.birthDate),
    index('patients_name_birth_ix').on(t.searchText, t.birthDate),
    index('patients_source_ix').on(t.sourceId),
    // Cards merged into a patient's card are read whenever the card is shown or printed; without an index that is a
    // scan of every patient. Partial: only merged cards are in it.
    index('patients_merged_into_ix')
      .on(t.mergedInto)
      .where(sql`${t.mergedInto} IS NOT NULL`)
  ]
)

export const representatives = sqliteTable(
  'representatives',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    fullName: text('full_name').notNull(),
    relation: text('relation', { enum: ['parent', 'guardian', 'proxy'] }).notNull(),
    identityDocument: text('identity_document'),
    authorityDocument: text('authority_document'),
    poaNumber: text('poa_number'),
    poaDate: text('poa_date'),
    poaValidUntil: text('poa_valid_until'),
    poaNotarised: integer('poa_notarised', { mode: 'boolean' }).notNull().default(false),
    ...stamps
  },
  (t) => [index('representatives_patient_ix').on(t.patientId)]
)

export const consents = sqliteTable(
  'consents',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    kind: text('kind', { enum: ['personal_data', 'medical_exchange'] }).notNull(),
    givenOn: text('given_on').notNull(),
    withdrawnOn: text('withdrawn_on'),
    ...stamps
  },
  (t) => [index('consents_patient_ix').on(t.patientId)]
)

export const visits = sqliteTable(
  'visits',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    date: text('date').notNull(),
    regionCode: text('region_code').notNull(),
    organisationId: text('organisation_id').notNull(),
    doctorName: text('doctor_name').notNull(),
    specialty: text('specialty').notNull(),
    careKind: text('care_kind', { enum: ['outpatient', 'inpatient', 'day_hospital', 'emergency'] }).notNull(),
    diagnosisCode: text('diagnosis_code').notNull(),
    diagnosisText: text('diagnosis_text').notNull(),
    // Kopecks: money is never a float.
    costKopecks: integer('cost_kopecks').notNull().default(0),
    prescriptions: text('prescriptions'),
    recommendations: text('recommendations'),
    sourceId: text('source_id'),
    ...stamps
  },
  (t) => [index('visits_patient_date_ix').on(t.patientId, t.date), index('visits_source_ix').on(t.sourceId)]
)

export const visitServices = sqliteTable(
  'visit_services',
  {
    id: text('id').primaryKey(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull().default(1)
  },
  (t) => [index('visit_services_visit_ix').on(t.visitId)]
)

export const medicalDocuments = sqliteTable(
  'medical_documents',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    kindCode: text('kind_code').notNull(),
    number: text('number').notNull(),
    date: text('date').notNull(),
    organisationId: text('organisation_id').notNull(),
    authorName: text('author_name').notNull(),
    authorRole: text('author_role').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    visitId: text('visit_id'),
    replacesId: text('replaces_id'),
    sourceId: text('source_id'),
    ...stamps
  },
  (t) => [
    index('medical_documents_patient_ix').on(t.patientId, t.date),
    index('medical_documents_source_ix').on(t.sourceId)
  ]
)

export const documentSignatures = sqliteTable(
  'document_signatures',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id')
      .notNull()
      .references(() => medicalDocuments.id),
    signerName: text('signer_name').notNull(),
    signerRole: text('signer_role').notNull(),
    certificateSerial: text('certificate_serial').notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to').notNull(),
    signedAt: text('signed_at').notNull()
  },
  (t) => [index('document_signatures_doc_ix').on(t.documentId)]
)

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
    index('extract_requests_status_due_ix').on(t.status, t.dueDate),
    // The request report counts a period's requests by status and finds the overdue ones from this index alone.
    index('extract_requests_registered_ix').on(t.registeredOn, t.status, t.dueDate)
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
    // The request report finds hand-overs of a period: moves to «Выдано» by time.
    index('request_status_history_status_at_ix').on(t.toStatus, t.at)
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
    index('complaints_status_due_ix').on(t.status, t.dueDate),
    index('complaints_registered_ix').on(t.registeredOn)
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

/** Number series per kind and year (requests В-2026-000123, complaints Ж-2026-000007). */
export const counters = sqliteTable(
  'counters',
  {
    series: text('series').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull()
  },
  (t) => [primaryKey({ columns: [t.series, t.year] })]
)

export const auditEvents = sqliteTable(
  'audit_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    at: text('at').notNull(),
    userId: text('user_id'),
    workstationId: text('workstation_id').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    patientId: text('patient_id'),
    details: text('details')
      .notNull()
      .default(sql`'{}'`),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull()
  },
  (t) => [index('audit_events_patient_ix').on(t.patientId, t.seq), index('audit_events_at_ix').on(t.at)]
)

/** One row per local change, written in the change's own transaction; the sync client pushes them in order. */
export const outbox = sqliteTable(
  'outbox',
  {
    deviceSeq: integer('device_seq').primaryKey(),
    opId: text('op_id').notNull(),
    deviceId: text('device_id').notNull(),
    hlc: text('hlc').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    op: text('op', { enum: ['insert', 'update', 'delete'] }).notNull(),
    fields: text('fields').notNull(),
    baseVersion: integer('base_version').notNull(),
    schemaVersion: integer('schema_version').notNull(),
    createdAt: text('created_at').notNull(),
    pushedAt: text('pushed_at'),
    // The server sequence this desk had pulled when the change was made: tells the server which other desks'
    // changes the registrar could have seen, so a concurrent edit of an identity field is told from a correction.
    seenSeq: integer('seen_seq').notNull().default(0),
    // Where the server put this change in its log; until the pull passes it, the local value masks the server's.
    ackSeq: integer('ack_seq')
  },
  (t) => [
    uniqueIndex('outbox_op_uq').on(t.opId),
    index('outbox_pending_ix').on(t.pushedAt, t.deviceSeq),
    index('outbox_entity_ix').on(t.entity, t.entityId)
  ]
)

/** Public keys whose signatures this clinic trusts on QR codes: its own, the portal's, other clinics'. */
export const trustedKeys = sqliteTable('trusted_keys', {
  keyId: text('key_id').primaryKey(),
  issuerKind: text('issuer_kind', { enum: ['clinic', 'portal', 'other_clinic'] }).notNull(),
  issuerName: text('issuer_name').notNull(),
  publicKey: text('public_key').notNull(),
  own: integer('own', { mode: 'boolean' }).notNull().default(false),
  addedAt: text('added_at').notNull(),
  revokedAt: text('revoked_at')
})

/** Every document number this clinic has put a verification QR on, with the content hash the QR carries. */
export const printedDocuments = sqliteTable('printed_documents', {
  documentNumber: text('document_number').primaryKey(),
  contentHash: text('content_hash').notNull(),
  verificationCode: text('verification_code').notNull(),
  keyId: text('key_id').notNull(),
  title: text('title'),
  patientId: text('patient_id'),
  printedAt: text('printed_at').notNull(),
  revokedAt: text('revoked_at')
})

/** This desk's link to the clinic's sync server (one row, id 1). The desk's secret is kept in the key vault. */
export const syncState = sqliteTable('sync_state', {
  id: integer('id').primaryKey(),
  serverUrl: text('server_url').notNull(),
  deviceId: text('device_id').notNull(),
  deskNumber: text('desk_number'),
  generation: text('generation'),
  // The server sequence in force when its generation began: stamps older than it mean the same in both.
  generationStartSeq: integer('generation_start_seq').notNull().default(0),
  cursor: integer('cursor').notNull().default(0),
  headSeq: integer('head_seq').notNull().default(0),
  needsSnapshot: integer('needs_snapshot', { mode: 'boolean' }).notNull().default(true),
  // While a snapshot is applied page by page: the log position it is consistent with and the last page's key.
  snapshotUpTo: integer('snapshot_up_to'),
  snapshotAfter: text('snapshot_after'),
  baselineDone: integer('baseline_done', { mode: 'boolean' }).notNull().default(false),
  auditPushedSeq: integer('audit_pushed_seq').notNull().default(0),
  state: text('state', {
    enum: ['idle', 'online', 'offline', 'error', 'revoked', 'unsupported']
  })
    .notNull()
    .default('idle'),
  lastSyncAt: text('last_sync_at'),
  lastAttemptAt: text('last_attempt_at'),
  lastError: text('last_error'),
  lastErrorCode: text('last_error_code'),
  warning: text('warning'),
  clockSkewMs: integer('clock_skew_ms').notNull().default(0),
  // Changes whose stamps the server replaced with its own since this desk's clock went wrong.
  clampedChanges: integer('clamped_changes').notNull().default(0),
  enrolledAt: text('enrolled_at').notNull()
})

/** Things sync could not settle alone: an identity conflict, a suspected duplicate, a refused change, a bad clock. */
export const syncTasks = sqliteTable(
  'sync_tasks',
  {
    id: text('id').primaryKey(),
    kind: text('kind', {
      enum: ['identity_conflict', 'duplicate_patient', 'clock_skew', 'rejected_change', 'apply_failed']
    }).notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    field: text('field'),
    serverValue: text('server_value'),
    proposedValue: text('proposed_value'),
    deviceId: text('device_id'),
    relatedId: text('related_id'),
    message: text('message').notNull(),
    resolvedAt: text('resolved_at'),
    resolvedBy: text('resolved_by'),
    resolution: text('resolution'),
    ...stamps
  },
  (t) => [index('sync_tasks_open_ix').on(t.resolvedAt, t.createdAt)]
)

/** Every value a synced field has held, the winner and the losers of last-writer-wins alike. */
export const syncFieldHistory = sqliteTable(
  'sync_field_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    field: text('field').notNull(),
    value: text('value'),
    hlc: text('hlc').notNull(),
    deviceId: text('device_id').notNull(),
    seq: integer('seq').notNull(),
    outcome: text('outcome', { enum: ['applied', 'lost', 'kept_server'] }).notNull(),
    at: text('at').notNull()
  },
  (t) => [index('sync_field_history_ix').on(t.entity, t.entityId, t.field)]
)

/** Deleted records: a late change to one of them must not bring it back. */
export const syncTombstones = sqliteTable(
  'sync_tombstones',
  {
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    seq: integer('seq').notNull(),
    deletedAt: text('deleted_at').notNull()
  },
  (t) => [primaryKey({ columns: [t.entity, t.entityId] })]
)

/** Which password hash of each user this desk last sent or received, so that only a change travels. */
export const syncCredentials = sqliteTable('sync_credentials', {
  userId: text('user_id').primaryKey(),
  digest: text('digest').notNull()
})
