// Entering a medical document that arrived at the desk (on paper from another clinic, or re-keyed): it joins the
// card, and any open complaint it answers is pointed out for the registrar to confirm.
import { eq } from 'drizzle-orm'
import { AppError } from '../../contract/errors'
import type { MedicalDocument } from '../../contract/schemas'
import { appendAudit } from '../audit/audit'
import type { Actor, CoreDeps } from '../context'
import { inTransaction, nowIso } from '../context'
import { documentKinds, medicalDocuments, organisations } from '../db/schema'
import { uuidv7 } from '../ids'
import { recordChange } from '../outbox/outbox'
import { requireLivePatient } from '../patients/patient-service'
import { complaintsAnsweredBy } from '../complaints/complaint-view'

export interface DocumentDraft {
  patientId: string
  kindCode: string
  number: string
  date: string
  organisationId: string
  authorName: string
  authorRole: string
  title: string
  content: string
  replacesId: string | null
}

export function registerDocument(
  deps: CoreDeps,
  actor: Actor,
  draft: DocumentDraft
): { document: MedicalDocument; answersComplaints: string[] } {
  return inTransaction(deps, () => {
    const patient = requireLivePatient(deps, draft.patientId)
    const kind = deps.store.db
      .select()
      .from(documentKinds)
      .where(eq(documentKinds.code, draft.kindCode))
      .get()
    if (!kind) throw new AppError('VALIDATION', 'Вид документа не найден в справочнике')
    const org = deps.store.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, draft.organisationId))
      .get()
    if (!org) throw new AppError('VALIDATION', 'Организация не найдена в справочнике')
    if (draft.replacesId) {
      const replaced = deps.store.db
        .select()
        .from(medicalDocuments)
        .where(eq(medicalDocuments.id, draft.replacesId))
        .get()
      if (!replaced || replaced.patientId !== patient.id)
        throw new AppError('VALIDATION', 'Заменяемый документ не найден у этого пациента')
    }
    const now = nowIso(deps)
    const row = {
      id: uuidv7(deps.clock.now().getTime()),
      ...draft,
      patientId: patient.id,
      visitId: null,
      sourceId: null,
      createdAt: now,
      updatedAt: now,
      version: 1
    }
    deps.store.db.insert(medicalDocuments).values(row).run()
    recordChange(deps, {
      entity: 'medical_document',
      entityId: row.id,
      op: 'insert',
      fields: row,
      baseVersion: 0
    })
    const answers = complaintsAnsweredBy(deps, row.id)
    appendAudit(deps, actor, {
      action: 'document.register',
      entity: 'medical_document',
      entityId: row.id,
      patientId: patient.id,
      details: { number: row.number, answersComplaints: answers }
    })
    return {
      document: {
        id: row.id,
        kindCode: row.kindCode,
        kindName: kind.name,
        number: row.number,
        date: row.date,
        organisationName: org.shortName,
        authorName: row.authorName,
        authorRole: row.authorRole,
        title: row.title,
        content: row.content,
        replacesId: row.replacesId,
        signatures: []
      },
      answersComplaints: answers
    }
  })
}
