// Patients and what the clinic holds about them: representatives, consents, visits with services, ЭМД with signatures.
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { stamps } from './stamps'

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
