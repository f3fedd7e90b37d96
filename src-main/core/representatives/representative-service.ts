import { eq } from 'drizzle-orm'
import { AppError } from '../../contract/errors'
import type { Authority, Representative } from '../../contract/schemas'
import type { RepresentativeDraft } from '../../contract/schemas'
import type { z } from 'zod'
import { appendAudit } from '../audit/audit'
import { localDate } from '../clock'
import type { Actor, CoreDeps } from '../context'
import { inTransaction, nowIso } from '../context'
import { representatives } from '../db/schema'
import { uuidv7 } from '../ids'
import { recordChange } from '../outbox/outbox'
import { requireLivePatient, resolveMerged } from '../patients/patient-service'
import { assessAuthority } from './authority'

type RepresentativeRow = typeof representatives.$inferSelect

export function toRepresentative(
  row: RepresentativeRow,
  patientBirthDate: string,
  today: string
): Representative {
  return {
    id: row.id,
    patientId: row.patientId,
    fullName: row.fullName,
    relation: row.relation,
    identityDocument: row.identityDocument,
    authorityDocument: row.authorityDocument,
    poaNumber: row.poaNumber,
    poaDate: row.poaDate,
    poaValidUntil: row.poaValidUntil,
    poaNotarised: row.poaNotarised,
    authority: assessAuthority(patientBirthDate, row, today)
  }
}

export function addRepresentative(
  deps: CoreDeps,
  actor: Actor,
  draft: z.output<typeof RepresentativeDraft>
): Representative {
  return inTransaction(deps, () => {
    const patient = requireLivePatient(deps, draft.patientId)
    if (draft.relation === 'proxy' && (!draft.poaNumber || !draft.poaDate)) {
      throw new AppError('VALIDATION', 'Для представителя по доверенности укажите номер и дату доверенности')
    }
    if (draft.poaDate && draft.poaValidUntil && draft.poaValidUntil < draft.poaDate) {
      throw new AppError('VALIDATION', 'Срок доверенности: окончание раньше даты выдачи')
    }
    const now = nowIso(deps)
    const blank = (s: string) => (s.trim() === '' ? null : s.trim())
    const row: RepresentativeRow = {
      id: uuidv7(deps.clock.now().getTime()),
      patientId: patient.id,
      fullName: draft.fullName,
      relation: draft.relation,
      identityDocument: blank(draft.identityDocument),
      authorityDocument: blank(draft.authorityDocument),
      poaNumber: blank(draft.poaNumber),
      poaDate: draft.poaDate,
      poaValidUntil: draft.poaValidUntil,
      poaNotarised: draft.poaNotarised,
      createdAt: now,
      updatedAt: now,
      version: 1
    }
    deps.store.db.insert(representatives).values(row).run()
    recordChange(deps, {
      entity: 'representative',
      entityId: row.id,
      op: 'insert',
      fields: row,
      baseVersion: 0
    })
    appendAudit(deps, actor, {
      action: 'representative.add',
      entity: 'representative',
      entityId: row.id,
      patientId: patient.id,
      details: { relation: row.relation }
    })
    return toRepresentative(row, patient.birthDate, localDate(deps.clock.now()))
  })
}

export function findRepresentative(deps: CoreDeps, id: string): RepresentativeRow | undefined {
  return deps.store.db.select().from(representatives).where(eq(representatives.id, id)).get()
}

/** Authority of the patient themself (representativeId null) or of one of their representatives, today. */
export function checkAuthority(
  deps: CoreDeps,
  patientId: string,
  representativeId: string | null
): Authority {
  const patient = resolveMerged(deps, patientId)
  const today = localDate(deps.clock.now())
  if (!representativeId) return assessAuthority(patient.birthDate, null, today)
  const rep = findRepresentative(deps, representativeId)
  if (!rep) throw new AppError('NOT_FOUND', 'Представитель не найден')
  const owners = new Set([patient.id, patientId])
  if (!owners.has(rep.patientId) && resolveMerged(deps, rep.patientId).id !== patient.id) {
    throw new AppError('NO_AUTHORITY', 'Этот представитель записан у другого пациента')
  }
  return assessAuthority(patient.birthDate, rep, today)
}
