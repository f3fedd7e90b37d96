// What travels through sync and under which rule. Pure (tables, identifier checks, the status ranks): the server
// imports it too, so that a desk and the server judge every change by the same list.
import { getTableColumns, getTableName } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { checkEnp, checkSnils } from '../../contract/identifiers'
import { isRealIsoDate, RefusalReason, RequestStatus } from '../../contract/schemas'
import {
  complaints,
  complaintStatusHistory,
  consents,
  documentSignatures,
  extractRequests,
  issuances,
  medicalDocuments,
  patients,
  representatives,
  requestStatusHistory,
  syncTasks,
  users,
  visits,
  visitServices
} from '../db/schema'
import { statusRank } from '../requests/status-machine'

/** record: changed field by field; journal: written once, never changed; credential: a user's password hash. */
export type EntityKind = 'record' | 'journal' | 'credential'

export interface StatusRule {
  /** The status column first, then the epoch column, then columns that belong to the status (a refusal reason). */
  fields: readonly string[]
  rank: Readonly<Record<string, number>>
}

export interface ChildRule {
  /** The field of the parent's op that carries the rows: visit.services, medical_document.signatures. */
  field: string
  table: SQLiteTable
  parentColumn: string
}

export interface EntitySpec {
  name: string
  kind: EntityKind
  table: SQLiteTable | null
  /** Snapshot and dependency order: a record comes after those it refers to. */
  rank: number
  /** Identity (ФИО, birth date, СНИЛС, ЕНП): a concurrent change keeps the server's value and raises a task. */
  identity: readonly string[]
  /** Contact and every other plain field: last writer by HLC wins, the loser is kept in history. */
  status: StatusRule | null
  /** Set when the record is made, never changed afterwards. */
  immutable: readonly string[]
  /** Kept on the desk only: derived columns, secrets, counters of failed sign-ins. */
  localOnly: readonly string[]
  deletable: boolean
  children: readonly ChildRule[]
  /** Fields that point at another synced record: the server holds a change back until that record has arrived. */
  refs: readonly { field: string; entity: string }[]
  /** Rules beyond column types; a Russian message when the fields break one. */
  check?: (fields: Record<string, unknown>) => string | null
}

export const contactFields = ['phone', 'email', 'address', 'insurer'] as const

export const complaintStatusRank: Readonly<Record<string, number>> = {
  registered: 1,
  forwarded: 2,
  in_review: 3,
  resolved: 4,
  rejected: 4
}

const NAME = /^[А-Яа-яЁёA-Za-z][А-Яа-яЁёA-Za-z' .-]*$/

function checkPatient(f: Record<string, unknown>): string | null {
  for (const key of ['lastName', 'firstName'] as const) {
    const v = f[key]
    if (v !== undefined && (typeof v !== 'string' || v.length > 60 || !NAME.test(v)))
      return `${key === 'lastName' ? 'Фамилия' : 'Имя'}: только буквы, пробел, дефис и апостроф`
  }
  for (const [key, check] of [
    ['snils', checkSnils],
    ['enp', checkEnp]
  ] as const) {
    const result = typeof f[key] === 'string' ? check(f[key]) : null
    if (result && !result.ok) return result.message
  }
  if (f.birthDate !== undefined && !isRealIsoDate(String(f.birthDate)))
    return 'Дата рождения: нужна настоящая дата'
  return null
}

function checkDates(...keys: string[]) {
  return (f: Record<string, unknown>): string | null => {
    for (const key of keys) {
      const v = f[key]
      if (typeof v === 'string' && !isRealIsoDate(v)) return `Поле ${key}: нужна дата в формате ГГГГ-ММ-ДД`
    }
    return null
  }
}

function checkRequest(f: Record<string, unknown>): string | null {
  if (f.status !== undefined && !RequestStatus.safeParse(f.status).success)
    return 'Неизвестный статус заявления'
  if (f.refusalReason != null && !RefusalReason.safeParse(f.refusalReason).success)
    return 'Неизвестная причина отказа'
  if (f.status !== undefined && (f.status === 'refused') !== (f.refusalReason != null))
    return 'Причина отказа указывается только вместе с отказом'
  if (typeof f.statusEpoch === 'number' && f.statusEpoch < 0)
    return 'Эпоха статуса не может быть отрицательной'
  return checkDates('periodFrom', 'periodTo', 'registeredOn', 'dueDate')(f)
}

function checkStatusHistory(f: Record<string, unknown>): string | null {
  if (f.toStatus !== undefined && !RequestStatus.safeParse(f.toStatus).success) return 'Неизвестный статус'
  if (f.fromStatus != null && !RequestStatus.safeParse(f.fromStatus).success) return 'Неизвестный статус'
  return null
}

function checkComplaintHistory(f: Record<string, unknown>): string | null {
  if (f.toStatus !== undefined && !(String(f.toStatus) in complaintStatusRank))
    return 'Неизвестный статус жалобы'
  return null
}

const base = {
  identity: [],
  status: null,
  immutable: ['createdAt'],
  localOnly: [],
  deletable: false,
  children: [],
  refs: []
}
const ofPatient = [{ field: 'patientId', entity: 'patient' }]

export const entitySpecs: Readonly<Record<string, EntitySpec>> = {
  user: {
    ...base,
    name: 'user',
    kind: 'record',
    table: users,
    rank: 1,
    immutable: ['login', 'createdAt'],
    localOnly: ['passwordHash', 'failedSignIns', 'lockedUntil']
  },
  user_credential: {
    ...base,
    name: 'user_credential',
    kind: 'credential',
    table: null,
    rank: 2,
    immutable: [],
    refs: [{ field: 'id', entity: 'user' }]
  },
  patient: {
    ...base,
    name: 'patient',
    kind: 'record',
    table: patients,
    rank: 10,
    identity: ['lastName', 'firstName', 'middleName', 'birthDate', 'snils', 'enp'],
    localOnly: ['searchText'],
    check: checkPatient
  },
  representative: {
    ...base,
    name: 'representative',
    refs: ofPatient,
    kind: 'record',
    table: representatives,
    rank: 20,
    immutable: ['patientId', 'createdAt'],
    deletable: true,
    check: checkDates('poaDate', 'poaValidUntil')
  },
  consent: {
    ...base,
    name: 'consent',
    refs: ofPatient,
    kind: 'record',
    table: consents,
    rank: 20,
    immutable: ['patientId', 'kind', 'createdAt'],
    deletable: true,
    check: checkDates('givenOn', 'withdrawnOn')
  },
  visit: {
    ...base,
    name: 'visit',
    refs: ofPatient,
    kind: 'record',
    table: visits,
    rank: 20,
    immutable: ['patientId', 'createdAt'],
    children: [{ field: 'services', table: visitServices, parentColumn: 'visitId' }],
    check: checkDates('date')
  },
  medical_document: {
    ...base,
    name: 'medical_document',
    refs: ofPatient,
    kind: 'record',
    table: medicalDocuments,
    rank: 22,
    immutable: ['patientId', 'createdAt'],
    children: [{ field: 'signatures', table: documentSignatures, parentColumn: 'documentId' }],
    check: checkDates('date')
  },
  extract_request: {
    ...base,
    name: 'extract_request',
    refs: ofPatient,
    kind: 'record',
    table: extractRequests,
    rank: 30,
    status: { fields: ['status', 'statusEpoch', 'refusalReason'], rank: statusRank },
    immutable: ['number', 'patientId', 'createdBy', 'registeredOn', 'createdAt'],
    check: checkRequest
  },
  complaint: {
    ...base,
    name: 'complaint',
    refs: ofPatient,
    kind: 'record',
    table: complaints,
    rank: 30,
    status: { fields: ['status', 'statusEpoch'], rank: complaintStatusRank },
    immutable: ['number', 'patientId', 'kind', 'createdBy', 'registeredOn', 'createdAt']
  },
  request_status: {
    ...base,
    name: 'request_status',
    refs: [{ field: 'requestId', entity: 'extract_request' }],
    kind: 'journal',
    table: requestStatusHistory,
    rank: 40,
    immutable: [],
    check: checkStatusHistory
  },
  complaint_status: {
    ...base,
    name: 'complaint_status',
    refs: [{ field: 'complaintId', entity: 'complaint' }],
    kind: 'journal',
    table: complaintStatusHistory,
    rank: 40,
    immutable: [],
    check: checkComplaintHistory
  },
  issuance: {
    ...base,
    name: 'issuance',
    kind: 'journal',
    table: issuances,
    rank: 40,
    immutable: [],
    refs: ofPatient
  },
  sync_task: {
    ...base,
    name: 'sync_task',
    kind: 'record',
    table: syncTasks,
    rank: 50,
    immutable: [
      'kind',
      'entity',
      'entityId',
      'field',
      'serverValue',
      'proposedValue',
      'deviceId',
      'createdAt'
    ]
  }
}

/** The tables a snapshot fills: every synced entity's own and its children's, each once. */
export function syncedTableNames(): string[] {
  const names = Object.values(entitySpecs).flatMap((spec) => [
    ...(spec.table ? [getTableName(spec.table)] : []),
    ...spec.children.map((child) => getTableName(child.table))
  ])
  return [...new Set(names)]
}

export function specOf(entity: string): EntitySpec | undefined {
  return Object.prototype.hasOwnProperty.call(entitySpecs, entity) ? entitySpecs[entity] : undefined
}

/** Columns every desk fills in for itself when it applies a change. */
export const bookkeeping = new Set(['version', 'updatedAt'])

interface ColumnMeta {
  notNull: boolean
  hasDefault: boolean
  columnType: string
  enumValues?: readonly string[]
}

const columnMeta = new Map<SQLiteTable, Record<string, ColumnMeta>>()

/**
 * A table's columns as plain records, made once per table: every op checked or applied reads them, and Drizzle's
 * column objects are of a dozen classes, which made each property read a slow, many-shaped lookup.
 */
export function columnsOf(table: SQLiteTable): Record<string, ColumnMeta> {
  let meta = columnMeta.get(table)
  if (!meta) {
    meta = {}
    for (const [key, c] of Object.entries(getTableColumns(table) as unknown as Record<string, ColumnMeta>))
      meta[key] = {
        notNull: c.notNull,
        hasDefault: c.hasDefault,
        columnType: c.columnType,
        enumValues: c.enumValues
      }
    columnMeta.set(table, meta)
  }
  return meta
}
