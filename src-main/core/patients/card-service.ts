// The patient card: everything the desk knows about one person, including cards merged into theirs.
import { asc, desc, eq, inArray } from 'drizzle-orm'
import { checkEnp, checkSnils } from '../../contract/identifiers'
import type { MedicalDocument, PatientCard, Visit } from '../../contract/schemas'
import { appendAudit } from '../audit/audit'
import { ageOn, localDate } from '../clock'
import type { Actor, CoreDeps } from '../context'
import { inTransaction } from '../context'
import {
  complaints,
  consents,
  documentKinds,
  documentSignatures,
  issuances,
  medicalDocuments,
  organisations,
  representatives,
  users,
  visitServices,
  visits
} from '../db/schema'
import { toRepresentative } from '../representatives/representative-service'
import { requestsOfPatients } from '../requests/request-service'
import { fullNameOf } from './names'
import { mergedInto, toPatient, type PatientRow } from './patient-repo'
import { resolveMerged } from './patient-service'

export function identityWarnings(p: PatientRow, age: number, representativeCount: number): string[] {
  const warnings: string[] = []
  if (!p.snils) warnings.push('Не указан СНИЛС')
  else if (!checkSnils(p.snils).ok) warnings.push('СНИЛС в карте не проходит проверку контрольного числа')
  if (!p.enp) warnings.push('Не указан полис ОМС (ЕНП)')
  else if (!checkEnp(p.enp).ok) warnings.push('ЕНП в карте не проходит проверку контрольной цифры')
  if (!p.docNumber) warnings.push('Не указан документ, удостоверяющий личность')
  if (age >= 14 && p.docKind === 'birth_certificate')
    warnings.push('Пациенту 14 лет или больше: нужен паспорт')
  if (age < 15 && representativeCount === 0)
    warnings.push('Пациенту нет 15 лет, а законный представитель не записан')
  return warnings
}

export function patientCard(deps: CoreDeps, actor: Actor, id: string): PatientCard {
  return inTransaction(deps, () => {
    const row = resolveMerged(deps, id)
    const merged = mergedInto(deps.store.db, row.id)
    const ids = [row.id, ...merged.map((m) => m.id)]
    const today = localDate(deps.clock.now())
    const age = ageOn(row.birthDate, today)
    const { db } = deps.store
    const reps = db.select().from(representatives).where(inArray(representatives.patientId, ids)).all()
    const card: PatientCard = {
      patient: toPatient(row),
      ageYears: age,
      identityWarnings: identityWarnings(row, age, reps.length),
      representatives: reps.map((r) => toRepresentative(r, row.birthDate, today)),
      consents: db
        .select({
          id: consents.id,
          kind: consents.kind,
          givenOn: consents.givenOn,
          withdrawnOn: consents.withdrawnOn
        })
        .from(consents)
        .where(inArray(consents.patientId, ids))
        .all(),
      visits: loadVisits(deps, ids),
      documents: loadDocuments(deps, ids),
      requests: requestsOfPatients(deps, ids),
      issuances: db
        .select({ i: issuances, printedByName: users.fullName })
        .from(issuances)
        .leftJoin(users, eq(users.id, issuances.printedBy))
        .where(inArray(issuances.patientId, ids))
        .orderBy(desc(issuances.printedAt))
        .all()
        .map(({ i, printedByName }) => ({
          id: i.id,
          what: i.what,
          printedAt: i.printedAt,
          printedByName: printedByName ?? '—',
          copies: i.copies,
          recipientName: i.recipientName,
          recipientDocument: i.recipientDocument,
          reprint: i.reprint
        })),
      complaints: db
        .select({
          id: complaints.id,
          number: complaints.number,
          kind: complaints.kind,
          status: complaints.status,
          registeredOn: complaints.registeredOn,
          dueDate: complaints.dueDate,
          description: complaints.description
        })
        .from(complaints)
        .where(inArray(complaints.patientId, ids))
        .orderBy(desc(complaints.registeredOn))
        .all(),
      mergedFrom: merged.map((m) => ({
        id: m.id,
        fullName: fullNameOf(m),
        birthDate: m.birthDate,
        sex: m.sex,
        snils: m.snils,
        enp: m.enp
      }))
    }
    // Every look at a card is recorded (DESIGN §7): who read whose data, from which desk.
    appendAudit(deps, actor, {
      action: 'patient.read',
      entity: 'patient',
      entityId: row.id,
      patientId: row.id
    })
    return card
  })
}

function loadVisits(deps: CoreDeps, patientIds: string[]): Visit[] {
  const { db } = deps.store
  const rows = db
    .select({ v: visits, orgName: organisations.shortName })
    .from(visits)
    .leftJoin(organisations, eq(organisations.id, visits.organisationId))
    .where(inArray(visits.patientId, patientIds))
    .orderBy(desc(visits.date))
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
        .all()
    : []
  return rows.map(({ v, orgName }) => ({
    id: v.id,
    date: v.date,
    regionCode: v.regionCode,
    organisationName: orgName ?? '—',
    doctorName: v.doctorName,
    specialty: v.specialty,
    careKind: v.careKind,
    diagnosisCode: v.diagnosisCode,
    diagnosisText: v.diagnosisText,
    costKopecks: v.costKopecks,
    prescriptions: v.prescriptions,
    recommendations: v.recommendations,
    services: services
      .filter((s) => s.visitId === v.id)
      .map((s) => ({ code: s.code, name: s.name, quantity: s.quantity }))
  }))
}

function loadDocuments(deps: CoreDeps, patientIds: string[]): MedicalDocument[] {
  const { db } = deps.store
  const rows = db
    .select({ d: medicalDocuments, orgName: organisations.shortName, kindName: documentKinds.name })
    .from(medicalDocuments)
    .leftJoin(organisations, eq(organisations.id, medicalDocuments.organisationId))
    .leftJoin(documentKinds, eq(documentKinds.code, medicalDocuments.kindCode))
    .where(inArray(medicalDocuments.patientId, patientIds))
    .orderBy(desc(medicalDocuments.date))
    .all()
  const signatures = rows.length
    ? db
        .select()
        .from(documentSignatures)
        .where(
          inArray(
            documentSignatures.documentId,
            rows.map((r) => r.d.id)
          )
        )
        .orderBy(asc(documentSignatures.signedAt))
        .all()
    : []
  return rows.map(({ d, orgName, kindName }) => ({
    id: d.id,
    kindCode: d.kindCode,
    kindName: kindName ?? d.kindCode,
    number: d.number,
    date: d.date,
    organisationName: orgName ?? '—',
    authorName: d.authorName,
    authorRole: d.authorRole,
    title: d.title,
    content: d.content,
    replacesId: d.replacesId,
    signatures: signatures
      .filter((s) => s.documentId === d.id)
      .map((s) => ({
        signerName: s.signerName,
        signerRole: s.signerRole,
        certificateSerial: s.certificateSerial,
        validFrom: s.validFrom,
        validTo: s.validTo,
        signedAt: s.signedAt
      }))
  }))
}
