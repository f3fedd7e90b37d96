// Preparing paper documents: read what the document says, hash it, get the verification QR for that hash, draw the
// PDF, keep it as a job and record the print in the audit journal (DESIGN §7: every print is audited).
import { and, eq, isNull } from 'drizzle-orm'
import { AppError } from '../../contract/errors'
import type { PrintJobView } from '../../contract/print-commands'
import { appendAudit } from '../audit/audit'
import type { Actor, CoreDeps } from '../context'
import { inTransaction } from '../context'
import { issuances } from '../db/schema'
import { uuidv7 } from '../ids'
import { makeVerificationCode } from '../qr/verification'
import { loadRequest } from '../requests/request-service'
import { statusNames } from '../requests/status-machine'
import type { Verification } from './blocks'
import { contentDigest, type CanonicalDocument, type DocumentKind } from './content-digest'
import { buildEmdCopyPdf, emdCopyContent } from './emd-copy-pdf'
import { buildExtractPdf, extractContent, extractTitle, type PrintOptions } from './extract-pdf'
import { ruDay } from './format'
import type { BuiltDocument } from './pdf-writer'
import { emdCopyData, extractData, requestReceiptData } from './print-data'
import { printJobsOf, type PrintJob } from './print-jobs'
import { buildRequestReceiptPdf, requestReceiptContent } from './receipt-pdf'

export interface PrepareSpec {
  kind: DocumentKind
  title: string
  patientId: string
  requestId: string | null
  documentId: string | null
  complaintId?: string | null
  reprint: boolean
  content: CanonicalDocument
  build(options: PrintOptions): BuiltDocument
}

export interface Prepared {
  job: PrintJob
  verification: Verification
}

/** Hash, QR, PDF and the job; the caller audits (issuance records its receipt in its own event). */
export async function prepareDocument(deps: CoreDeps, actor: Actor, spec: PrepareSpec): Promise<Prepared> {
  const contentSha256 = contentDigest(spec.content)
  const verification = await makeVerificationCode(deps, {
    documentNumber: spec.content.number,
    contentSha256,
    title: spec.title,
    patientId: spec.patientId
  })
  const printedAt = deps.clock.now()
  const reprintOn = spec.reprint ? ruDay(printedAt) : null
  const built = spec.build({ printedAt, reprintOn, verification, contentSha256 })
  const job: PrintJob = {
    id: uuidv7(printedAt.getTime()),
    kind: spec.kind,
    title: spec.title,
    documentNumber: spec.content.number,
    patientId: spec.patientId,
    requestId: spec.requestId,
    documentId: spec.documentId,
    complaintId: spec.complaintId ?? null,
    pdf: built.pdf,
    pages: built.pages,
    pdfSha256: built.sha256,
    contentSha256,
    verificationCode: verification.code,
    reprint: spec.reprint,
    createdAt: printedAt.getTime(),
    createdBy: actor.userId,
    sentTo: []
  }
  printJobsOf(deps).put(job, printedAt.getTime())
  return { job, verification }
}

export function jobView(job: PrintJob): PrintJobView {
  return {
    jobId: job.id,
    kind: job.kind,
    title: job.title,
    documentNumber: job.documentNumber,
    pdfBase64: Buffer.from(job.pdf).toString('base64'),
    pages: job.pages,
    verificationCode: job.verificationCode,
    reprint: job.reprint
  }
}

function auditPrepared(deps: CoreDeps, actor: Actor, job: PrintJob): void {
  inTransaction(deps, () =>
    appendAudit(deps, actor, {
      action: 'print.prepare',
      entity: job.documentId ? 'medical_document' : 'extract_request',
      entityId: job.documentId ?? job.requestId,
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

function wasIssued(deps: CoreDeps, where: { requestId?: string; documentId?: string }): boolean {
  const condition = where.requestId
    ? and(eq(issuances.requestId, where.requestId), isNull(issuances.documentId))
    : eq(issuances.documentId, where.documentId ?? '')
  return !!deps.store.db.select({ id: issuances.id }).from(issuances).where(condition).limit(1).get()
}

const printableStatuses = new Set(['approved', 'ready', 'issued'])

export async function prepareExtract(
  deps: CoreDeps,
  actor: Actor,
  input: { requestId: string; reprint: boolean }
): Promise<PrintJobView> {
  const request = loadRequest(deps, input.requestId)
  if (!printableStatuses.has(request.status)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `Заявление в статусе «${statusNames[request.status]}»: выписку печатают после одобрения заявления`
    )
  }
  const data = extractData(deps, request)
  const reprint = input.reprint || request.status === 'issued' || wasIssued(deps, { requestId: request.id })
  const { job } = await prepareDocument(deps, actor, {
    kind: 'extract',
    title: extractTitle(data.kind),
    patientId: request.patientId,
    requestId: request.id,
    documentId: null,
    reprint,
    content: extractContent(data),
    build: (options) => buildExtractPdf(data, options)
  })
  auditPrepared(deps, actor, job)
  return jobView(job)
}

export async function prepareEmdCopy(
  deps: CoreDeps,
  actor: Actor,
  input: { documentId: string; reprint: boolean }
): Promise<PrintJobView> {
  const { data, patientId } = emdCopyData(deps, input.documentId)
  const reprint = input.reprint || wasIssued(deps, { documentId: input.documentId })
  const { job } = await prepareDocument(deps, actor, {
    kind: 'emd_copy',
    title: `Копия ЭМД: ${data.document.title}`,
    patientId,
    requestId: null,
    documentId: input.documentId,
    reprint,
    content: emdCopyContent(data),
    build: (options) => buildEmdCopyPdf(data, { ...options, registrarName: actor.fullName })
  })
  auditPrepared(deps, actor, job)
  return jobView(job)
}

export async function prepareRequestReceipt(
  deps: CoreDeps,
  actor: Actor,
  input: { requestId: string; reprint: boolean }
): Promise<PrintJobView> {
  const request = loadRequest(deps, input.requestId)
  const data = requestReceiptData(deps, request)
  const { job } = await prepareDocument(deps, actor, {
    kind: 'request_receipt',
    title: 'Расписка в приёме заявления',
    patientId: request.patientId,
    requestId: request.id,
    documentId: null,
    reprint: input.reprint,
    content: requestReceiptContent(data),
    build: (options) => buildRequestReceiptPdf(data, options)
  })
  auditPrepared(deps, actor, job)
  return jobView(job)
}
