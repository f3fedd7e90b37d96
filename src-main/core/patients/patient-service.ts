// Registering, editing and merging patients. Every change writes its audit event and outbox row in one transaction.
import { eq } from 'drizzle-orm'
import { AppError } from '../../contract/errors'
import { formatSnils } from '../../contract/identifiers'
import type { DuplicateCandidate, Patient, PatientDraft } from '../../contract/schemas'
import { appendAudit } from '../audit/audit'
import { localDate } from '../clock'
import type { Actor, CoreDeps } from '../context'
import { inTransaction, nowIso } from '../context'
import { patients } from '../db/schema'
import { uuidv7 } from '../ids'
import { recordChange } from '../outbox/outbox'
import { fullNameOf, searchTextOf } from './names'
import { findPatientRow, findSimilar, toPatient, type PatientRow } from './patient-repo'
import { ruDate } from '../../contract/dates'

type PatientFields = Omit<
  PatientRow,
  'id' | 'createdAt' | 'updatedAt' | 'version' | 'mergedInto' | 'sourceId'
>

function fieldsFromDraft(draft: PatientDraft): PatientFields {
  const blank = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim() : null)
  const named = {
    lastName: draft.lastName,
    firstName: draft.firstName,
    middleName: blank(draft.middleName)
  }
  return {
    ...named,
    sex: draft.sex,
    birthDate: draft.birthDate,
    snils: draft.snils,
    enp: draft.enp,
    insurer: blank(draft.insurer),
    docKind: draft.docKind,
    docSeries: blank(draft.docSeries?.replace(/\s/g, '')),
    docNumber: blank(draft.docNumber?.replace(/\s/g, '')),
    address: blank(draft.address),
    phone: blank(draft.phone),
    email: blank(draft.email),
    attachedOrgId: draft.attachedOrgId,
    paperCard: draft.paperCard,
    searchText: searchTextOf(named)
  }
}

function checkBirthDate(deps: CoreDeps, birthDate: string): void {
  const today = localDate(deps.clock.now())
  if (birthDate > today) throw new AppError('VALIDATION', 'Дата рождения: не может быть в будущем')
  if (birthDate < '1900-01-01') throw new AppError('VALIDATION', 'Дата рождения: не раньше 1900 года')
}

export function findDuplicates(deps: CoreDeps, draft: PatientDraft, exceptId?: string): DuplicateCandidate[] {
  const fields = fieldsFromDraft(draft)
  return findSimilar(deps.store.db, fields, exceptId).map((row) => ({
    patient: {
      id: row.id,
      fullName: fullNameOf(row),
      birthDate: row.birthDate,
      sex: row.sex,
      snils: row.snils,
      enp: row.enp
    },
    reason:
      fields.snils && row.snils === fields.snils
        ? 'same_snils'
        : fields.enp && row.enp === fields.enp
          ? 'same_enp'
          : 'same_name_and_birth_date'
  }))
}

/** Same СНИЛС or ЕНП is the same person: refused outright. Same ФИО and birth date may be a namesake. */
function guardDuplicates(candidates: DuplicateCandidate[], confirmed: boolean): void {
  const hard = candidates.find((c) => c.reason !== 'same_name_and_birth_date')
  if (hard) {
    const what =
      hard.reason === 'same_snils'
        ? `СНИЛС ${formatSnils(hard.patient.snils ?? '')}`
        : `ЕНП ${hard.patient.enp}`
    throw new AppError(
      'DUPLICATE_PATIENT',
      `Пациент с ${what} уже зарегистрирован: ${hard.patient.fullName}, ${ruDate(hard.patient.birthDate)}. Откройте его карту.`
    )
  }
  const soft = candidates[0]
  if (soft && !confirmed) {
    throw new AppError(
      'DUPLICATE_PATIENT',
      `Похожий пациент уже есть: ${soft.patient.fullName}, ${ruDate(soft.patient.birthDate)}. ` +
        'Проверьте документ и подтвердите создание новой карты или откройте существующую.'
    )
  }
}

export function createPatient(
  deps: CoreDeps,
  actor: Actor,
  draft: PatientDraft,
  confirmDuplicate: boolean
): Patient {
  checkBirthDate(deps, draft.birthDate)
  return inTransaction(deps, () => {
    const candidates = findDuplicates(deps, draft)
    guardDuplicates(candidates, confirmDuplicate)
    const now = nowIso(deps)
    const row: PatientRow = {
      id: uuidv7(deps.clock.now().getTime()),
      ...fieldsFromDraft(draft),
      mergedInto: null,
      sourceId: null,
      createdAt: now,
      updatedAt: now,
      version: 1
    }
    deps.store.db.insert(patients).values(row).run()
    const { searchText: _derived, ...synced } = row
    recordChange(deps, { entity: 'patient', entityId: row.id, op: 'insert', fields: synced, baseVersion: 0 })
    appendAudit(deps, actor, {
      action: 'patient.create',
      entity: 'patient',
      entityId: row.id,
      patientId: row.id,
      details: candidates.length > 0 ? { confirmedDespiteSimilar: candidates.map((c) => c.patient.id) } : {}
    })
    return toPatient(row)
  })
}

export function updatePatient(
  deps: CoreDeps,
  actor: Actor,
  id: string,
  version: number,
  draft: PatientDraft
): Patient {
  checkBirthDate(deps, draft.birthDate)
  return inTransaction(deps, () => {
    const current = requireLivePatient(deps, id)
    if (current.version !== version) {
      throw new AppError(
        'CONFLICT',
        'Карту пациента уже изменили на другом рабочем месте. Обновите карту и повторите.'
      )
    }
    guardDuplicates(
      findDuplicates(deps, draft, id).filter((c) => c.reason !== 'same_name_and_birth_date'),
      true
    )
    const next = fieldsFromDraft(draft)
    const changed: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(next) as [keyof PatientFields, unknown][]) {
      if (key !== 'searchText' && current[key] !== value) changed[key] = value
    }
    if (Object.keys(changed).length === 0) return toPatient(current)
    const updated = { ...next, updatedAt: nowIso(deps), version: current.version + 1 }
    deps.store.db.update(patients).set(updated).where(eq(patients.id, id)).run()
    recordChange(deps, {
      entity: 'patient',
      entityId: id,
      op: 'update',
      fields: changed,
      baseVersion: current.version
    })
    appendAudit(deps, actor, {
      action: 'patient.update',
      entity: 'patient',
      entityId: id,
      patientId: id,
      details: { fields: Object.keys(changed) }
    })
    return toPatient({ ...current, ...updated })
  })
}

export function requireLivePatient(deps: CoreDeps, id: string): PatientRow {
  const row = findPatientRow(deps.store.db, id)
  if (!row) throw new AppError('NOT_FOUND', 'Пациент не найден')
  if (row.mergedInto) throw new AppError('CONFLICT', 'Эта карта объединена с другой: откройте основную карту')
  return row
}

/** Follows merged_into to the card that stayed. */
export function resolveMerged(deps: CoreDeps, id: string): PatientRow {
  let row = findPatientRow(deps.store.db, id)
  for (let hops = 0; row?.mergedInto && hops < 10; hops++) row = findPatientRow(deps.store.db, row.mergedInto)
  if (!row) throw new AppError('NOT_FOUND', 'Пациент не найден')
  return row
}

const fillableOnMerge = [
  'snils',
  'enp',
  'insurer',
  'docKind',
  'docSeries',
  'docNumber',
  'address',
  'phone',
  'email'
] as const

/**
 * The duplicate is kept and points to the target; its visits, documents and requests are shown on the target's
 * card through that link, so an unmerge later needs no data moved back. The target gains only fields it lacked.
 */
export function mergePatients(deps: CoreDeps, actor: Actor, sourceId: string, targetId: string): Patient {
  if (sourceId === targetId) throw new AppError('VALIDATION', 'Нельзя объединить карту саму с собой')
  return inTransaction(deps, () => {
    const source = requireLivePatient(deps, sourceId)
    const target = requireLivePatient(deps, targetId)
    const now = nowIso(deps)
    const filled: Record<string, unknown> = {}
    for (const key of fillableOnMerge) if (!target[key] && source[key]) filled[key] = source[key]
    deps.store.db
      .update(patients)
      .set({ mergedInto: targetId, updatedAt: now, version: source.version + 1 })
      .where(eq(patients.id, sourceId))
      .run()
    recordChange(deps, {
      entity: 'patient',
      entityId: sourceId,
      op: 'update',
      fields: { mergedInto: targetId },
      baseVersion: source.version
    })
    let result = target
    if (Object.keys(filled).length > 0) {
      result = { ...target, ...filled, updatedAt: now, version: target.version + 1 }
      deps.store.db
        .update(patients)
        .set({ ...filled, updatedAt: now, version: result.version })
        .where(eq(patients.id, targetId))
        .run()
      recordChange(deps, {
        entity: 'patient',
        entityId: targetId,
        op: 'update',
        fields: filled,
        baseVersion: target.version
      })
    }
    appendAudit(deps, actor, {
      action: 'patient.merge',
      entity: 'patient',
      entityId: targetId,
      patientId: targetId,
      details: { mergedFrom: sourceId, filledFields: Object.keys(filled) }
    })
    appendAudit(deps, actor, {
      action: 'patient.merged_into',
      entity: 'patient',
      entityId: sourceId,
      patientId: sourceId,
      details: { target: targetId }
    })
    return toPatient(result)
  })
}
