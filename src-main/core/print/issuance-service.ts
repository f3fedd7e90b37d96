// Handing a paper document over (выдача): an explicit step after printing. It checks that the recipient may receive
// the patient's documents and that the request is ready, then writes the issuance journal, the request's move to
// «Выдано», the audit event and the outbox rows in one transaction, and prepares the issuance receipt.
import { createHash } from 'node:crypto'
import { AppError } from '../../contract/errors'
import type { PrintJobView } from '../../contract/print-commands'
import type { RequestStatus } from '../../contract/schemas'
import { appendAudit } from '../audit/audit'
import { localDate } from '../clock'
import type { Actor, CoreDeps } from '../context'
import { inTransaction, nowIso } from '../context'
import { issuances } from '../db/schema'
import { uuidv7 } from '../ids'
import { recordChange } from '../outbox/outbox'
import { fullNameOf } from '../patients/names'
import { resolveMerged } from '../patients/patient-service'
import { checkAuthority, findRepresentative } from '../representatives/representative-service'
import { nextNumber } from '../requests/numbering'
import { loadRequest, transitionRequest } from '../requests/request-service'
import { statusNames } from '../requests/status-machine'
import { getSettings } from '../settings/settings-service'
import { printJobsOf, type PrintJob } from './print-jobs'
import { jobView, prepareDocument } from './print-service'
import {
  buildIssuanceReceiptPdf,
  issuanceReceiptContent,
  pngSize,
  type IssuanceReceiptData
} from './receipt-pdf'

export interface IssuanceInput {
  jobId: string
  recipientKind: 'self' | 'representative'
  representativeId: string | null
  recipientName: string
  recipientDocument: string
  copies: number
  signaturePng: string | null
}

const MAX_SIGNATURE_BYTES = 256 * 1024

/** The drawn signature must be a real PNG of sensible size: it is stored, synced and printed. */
export function checkSignaturePng(dataUrl: string): string {
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64')
  const size = pngSize(dataUrl)
  const isPng = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  if (!isPng || !size || size.width < 10 || size.height < 10) {
    throw new AppError(
      'VALIDATION',
      'Подпись получателя: изображение повреждено, попросите расписаться ещё раз'
    )
  }
  if (bytes.length > MAX_SIGNATURE_BYTES || size.width > 2400 || size.height > 1200) {
    throw new AppError('VALIDATION', 'Подпись получателя: изображение слишком большое')
  }
  return createHash('sha256').update(bytes).digest('hex')
}

/** Everything that may have changed since the job was built, checked before and again inside the transaction. */
function checkIssuable(
  deps: CoreDeps,
  job: PrintJob,
  input: IssuanceInput
): { requestStatus: RequestStatus | null } {
  const authority = checkAuthority(deps, job.patientId, input.representativeId)
  if (!authority.ok) throw new AppError('NO_AUTHORITY', authority.message)
  if (job.kind !== 'extract' || !job.requestId) return { requestStatus: null }
  const request = loadRequest(deps, job.requestId)
  const allowed: RequestStatus[] = job.reprint ? ['ready', 'issued'] : ['ready']
  if (!allowed.includes(request.status)) {
    throw new AppError(
      'INVALID_TRANSITION',
      request.status === 'issued'
        ? 'Выписка по этому заявлению уже выдана: для повторной выдачи сформируйте повторную печать'
        : `Выдать можно заявление в статусе «${statusNames.ready}», а это заявление — «${statusNames[request.status]}»`
    )
  }
  return { requestStatus: request.status }
}

export async function recordIssuance(
  deps: CoreDeps,
  actor: Actor,
  input: IssuanceInput
): Promise<{ issuanceId: string; requestStatus: RequestStatus | null; receipt: PrintJobView }> {
  const job = printJobsOf(deps).get(input.jobId, deps.clock.now().getTime())
  if (job.kind !== 'extract' && job.kind !== 'emd_copy') {
    throw new AppError('VALIDATION', 'Выдача записывается для выписки или копии ЭМД, а не для расписки')
  }
  checkIssuable(deps, job, input)
  const signatureSha256 = input.signaturePng ? checkSignaturePng(input.signaturePng) : null
  const patient = resolveMerged(deps, job.patientId)
  const rep = input.representativeId ? findRepresentative(deps, input.representativeId) : undefined
  const issuedAt = deps.clock.now()
  // A number refused later (the request changed meanwhile) stays unused: receipt numbers may have gaps, never twins.
  const number = inTransaction(deps, () => nextNumber(deps, 'ВД', Number(localDate(issuedAt).slice(0, 4))))
  const data: IssuanceReceiptData = {
    number,
    clinic: getSettings(deps).clinic,
    issued: {
      title: job.title,
      number: job.documentNumber,
      verificationCode: job.verificationCode,
      reprint: job.reprint,
      pages: job.pages
    },
    patient: { fullName: fullNameOf(patient), birthDate: patient.birthDate },
    recipient: {
      name: input.recipientName,
      relation: rep?.relation ?? null,
      document: input.recipientDocument
    },
    copies: input.copies,
    issuedAt,
    issuedBy: actor.fullName,
    signaturePng: input.signaturePng,
    signatureSha256
  }
  const { job: receipt } = await prepareDocument(deps, actor, {
    kind: 'issuance_receipt',
    title: 'Расписка в получении документа',
    patientId: patient.id,
    requestId: job.requestId,
    documentId: job.documentId,
    reprint: false,
    content: issuanceReceiptContent(data),
    build: (options) => buildIssuanceReceiptPdf(data, options)
  })

  const { issuanceId, requestStatus } = inTransaction(deps, () => {
    const { requestStatus: before } = checkIssuable(deps, job, input)
    const row: typeof issuances.$inferInsert = {
      id: uuidv7(issuedAt.getTime()),
      patientId: patient.id,
      requestId: job.requestId,
      documentId: job.documentId,
      what: `${job.title} № ${job.documentNumber}`,
      printedAt: nowIso(deps),
      printedBy: actor.userId,
      workstationId: actor.workstationId,
      copies: input.copies,
      recipientName: input.recipientName,
      recipientKind: input.recipientKind,
      recipientDocument: input.recipientDocument,
      pdfSha256: job.pdfSha256,
      verificationCode: job.verificationCode,
      reprint: job.reprint,
      signaturePng: input.signaturePng
    }
    deps.store.db.insert(issuances).values(row).run()
    recordChange(deps, { entity: 'issuance', entityId: row.id, op: 'insert', fields: row, baseVersion: 0 })
    let after = before
    if (job.requestId && before === 'ready') {
      after = transitionRequest(
        deps,
        actor,
        {
          id: job.requestId,
          to: 'issued',
          note: `Выдано: ${input.recipientName}`
        },
        { viaIssuance: true }
      ).status
    }
    appendAudit(deps, actor, {
      action: 'issuance.record',
      entity: 'issuance',
      entityId: row.id,
      patientId: patient.id,
      details: {
        jobId: job.id,
        kind: job.kind,
        documentNumber: job.documentNumber,
        requestId: job.requestId,
        documentId: job.documentId,
        recipientKind: input.recipientKind,
        representativeId: input.representativeId,
        copies: input.copies,
        reprint: job.reprint,
        pdfSha256: job.pdfSha256,
        verificationCode: job.verificationCode,
        sentTo: job.sentTo,
        receiptNumber: number,
        receiptJobId: receipt.id,
        withSignature: signatureSha256 !== null
      }
    })
    return { issuanceId: row.id, requestStatus: after }
  })
  return { issuanceId, requestStatus, receipt: jobView(receipt) }
}
