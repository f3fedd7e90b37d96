// Reads from the store exactly what each paper document says. Cards merged into the patient's card count as theirs:
// a visit recorded under a duplicate is still the patient's visit.
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm'
import { AppError } from '../../contract/errors'
import type { ExtractRequest } from '../../contract/schemas'
import type { CoreDeps } from '../context'
import {
  documentKinds,
  documentSignatures,
  extractRequests,
  medicalDocuments,
  organisations,
  visitServices,
  visits
} from '../db/schema'
import { fullNameOf } from '../patients/names'
import { mergedInto, type PatientRow } from '../patients/patient-repo'
import { resolveMerged } from '../patients/patient-service'
import { findRepresentative } from '../representatives/representative-service'
import { getSettings } from '../settings/settings-service'
import { findUser } from '../users/user-service'
import type { EmdCopyData } from './emd-copy-pdf'
import type { ExtractData, ExtractVisit } from './extract-pdf'
import type { RequestReceiptData } from './receipt-pdf'

export function patientIdsOf(deps: CoreDeps, patient: PatientRow): string[] {
  return [patient.id, ...mergedInto(deps.store.db, patient.id).map((m) => m.id)]
}

/** Visits of the patient (and cards merged into theirs) with dates inside [from, to], oldest first. */
export function visitsInPeriod(
  deps: CoreDeps,
  patientIds: string[],
  from: string,
  to: string
): ExtractVisit[] {
  const { db } = deps.store
  const rows = db
    .select({ v: visits, orgName: organisations.shortName })
    .from(visits)
    .leftJoin(organisations, eq(organisations.id, visits.organisationId))
    .where(and(inArray(visits.patientId, patientIds), gte(visits.date, from), lte(visits.date, to)))
    .orderBy(asc(visits.date), asc(visits.id))
    .all()
  const services = rows.length
    ? db
        .select()
        .from(visitServices)
        .where(
          inArray(
            visitServices.visitId,
            rows.map((r) => r.v.id)
          )
        )
        .orderBy(asc(visitServices.code))
        .all()
    : []
  return rows.map(({ v, orgName }) => ({
    date: v.date,
    organisationName: orgName ?? '—',
    doctorName: v.doctorName,
    specialty: v.specialty,
    careKind: v.careKind,
    diagnosisCode: v.diagnosisCode,
    diagnosisText: v.diagnosisText,
    services: services
      .filter((s) => s.visitId === v.id)
      .map((s) => ({ code: s.code, name: s.name, quantity: s.quantity })),
    prescriptions: v.prescriptions,
    recommendations: v.recommendations
  }))
}

function patientFacts(p: PatientRow) {
  return {
    fullName: fullNameOf(p),
    sex: p.sex,
    birthDate: p.birthDate,
    snils: p.snils,
    enp: p.enp,
    insurer: p.insurer,
    address: p.address
  }
}

export function extractData(deps: CoreDeps, request: ExtractRequest): ExtractData {
  const patient = resolveMerged(deps, request.patientId)
  return {
    number: request.number,
    kind: request.kind,
    periodFrom: request.periodFrom,
    periodTo: request.periodTo,
    purpose: request.purpose,
    clinic: getSettings(deps).clinic,
    patient: patientFacts(patient),
    visits: visitsInPeriod(deps, patientIdsOf(deps, patient), request.periodFrom, request.periodTo)
  }
}

export interface LoadedEmd {
  data: EmdCopyData
  patientId: string
}

export function emdCopyData(deps: CoreDeps, documentId: string): LoadedEmd {
  const { db } = deps.store
  const row = db
    .select({ d: medicalDocuments, org: organisations, kindName: documentKinds.name })
    .from(medicalDocuments)
    .leftJoin(organisations, eq(organisations.id, medicalDocuments.organisationId))
    .leftJoin(documentKinds, eq(documentKinds.code, medicalDocuments.kindCode))
    .where(eq(medicalDocuments.id, documentId))
    .get()
  if (!row) throw new AppError('NOT_FOUND', 'Электронный медицинский документ не найден')
  const patient = resolveMerged(deps, row.d.patientId)
  const replaced = row.d.replacesId
    ? db
        .select({ number: medicalDocuments.number })
        .from(medicalDocuments)
        .where(eq(medicalDocuments.id, row.d.replacesId))
        .get()
    : undefined
  const signatures = db
    .select()
    .from(documentSignatures)
    .where(eq(documentSignatures.documentId, documentId))
    .orderBy(asc(documentSignatures.signedAt), asc(documentSignatures.id))
    .all()
  if (signatures.length === 0) {
    throw new AppError(
      'VALIDATION',
      'Документ не подписан электронной подписью: бумажную копию заверить нельзя'
    )
  }
  return {
    patientId: patient.id,
    data: {
      clinic: getSettings(deps).clinic,
      document: {
        number: row.d.number,
        date: row.d.date,
        kindName: row.kindName ?? row.d.kindCode,
        title: row.d.title,
        organisationName: row.org?.name ?? '—',
        organisationOgrn: row.org?.ogrn ?? null,
        authorName: row.d.authorName,
        authorRole: row.d.authorRole,
        content: row.d.content,
        replacesNumber: replaced?.number ?? null
      },
      patient: { fullName: fullNameOf(patient), birthDate: patient.birthDate, snils: patient.snils },
      signatures: signatures.map((s) => ({
        signerName: s.signerName,
        signerRole: s.signerRole,
        certificateSerial: s.certificateSerial,
        validFrom: s.validFrom,
        validTo: s.validTo,
        signedAt: s.signedAt
      }))
    }
  }
}

export function requestReceiptData(deps: CoreDeps, request: ExtractRequest): RequestReceiptData {
  const createdBy = deps.store.db
    .select({ userId: extractRequests.createdBy })
    .from(extractRequests)
    .where(eq(extractRequests.id, request.id))
    .get()?.userId
  const patient = resolveMerged(deps, request.patientId)
  const rep = request.representativeId ? findRepresentative(deps, request.representativeId) : undefined
  return {
    number: `${request.number}-Р`,
    clinic: getSettings(deps).clinic,
    request: {
      number: request.number,
      registeredOn: request.registeredOn,
      dueDate: request.dueDate,
      kind: request.kind,
      periodFrom: request.periodFrom,
      periodTo: request.periodTo,
      purpose: request.purpose,
      delivery: request.delivery,
      urgent: request.urgent
    },
    patient: { fullName: fullNameOf(patient), birthDate: patient.birthDate },
    applicant: rep
      ? { name: rep.fullName, relation: rep.relation, poaNumber: rep.poaNumber }
      : { name: fullNameOf(patient), relation: null, poaNumber: null },
    acceptedBy: (createdBy && findUser(deps, createdBy)?.fullName) || '—'
  }
}
