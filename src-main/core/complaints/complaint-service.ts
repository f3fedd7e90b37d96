// Complaints (жалобы): filing, routing by region, the forward-only lifecycle and resolution by a matching document.
import { eq } from 'drizzle-orm'
import { AppError } from '../../contract/errors'
import type { Complaint } from '../../contract/complaint-commands'
import { checkOgrn } from '../../contract/identifiers'
import type { ClinicDetails } from '../../contract/schemas'
import { appendAudit } from '../audit/audit'
import { localDate } from '../clock'
import type { Actor, CoreDeps } from '../context'
import { inTransaction, nowIso } from '../context'
import {
  complaintStatusHistory,
  complaints,
  documentKinds,
  medicalDocuments,
  organisations,
  regions
} from '../db/schema'
import { uuidv7 } from '../ids'
import { recordChange } from '../outbox/outbox'
import { requireLivePatient } from '../patients/patient-service'
import { nextNumber } from '../requests/numbering'
import { getSettings, readSetting } from '../settings/settings-service'
import { loadComplaint, matchesFor, requireComplaint, type ComplaintRow } from './complaint-view'
import { checkComplaintTransition, routeComplaint, type ComplaintStatus } from './rules'

function ourOrganisationId(deps: CoreDeps): string | null {
  const clinic = readSetting<ClinicDetails>(deps, 'clinic')
  if (!clinic) return null
  return (
    deps.store.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.ogrn, clinic.ogrn))
      .get()?.id ?? null
  )
}

function routeFor(deps: CoreDeps, regionCode: string, organisationId: string | null) {
  const region = deps.store.db.select().from(regions).where(eq(regions.code, regionCode)).get()
  if (!region) throw new AppError('VALIDATION', `Регион с кодом «${regionCode}» не найден в справочнике`)
  const org = organisationId
    ? deps.store.db.select().from(organisations).where(eq(organisations.id, organisationId)).get()
    : undefined
  return routeComplaint({
    regionHasPortalData: region.portalData,
    organisationIsOurs: !!organisationId && organisationId === ourOrganisationId(deps),
    organisationName: org?.name ?? null,
    regionName: region.name
  })
}

function insertComplaint(
  deps: CoreDeps,
  actor: Actor,
  row: Omit<
    ComplaintRow,
    | 'id'
    | 'number'
    | 'status'
    | 'statusEpoch'
    | 'registeredOn'
    | 'dueDate'
    | 'createdBy'
    | 'createdAt'
    | 'updatedAt'
    | 'version'
    | 'resolution'
    | 'resolvedDocumentId'
    | 'sentOnPaperAt'
  >
): string {
  const today = localDate(deps.clock.now())
  const { deadlines } = getSettings(deps)
  const now = nowIso(deps)
  const full: ComplaintRow = {
    ...row,
    id: uuidv7(deps.clock.now().getTime()),
    number: nextNumber(deps, 'Ж', Number(today.slice(0, 4))),
    status: 'registered',
    statusEpoch: 0,
    registeredOn: today,
    dueDate: deps.calendar.addBusinessDays(
      today,
      row.kind === 'discrepancy' ? deadlines.discrepancy : deadlines.missingDocument
    ),
    resolution: null,
    resolvedDocumentId: null,
    sentOnPaperAt: null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
    version: 1
  }
  deps.store.db.insert(complaints).values(full).run()
  writeHistory(
    deps,
    actor,
    full.id,
    null,
    'registered',
    full.route === 'electronic' ? 'отправляется через синхронизацию' : `письмо: ${full.addressee}`
  )
  // The outbox row is how an electronic complaint leaves the desk: sync carries it to the server and upstream.
  recordChange(deps, { entity: 'complaint', entityId: full.id, op: 'insert', fields: full, baseVersion: 0 })
  appendAudit(deps, actor, {
    action: 'complaint.file',
    entity: 'complaint',
    entityId: full.id,
    patientId: full.patientId,
    details: { number: full.number, kind: full.kind, route: full.route }
  })
  return full.id
}

function writeHistory(
  deps: CoreDeps,
  actor: Actor,
  complaintId: string,
  from: ComplaintStatus | null,
  to: ComplaintStatus,
  note: string | null
) {
  const row = {
    id: uuidv7(deps.clock.now().getTime()),
    complaintId,
    fromStatus: from,
    toStatus: to,
    note,
    at: nowIso(deps),
    userId: actor.userId,
    workstationId: actor.workstationId
  }
  deps.store.db.insert(complaintStatusHistory).values(row).run()
  recordChange(deps, {
    entity: 'complaint_status',
    entityId: row.id,
    op: 'insert',
    fields: row,
    baseVersion: 0
  })
}

export function fileMissingDocument(
  deps: CoreDeps,
  actor: Actor,
  input: {
    patientId: string
    documentKindCode: string
    visitDate: string
    regionCode: string
    organisationId: string | null
    organisationName: string | null
    organisationOgrn: string | null
    contacts: string
    comment: string
  }
): Complaint {
  const id = inTransaction(deps, () => {
    const patient = requireLivePatient(deps, input.patientId)
    if (input.visitDate > localDate(deps.clock.now()))
      throw new AppError('VALIDATION', 'Дата посещения: не может быть в будущем')
    if (
      !deps.store.db.select().from(documentKinds).where(eq(documentKinds.code, input.documentKindCode)).get()
    ) {
      throw new AppError('VALIDATION', 'Вид документа не найден в справочнике')
    }
    let organisationId = input.organisationId
    if (organisationId) {
      if (!deps.store.db.select().from(organisations).where(eq(organisations.id, organisationId)).get())
        throw new AppError('VALIDATION', 'Организация не найдена в справочнике')
    } else {
      const ogrn = checkOgrn(input.organisationOgrn ?? '')
      if (!ogrn.ok) throw new AppError('VALIDATION', ogrn.message)
      const known = deps.store.db.select().from(organisations).where(eq(organisations.ogrn, ogrn.value)).get()
      organisationId = known?.id ?? uuidv7()
      if (!known) {
        const name = input.organisationName ?? ''
        deps.store.db
          .insert(organisations)
          .values({
            id: organisationId,
            name,
            shortName: name,
            ogrn: ogrn.value,
            inn: null,
            address: '—',
            regionCode: input.regionCode
          })
          .run()
      }
    }
    const route = routeFor(deps, input.regionCode, organisationId)
    return insertComplaint(deps, actor, {
      patientId: patient.id,
      kind: 'missing_document',
      documentKindCode: input.documentKindCode,
      visitDate: input.visitDate,
      regionCode: input.regionCode,
      organisationId,
      documentId: null,
      discrepancyField: null,
      paperValue: null,
      description: input.comment || 'Документ не поступил',
      contacts: input.contacts || null,
      ...route
    })
  })
  return loadComplaint(deps, id)
}

export function fileDiscrepancy(
  deps: CoreDeps,
  actor: Actor,
  input: {
    documentId: string
    field: NonNullable<ComplaintRow['discrepancyField']>
    paperValue: string
    description: string
    contacts: string
  }
): Complaint {
  const id = inTransaction(deps, () => {
    const doc = deps.store.db
      .select()
      .from(medicalDocuments)
      .where(eq(medicalDocuments.id, input.documentId))
      .get()
    if (!doc) throw new AppError('NOT_FOUND', 'Документ не найден')
    const org = deps.store.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, doc.organisationId))
      .get()
    const regionCode = org?.regionCode ?? readSetting<ClinicDetails>(deps, 'clinic')?.regionCode ?? '77'
    return insertComplaint(deps, actor, {
      patientId: doc.patientId,
      kind: 'discrepancy',
      documentKindCode: doc.kindCode,
      visitDate: doc.date,
      regionCode,
      organisationId: doc.organisationId,
      documentId: doc.id,
      discrepancyField: input.field,
      paperValue: input.paperValue,
      description: input.description || 'Бумажная и электронная версии документа различаются',
      contacts: input.contacts || null,
      ...routeFor(deps, regionCode, doc.organisationId)
    })
  })
  return loadComplaint(deps, id)
}

function setComplaint(deps: CoreDeps, row: ComplaintRow, fields: Partial<ComplaintRow>) {
  deps.store.db
    .update(complaints)
    .set({ ...fields, updatedAt: nowIso(deps), version: row.version + 1 })
    .where(eq(complaints.id, row.id))
    .run()
  recordChange(deps, {
    entity: 'complaint',
    entityId: row.id,
    op: 'update',
    fields,
    baseVersion: row.version
  })
}

export function transitionComplaint(
  deps: CoreDeps,
  actor: Actor,
  input: { id: string; to: ComplaintStatus; note: string }
): Complaint {
  inTransaction(deps, () => {
    const row = requireComplaint(deps, input.id)
    const check = checkComplaintTransition(row.status, input.to)
    if (!check.ok) throw new AppError('INVALID_TRANSITION', check.message)
    if ((input.to === 'rejected' || input.to === 'resolved') && !input.note) {
      throw new AppError(
        'VALIDATION',
        input.to === 'rejected' ? 'Укажите причину отклонения' : 'Опишите решение'
      )
    }
    setComplaint(deps, row, {
      status: input.to,
      ...(input.to === 'resolved' || input.to === 'rejected' ? { resolution: input.note } : {})
    })
    writeHistory(deps, actor, row.id, row.status, input.to, input.note || null)
    appendAudit(deps, actor, {
      action: 'complaint.status',
      entity: 'complaint',
      entityId: row.id,
      patientId: row.patientId,
      details: { from: row.status, to: input.to }
    })
  })
  return loadComplaint(deps, input.id)
}

export function resolveComplaint(
  deps: CoreDeps,
  actor: Actor,
  input: { id: string; documentId: string | null; resolution: string }
): Complaint {
  inTransaction(deps, () => {
    const row = requireComplaint(deps, input.id)
    const check = checkComplaintTransition(row.status, 'resolved')
    if (!check.ok) throw new AppError('INVALID_TRANSITION', check.message)
    if (input.documentId && !matchesFor(deps, row).some((m) => m.documentId === input.documentId)) {
      throw new AppError('VALIDATION', 'Этот документ не подходит к жалобе')
    }
    if (!input.documentId && !input.resolution)
      throw new AppError('VALIDATION', 'Опишите решение или выберите поступивший документ')
    const resolution = input.resolution || 'Документ поступил'
    setComplaint(deps, row, { status: 'resolved', resolution, resolvedDocumentId: input.documentId })
    writeHistory(deps, actor, row.id, row.status, 'resolved', resolution)
    appendAudit(deps, actor, {
      action: 'complaint.resolve',
      entity: 'complaint',
      entityId: row.id,
      patientId: row.patientId,
      details: { documentId: input.documentId }
    })
  })
  return loadComplaint(deps, input.id)
}

export function markSentOnPaper(deps: CoreDeps, actor: Actor, id: string): Complaint {
  inTransaction(deps, () => {
    const row = requireComplaint(deps, id)
    if (row.route !== 'paper')
      throw new AppError('CONFLICT', 'Эта жалоба отправляется электронно, письмо не нужно')
    if (row.sentOnPaperAt) throw new AppError('CONFLICT', 'Отправка письма уже отмечена')
    const at = nowIso(deps)
    setComplaint(deps, row, {
      sentOnPaperAt: at,
      ...(row.status === 'registered' ? { status: 'forwarded' as const } : {})
    })
    if (row.status === 'registered')
      writeHistory(deps, actor, row.id, 'registered', 'forwarded', `письмо отправлено: ${row.addressee}`)
    appendAudit(deps, actor, {
      action: 'complaint.sent_on_paper',
      entity: 'complaint',
      entityId: row.id,
      patientId: row.patientId
    })
  })
  return loadComplaint(deps, id)
}
