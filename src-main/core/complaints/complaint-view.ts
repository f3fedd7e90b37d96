// Reading complaints: the view the desk shows, the open queue, and which arrived documents answer which complaint.
import { asc, eq, inArray } from 'drizzle-orm'
import { AppError } from '../../contract/errors'
import type { Complaint } from '../../contract/complaint-commands'
import { localDate } from '../clock'
import type { CoreDeps } from '../context'
import {
  complaintStatusHistory,
  complaints,
  documentKinds,
  medicalDocuments,
  organisations,
  patients,
  regions,
  users
} from '../db/schema'
import { fullNameOf } from '../patients/names'
import { mergedInto } from '../patients/patient-repo'
import { complaintNext, documentMatches, type ComplaintStatus } from './rules'

export type ComplaintRow = typeof complaints.$inferSelect
export const openStatuses: ComplaintStatus[] = ['registered', 'forwarded', 'in_review']

export function requireComplaint(deps: CoreDeps, id: string): ComplaintRow {
  const row = deps.store.db.select().from(complaints).where(eq(complaints.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', 'Жалоба не найдена')
  return row
}

function patientIdsOf(deps: CoreDeps, patientId: string): string[] {
  return [patientId, ...mergedInto(deps.store.db, patientId).map((p) => p.id)]
}

export function matchesFor(deps: CoreDeps, row: ComplaintRow) {
  const ids = patientIdsOf(deps, row.patientId)
  const docs = deps.store.db
    .select({ d: medicalDocuments, orgName: organisations.shortName })
    .from(medicalDocuments)
    .leftJoin(organisations, eq(organisations.id, medicalDocuments.organisationId))
    .where(inArray(medicalDocuments.patientId, ids))
    .all()
  const fits = docs.filter(({ d }) =>
    row.kind === 'discrepancy'
      ? d.replacesId === row.documentId
      : documentMatches(
          {
            patientIds: ids,
            documentKindCode: row.documentKindCode,
            organisationId: row.organisationId,
            visitDate: row.visitDate
          },
          d
        )
  )
  return fits.map(({ d, orgName }) => ({
    documentId: d.id,
    number: d.number,
    title: d.title,
    date: d.date,
    organisationName: orgName ?? '—'
  }))
}

/** Open complaints a newly arrived document answers. */
export function complaintsAnsweredBy(deps: CoreDeps, documentId: string): string[] {
  const doc = deps.store.db.select().from(medicalDocuments).where(eq(medicalDocuments.id, documentId)).get()
  if (!doc) return []
  const open = deps.store.db.select().from(complaints).where(inArray(complaints.status, openStatuses)).all()
  return open.filter((c) => matchesFor(deps, c).some((m) => m.documentId === documentId)).map((c) => c.id)
}

export function loadComplaint(deps: CoreDeps, id: string): Complaint {
  const row = requireComplaint(deps, id)
  const { db } = deps.store
  const patient = db.select().from(patients).where(eq(patients.id, row.patientId)).get()
  const kind = row.documentKindCode
    ? db.select().from(documentKinds).where(eq(documentKinds.code, row.documentKindCode)).get()
    : undefined
  const region = row.regionCode
    ? db.select().from(regions).where(eq(regions.code, row.regionCode)).get()
    : undefined
  const org = row.organisationId
    ? db.select().from(organisations).where(eq(organisations.id, row.organisationId)).get()
    : undefined
  const doc = row.documentId
    ? db.select().from(medicalDocuments).where(eq(medicalDocuments.id, row.documentId)).get()
    : undefined
  const history = db
    .select({ h: complaintStatusHistory, userName: users.fullName })
    .from(complaintStatusHistory)
    .leftJoin(users, eq(users.id, complaintStatusHistory.userId))
    .where(eq(complaintStatusHistory.complaintId, id))
    .orderBy(asc(complaintStatusHistory.at), asc(complaintStatusHistory.id))
    .all()
  const today = localDate(deps.clock.now())
  return {
    id: row.id,
    number: row.number,
    patientId: row.patientId,
    patientName: patient ? fullNameOf(patient) : '',
    kind: row.kind,
    documentKindCode: row.documentKindCode,
    documentKindName: kind?.name ?? null,
    visitDate: row.visitDate,
    regionCode: row.regionCode,
    regionName: region?.name ?? null,
    organisationId: row.organisationId,
    organisationName: org?.name ?? null,
    documentId: row.documentId,
    documentNumber: doc?.number ?? null,
    discrepancyField: row.discrepancyField,
    paperValue: row.paperValue,
    description: row.description,
    contacts: row.contacts,
    status: row.status,
    registeredOn: row.registeredOn,
    dueDate: row.dueDate,
    overdue: openStatuses.includes(row.status) && row.dueDate < today,
    route: row.route,
    addressee: row.addressee,
    sentOnPaperAt: row.sentOnPaperAt,
    resolution: row.resolution,
    resolvedDocumentId: row.resolvedDocumentId,
    allowedNext: [...complaintNext(row.status)],
    matches: openStatuses.includes(row.status) ? matchesFor(deps, row) : [],
    history: history.map(({ h, userName }) => ({
      fromStatus: h.fromStatus as ComplaintStatus | null,
      toStatus: h.toStatus as ComplaintStatus,
      note: h.note,
      at: h.at,
      userName: userName ?? '—'
    }))
  }
}

export function complaintQueue(deps: CoreDeps, limit: number) {
  const today = localDate(deps.clock.now())
  const order = [asc(complaints.dueDate), asc(complaints.number)]
  // The page's ids off the queue index first, then their rows and patients, as the request queue does.
  const page = deps.store.db
    .select({ id: complaints.id })
    .from(complaints)
    .where(inArray(complaints.status, openStatuses))
    .orderBy(...order)
    .limit(limit)
  return deps.store.db
    .select({ c: complaints, p: patients })
    .from(complaints)
    .innerJoin(patients, eq(patients.id, complaints.patientId))
    .where(inArray(complaints.id, page))
    .orderBy(...order)
    .all()
    .map(({ c, p }) => ({
      id: c.id,
      number: c.number,
      patientId: c.patientId,
      patientName: fullNameOf(p),
      kind: c.kind,
      status: c.status,
      dueDate: c.dueDate,
      overdue: c.dueDate < today
    }))
}
