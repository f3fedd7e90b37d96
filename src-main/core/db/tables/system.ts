// The clinic, its desks and staff, the reference directories, number series, trusted keys and printed documents.
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { stamps } from './stamps'

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
