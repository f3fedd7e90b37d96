// Preparing a complaint's paper: read the complaint and what it refers to, then hand it to the common preparation
// (hash, verification QR, PDF, job) and audit the print against the complaint.
import { eq } from 'drizzle-orm'
import type { Complaint } from '../../contract/complaint-commands'
import { AppError } from '../../contract/errors'
import type { PrintJobView } from '../../contract/print-commands'
import { appendAudit } from '../audit/audit'
import { loadComplaint } from '../complaints/complaint-view'
import { complaintStatusNames, discrepancyFieldNames } from '../complaints/rules'
import type { Actor, CoreDeps } from '../context'
import { inTransaction } from '../context'
import { complaints, medicalDocuments, organisations } from '../db/schema'
import { fullNameOf } from '../patients/names'
import { resolveMerged } from '../patients/patient-service'
import { getSettings } from '../settings/settings-service'
import { findUser } from '../users/user-service'
import {
  buildComplaintLetterPdf,
  buildComplaintReceiptPdf,
  complaintPaperContent,
  type ComplaintPaperData
} from './complaint-pdf'
import { jobView, prepareDocument } from './print-service'
import type { PrintJob } from './print-jobs'

const CLOSED: readonly Complaint['status'][] = ['resolved', 'rejected']

export function complaintPaperData(deps: CoreDeps, c: Complaint, suffix: 'Р' | 'П'): ComplaintPaperData {
  const { db } = deps.store
  const patient = resolveMerged(deps, c.patientId)
  const org = c.organisationId
    ? db.select().from(organisations).where(eq(organisations.id, c.organisationId)).get()
    : undefined
  const doc = c.documentId
    ? db.select().from(medicalDocuments).where(eq(medicalDocuments.id, c.documentId)).get()
    : undefined
  const createdBy = db
    .select({ userId: complaints.createdBy })
    .from(complaints)
    .where(eq(complaints.id, c.id))
    .get()?.userId
  return {
    number: `${c.number}-${suffix}`,
    complaintNumber: c.number,
    clinic: getSettings(deps).clinic,
    kind: c.kind,
    registeredOn: c.registeredOn,
    dueDate: c.dueDate,
    patient: {
      fullName: fullNameOf(patient),
      sex: patient.sex,
      birthDate: patient.birthDate,
      snils: patient.snils,
      enp: patient.enp
    },
    documentKindName: c.documentKindName,
    visitDate: c.visitDate,
    regionName: c.regionName,
    organisation: org ? { name: org.name, ogrn: org.ogrn || null, address: org.address || null } : null,
    document: doc ? { number: doc.number, title: doc.title, date: doc.date } : null,
    discrepancyField: c.discrepancyField ? discrepancyFieldNames[c.discrepancyField] : null,
    paperValue: c.paperValue,
    description: c.description,
    contacts: c.contacts,
    route: c.route,
    addressee: c.addressee,
    acceptedBy: (createdBy && findUser(deps, createdBy)?.fullName) || '—'
  }
}

function auditPrepared(deps: CoreDeps, actor: Actor, c: Complaint, job: PrintJob): void {
  inTransaction(deps, () =>
    appendAudit(deps, actor, {
      action: 'print.prepare',
      entity: 'complaint',
      entityId: c.id,
      patientId: job.patientId,
      details: {
        jobId: job.id,
        kind: job.kind,
        documentNumber: job.documentNumber,
        pages: job.pages,
        pdfSha256: job.pdfSha256,
        contentSha256: job.contentSha256,
        verificationCode: job.verificationCode,
        reprint: job.reprint
      }
    })
  )
}

export async function prepareComplaintReceipt(
  deps: CoreDeps,
  actor: Actor,
  input: { complaintId: string; reprint: boolean }
): Promise<PrintJobView> {
  const c = loadComplaint(deps, input.complaintId)
  const data = complaintPaperData(deps, c, 'Р')
  const { job } = await prepareDocument(deps, actor, {
    kind: 'complaint_receipt',
    title: 'Расписка в приёме жалобы',
    patientId: resolveMerged(deps, c.patientId).id,
    requestId: null,
    documentId: null,
    complaintId: c.id,
    reprint: input.reprint,
    content: complaintPaperContent('complaint_receipt', data),
    build: (options) => buildComplaintReceiptPdf(data, options)
  })
  auditPrepared(deps, actor, c, job)
  return jobView(job)
}

export async function prepareComplaintLetter(
  deps: CoreDeps,
  actor: Actor,
  input: { complaintId: string; reprint: boolean }
): Promise<PrintJobView> {
  const c = loadComplaint(deps, input.complaintId)
  if (c.route !== 'paper')
    throw new AppError('CONFLICT', 'Эта жалоба отправляется электронно, письмо не нужно')
  if (CLOSED.includes(c.status))
    throw new AppError(
      'INVALID_TRANSITION',
      `Жалоба в статусе «${complaintStatusNames[c.status]}» закрыта: письмо не нужно`
    )
  const data = complaintPaperData(deps, c, 'П')
  const { job } = await prepareDocument(deps, actor, {
    kind: 'complaint_letter',
    title: 'Письмо по жалобе пациента',
    patientId: resolveMerged(deps, c.patientId).id,
    requestId: null,
    documentId: null,
    complaintId: c.id,
    // A letter already sent goes out again only as a marked copy.
    reprint: input.reprint || c.sentOnPaperAt !== null,
    content: complaintPaperContent('complaint_letter', data),
    build: (options) => buildComplaintLetterPdf(data, { ...options, executor: actor.fullName })
  })
  auditPrepared(deps, actor, c, job)
  return jobView(job)
}
