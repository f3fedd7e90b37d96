// An ЭМД row with its signatures. A document that arrives this way may be the one a patient complained about
// ("документ не пришёл"), or the corrected version of a disputed one: the import reports such complaints, and the
// complaint card shows the match, for the registrar to confirm and resolve.
import { eq, inArray } from 'drizzle-orm'
import { documentMatches } from '../complaints/rules'
import { complaints, documentSignatures, medicalDocuments, patients } from '../db/schema'
import {
  changedFields,
  refuseRepeat,
  resolvePatient,
  samePatient,
  sameRows,
  type OpenComplaint,
  type RowOutcome,
  type RunContext
} from './run-context'
import { RowError } from './rows'
import type { DocumentRecord } from './rows-clinical'
import { derivedId, importedId, sourceKey } from './source-ids'

type DocumentRow = typeof medicalDocuments.$inferSelect

const signatureKeys = [
  'signerName',
  'signerRole',
  'certificateSerial',
  'validFrom',
  'validTo',
  'signedAt'
] as const

/** Open complaints by every patient id they cover (the card and the cards merged into it). */
export function openComplaintsByPatient(run: RunContext): Map<string, OpenComplaint[]> {
  const { db } = run.deps.store
  const open = db
    .select()
    .from(complaints)
    .where(inArray(complaints.status, ['registered', 'forwarded', 'in_review']))
    .all()
  const byPatient = new Map<string, OpenComplaint[]>()
  for (const c of open) {
    const merged = db
      .select({ id: patients.id })
      .from(patients)
      .where(eq(patients.mergedInto, c.patientId))
      .all()
    const claim: OpenComplaint = {
      id: c.id,
      number: c.number,
      kind: c.kind,
      disputedDocumentId: c.documentId,
      patientIds: [c.patientId, ...merged.map((m) => m.id)],
      documentKindCode: c.documentKindCode,
      organisationId: c.organisationId,
      visitDate: c.visitDate
    }
    for (const id of claim.patientIds) byPatient.set(id, [...(byPatient.get(id) ?? []), claim])
  }
  return byPatient
}

function linkedVisit(run: RunContext, rec: DocumentRecord, patientId: string): string | null {
  if (rec.visitSourceId === null) return null
  const inFile = run.taken.visits.get(rec.visitSourceId)
  if (inFile && !inFile.id)
    throw new RowError(`Посещение: строка посещения №${inFile.position} с этим id в МИС не принята`)
  const stored = inFile
    ? undefined
    : run.q.visitBySource.get({ key: sourceKey(run.system, rec.visitSourceId) })
  const visit = inFile ? { id: inFile.id!, patientId: inFile.patientId! } : stored
  if (!visit) throw new RowError(`Посещение: id в МИС «${rec.visitSourceId}» не найден ни в файле, ни в базе`)
  if (!samePatient(run, visit.patientId, patientId))
    throw new RowError('Посещение: это посещение другого пациента')
  return visit.id
}

function replacedDocument(run: RunContext, rec: DocumentRecord, patientId: string): string | null {
  if (rec.replacesSourceId === null) return null
  const inFile = run.taken.documents.get(rec.replacesSourceId)
  if (inFile && !inFile.id)
    throw new RowError(`Заменяемый документ: строка документа №${inFile.position} не принята`)
  const stored = inFile
    ? undefined
    : run.q.documentBySource.get({ key: sourceKey(run.system, rec.replacesSourceId) })
  const doc = inFile ? { id: inFile.id!, patientId: inFile.patientId! } : stored
  if (!doc)
    throw new RowError(
      `Заменяемый документ: id в МИС «${rec.replacesSourceId}» не найден ни в базе, ни выше в файле`
    )
  if (!samePatient(run, doc.patientId, patientId))
    throw new RowError('Заменяемый документ: это документ другого пациента')
  return doc.id
}

export function importDocument(run: RunContext, position: number, rec: DocumentRecord): RowOutcome {
  refuseRepeat(run, 'documents', rec.sourceId)
  const patient = resolvePatient(run, rec.patient)
  const key = sourceKey(run.system, rec.sourceId)
  const existing =
    run.q.documentBySource.get({ key }) ??
    run.q.documentById.get({ id: importedId(run.system, 'document', rec.sourceId) })
  const target = {
    ...rec.fields,
    visitId: linkedVisit(run, rec, patient.id),
    replacesId: replacedDocument(run, rec, patient.id),
    sourceId: key
  }
  const signatures = rec.signatures.map((s, i) => ({
    id: derivedId(run.system, 'signature', rec.sourceId, String(i)),
    ...s
  }))
  let outcome: RowOutcome
  let row: DocumentRow
  if (!existing) {
    row = {
      id: importedId(run.system, 'document', rec.sourceId),
      patientId: patient.id,
      ...target,
      createdAt: run.now,
      updatedAt: run.now,
      version: 1
    }
    const id = row.id
    run.writer.insert(medicalDocuments, [row])
    run.writer.insert(
      documentSignatures,
      signatures.map((s) => ({ ...s, documentId: id }))
    )
    run.record({
      entity: 'medical_document',
      entityId: id,
      op: 'insert',
      fields: { ...row, signatures },
      baseVersion: 0
    })
    outcome = 'new'
  } else {
    if (!samePatient(run, existing.patientId, patient.id))
      throw new RowError('Пациент: документ с этим id в МИС уже записан другому пациенту')
    const id = existing.id
    const changed: Record<string, unknown> = changedFields<typeof target>(existing, target)
    const signaturesChanged = !sameRows(run.q.signaturesOf.all({ id }), signatures, signatureKeys)
    row = { ...existing, ...changed }
    if (Object.keys(changed).length === 0 && !signaturesChanged) outcome = 'unchanged'
    else {
      const { db } = run.deps.store
      db.update(medicalDocuments)
        .set({ ...changed, updatedAt: run.now, version: existing.version + 1 })
        .where(eq(medicalDocuments.id, id))
        .run()
      if (signaturesChanged) {
        db.delete(documentSignatures).where(eq(documentSignatures.documentId, id)).run()
        run.writer.insert(
          documentSignatures,
          signatures.map((s) => ({ ...s, documentId: id }))
        )
        changed.signatures = signatures
      }
      run.record({
        entity: 'medical_document',
        entityId: id,
        op: 'update',
        fields: changed,
        baseVersion: existing.version
      })
      outcome = 'updated'
    }
  }
  run.taken.documents.set(rec.sourceId, { position, id: row.id, patientId: patient.id })
  if (outcome !== 'unchanged') noteAnsweredComplaints(run, position, rec.sourceId, row, patient.id)
  return outcome
}

function noteAnsweredComplaints(
  run: RunContext,
  position: number,
  sourceId: string,
  doc: DocumentRow,
  patientId: string
): void {
  run.openComplaints ??= openComplaintsByPatient(run)
  for (const claim of run.openComplaints.get(patientId) ?? []) {
    const answers =
      claim.kind === 'discrepancy'
        ? doc.replacesId !== null && doc.replacesId === claim.disputedDocumentId
        : documentMatches(claim, {
            patientId,
            kindCode: doc.kindCode,
            organisationId: doc.organisationId,
            date: doc.date
          })
    if (answers && !run.answered.some((a) => a.complaintId === claim.id && a.documentId === doc.id)) {
      run.answered.push({
        complaintId: claim.id,
        complaintNumber: claim.number,
        documentId: doc.id,
        documentNumber: doc.number,
        documentSourceId: sourceId,
        documentPosition: position
      })
    }
  }
}
