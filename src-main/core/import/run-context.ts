// What every row of one import shares: the store's prepared queries, the directories, and the file's own index of
// the rows already taken. The index is what lets a dry run, which keeps nothing in the store, still resolve a visit
// to a patient a few thousand rows earlier in the same file.
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { MissingDocumentClaim } from '../complaints/rules'
import type { Actor, CoreDeps } from '../context'
import {
  documentSignatures,
  extractRequests,
  medicalDocuments,
  patients,
  visitServices,
  visits
} from '../db/schema'
import { createBulkWriter, type BulkWriter } from '../db/bulk-insert'
import type { Change } from '../outbox/outbox'
import type { Directories } from './directories'
import type { Section } from './format'
import { RowError, type PatientRefValue } from './rows'
import { sourceKey } from './source-ids'

const key = sql.placeholder('key')
const id = sql.placeholder('id')

function queries(deps: CoreDeps) {
  const { db } = deps.store
  return {
    patientBySource: db.select().from(patients).where(eq(patients.sourceId, key)).prepare(),
    patientById: db.select().from(patients).where(eq(patients.id, id)).prepare(),
    patientBySnils: db
      .select()
      .from(patients)
      .where(eq(patients.snils, key))
      .orderBy(sql`${patients.mergedInto} IS NOT NULL`)
      .limit(1)
      .prepare(),
    patientByEnp: db
      .select()
      .from(patients)
      .where(eq(patients.enp, key))
      .orderBy(sql`${patients.mergedInto} IS NOT NULL`)
      .limit(1)
      .prepare(),
    livePatientByNameAndBirth: db
      .select({ id: patients.id })
      .from(patients)
      .where(
        and(
          eq(patients.searchText, key),
          eq(patients.birthDate, sql.placeholder('birthDate')),
          isNull(patients.mergedInto)
        )
      )
      .limit(1)
      .prepare(),
    visitBySource: db.select().from(visits).where(eq(visits.sourceId, key)).prepare(),
    visitById: db.select().from(visits).where(eq(visits.id, id)).prepare(),
    servicesOf: db
      .select()
      .from(visitServices)
      .where(eq(visitServices.visitId, id))
      .orderBy(asc(sql`rowid`))
      .prepare(),
    documentBySource: db.select().from(medicalDocuments).where(eq(medicalDocuments.sourceId, key)).prepare(),
    documentById: db.select().from(medicalDocuments).where(eq(medicalDocuments.id, id)).prepare(),
    signaturesOf: db
      .select()
      .from(documentSignatures)
      .where(eq(documentSignatures.documentId, id))
      .orderBy(asc(sql`rowid`))
      .prepare(),
    requestBySource: db.select().from(extractRequests).where(eq(extractRequests.sourceId, key)).prepare(),
    requestById: db.select().from(extractRequests).where(eq(extractRequests.id, id)).prepare(),
    requestByNumber: db.select().from(extractRequests).where(eq(extractRequests.number, key)).prepare()
  }
}

export type Queries = ReturnType<typeof queries>
export type RowOutcome = 'new' | 'updated' | 'unchanged'
export type PatientRow = typeof patients.$inferSelect

/** A row this file already took (with where it was) or turned away (null id). */
export interface Taken {
  position: number
  id: string | null
  patientId: string | null
}

export interface FilePatient {
  id: string
  birthDate: string
  /** The row of this file that took the card; absent for a card found in the store. */
  position?: number
}

export interface Issue {
  section: Section
  position: number
  sourceId: string | null
  message: string
}

export interface AnsweredComplaint {
  complaintId: string
  complaintNumber: string
  documentId: string
  documentNumber: string
  documentSourceId: string
  documentPosition: number
}

export interface OpenComplaint extends MissingDocumentClaim {
  id: string
  number: string
  kind: 'missing_document' | 'discrepancy'
  disputedDocumentId: string | null
}

export interface RunContext {
  deps: CoreDeps
  actor: Actor
  system: string
  today: string
  now: string
  dirs: Directories
  q: Queries
  writer: BulkWriter
  /** Writes the outbox row of a change; set afresh for each batch's transaction. */
  record: (change: Change) => void
  taken: Record<Section, Map<string, Taken>>
  patientBySnils: Map<string, FilePatient & { position: number }>
  patientByEnp: Map<string, FilePatient & { position: number }>
  /** Request numbers this file has used, with the row that used each. */
  requestNumbers: Map<string, number>
  /** 'snils:<value>' / 'enp:<value>' → the card an earlier row of this file took that identifier from. */
  released: Map<string, string>
  filePatients: Map<string, FilePatient>
  /** Open complaints by patient, read when the first document arrives. */
  openComplaints?: Map<string, OpenComplaint[]>
  answered: AnsweredComplaint[]
  dueDates: Map<string, string>
  warn(message: string): void
}

export function createRunContext(
  deps: CoreDeps,
  actor: Actor,
  system: string,
  today: string,
  dirs: Directories,
  warn: (message: string) => void
): RunContext {
  return {
    deps,
    actor,
    system,
    today,
    now: deps.clock.now().toISOString(),
    dirs,
    q: queries(deps),
    writer: createBulkWriter(deps.store.sqlite),
    record: () => {
      throw new Error('import: a change recorded outside a batch')
    },
    taken: { patients: new Map(), visits: new Map(), documents: new Map(), requests: new Map() },
    patientBySnils: new Map(),
    patientByEnp: new Map(),
    requestNumbers: new Map(),
    released: new Map(),
    filePatients: new Map(),
    answered: [],
    dueDates: new Map(),
    warn
  }
}

const sectionNouns: Record<Section, string> = {
  patients: 'пациента',
  visits: 'посещения',
  documents: 'документа',
  requests: 'заявления'
}

/** Refuses a second row with the same source id: the file itself is ambiguous about which one is right. */
export function refuseRepeat(run: RunContext, section: Section, sourceId: string): void {
  const before = run.taken[section].get(sourceId)
  if (before) {
    throw new RowError(
      `id в МИС «${sourceId}» повторяется: та же запись уже была в строке ${sectionNouns[section]} №${before.position}`
    )
  }
}

/**
 * The card the store gives for a СНИЛС or ЕНП, as it stands after this file's earlier rows: a row that changed or
 * cleared a card's identifier released the old value, and a dry run has rolled that change back in the store.
 */
export function cardWith(run: RunContext, which: 'snils' | 'enp', value: string): PatientRow | undefined {
  const row = (which === 'snils' ? run.q.patientBySnils : run.q.patientByEnp).get({ key: value })
  return row && run.released.get(`${which}:${value}`) === row.id ? undefined : row
}

/** Marks a row as turned away, so that rows referring to it say why they cannot be taken. */
export function rejectRow(
  run: RunContext,
  section: Section,
  position: number,
  sourceId: string | null
): void {
  if (sourceId !== null && !run.taken[section].has(sourceId))
    run.taken[section].set(sourceId, { position, id: null, patientId: null })
}

/** Follows merged_into to the card that stayed. */
export function liveCard(run: RunContext, row: PatientRow): PatientRow {
  let card = row
  for (let hops = 0; card.mergedInto && hops < 10; hops++) {
    const next = run.q.patientById.get({ id: card.mergedInto })
    if (!next) break
    card = next
  }
  return card
}

function fromFileOrStore(run: RunContext, ref: PatientRefValue): FilePatient[] {
  const found: FilePatient[] = []
  if (ref.sourceId !== undefined) {
    const inFile = run.taken.patients.get(ref.sourceId)
    if (inFile && !inFile.id)
      throw new RowError(`Пациент: строка пациента №${inFile.position} с этим id в МИС не принята`)
    const filePatient = inFile?.id ? run.filePatients.get(inFile.id) : undefined
    const stored = filePatient
      ? undefined
      : run.q.patientBySource.get({ key: sourceKey(run.system, ref.sourceId) })
    if (!filePatient && !stored)
      throw new RowError(`Пациент: id в МИС «${ref.sourceId}» не найден ни в файле, ни в базе`)
    found.push(filePatient ?? toFilePatient(liveCard(run, stored!)))
  }
  for (const [which, map, label] of [
    ['snils', run.patientBySnils, 'СНИЛС'],
    ['enp', run.patientByEnp, 'ЕНП']
  ] as const) {
    const value = ref[which]
    if (!value) continue
    const inFile = map.get(value)
    const stored = inFile ? undefined : cardWith(run, which, value)
    if (!inFile && !stored) throw new RowError(`Пациент с таким ${label} не найден ни в файле, ни в базе`)
    found.push(inFile ?? toFilePatient(liveCard(run, stored!)))
  }
  return found
}

function toFilePatient(row: PatientRow): FilePatient {
  return { id: row.id, birthDate: row.birthDate }
}

/** The live card a row refers to; every identifier the row gives must point to the same person. */
export function resolvePatient(run: RunContext, ref: PatientRefValue): FilePatient {
  const found = fromFileOrStore(run, ref)
  if (found.some((p) => p.id !== found[0].id))
    throw new RowError('Пациент: id в МИС, СНИЛС и ЕНП указывают на разных пациентов')
  return found[0]
}

/** Whether a stored record's patient is, after merges, the one the row names. */
export function samePatient(run: RunContext, storedPatientId: string, patientId: string): boolean {
  if (storedPatientId === patientId) return true
  const row = run.q.patientById.get({ id: storedPatientId })
  return !!row && liveCard(run, row).id === patientId
}

/** Fields of `next` that differ from `current`. */
export function changedFields<T extends object>(current: { [K in keyof T]?: unknown }, next: T): Partial<T> {
  const changed: Partial<T> = {}
  for (const k of Object.keys(next) as (keyof T)[]) if (current[k] !== next[k]) changed[k] = next[k]
  return changed
}

/** Child rows (services, signatures) compared by their content, in order. */
export function sameRows<T extends object>(
  a: readonly T[],
  b: readonly T[],
  keys: readonly (keyof T)[]
): boolean {
  return a.length === b.length && a.every((row, i) => keys.every((k) => row[k] === b[i][k]))
}
