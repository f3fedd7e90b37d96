import { eq } from 'drizzle-orm'
import { AppError } from '../../contract/errors'
import { appendAudit } from '../audit/audit'
import { inTransaction, nowIso } from '../context'
import { consents } from '../db/schema'
import { actorOf, type HandlerMap } from '../handlers'
import { uuidv7 } from '../ids'
import { recordChange } from '../outbox/outbox'
import { addRepresentative, checkAuthority } from '../representatives/representative-service'
import { patientCard } from './card-service'
import {
  createPatient,
  findDuplicates,
  mergePatients,
  requireLivePatient,
  updatePatient
} from './patient-service'
import { searchPatients } from './search'

export const patientHandlers: HandlerMap<
  | 'patients.search'
  | 'patients.get'
  | 'patients.findDuplicates'
  | 'patients.create'
  | 'patients.update'
  | 'patients.merge'
  | 'representatives.add'
  | 'representatives.checkAuthority'
  | 'consents.record'
  | 'consents.withdraw'
> = {
  'patients.search': (input, { deps }) => searchPatients(deps.store, input.query, input.limit),
  'patients.get': (input, ctx) => patientCard(ctx.deps, actorOf(ctx), input.id),
  'patients.findDuplicates': (input, { deps }) => findDuplicates(deps, input.draft, input.exceptId),
  'patients.create': (input, ctx) =>
    createPatient(ctx.deps, actorOf(ctx), input.draft, input.confirmDuplicate),
  'patients.update': (input, ctx) =>
    updatePatient(ctx.deps, actorOf(ctx), input.id, input.version, input.draft),
  'patients.merge': (input, ctx) => mergePatients(ctx.deps, actorOf(ctx), input.sourceId, input.targetId),
  'representatives.add': (input, ctx) => addRepresentative(ctx.deps, actorOf(ctx), input),
  'representatives.checkAuthority': (input, { deps }) =>
    checkAuthority(deps, input.patientId, input.representativeId),
  'consents.record': (input, ctx) =>
    inTransaction(ctx.deps, () => {
      const patient = requireLivePatient(ctx.deps, input.patientId)
      const now = nowIso(ctx.deps)
      const row = {
        id: uuidv7(),
        patientId: patient.id,
        kind: input.kind,
        givenOn: input.givenOn,
        withdrawnOn: null,
        createdAt: now,
        updatedAt: now,
        version: 1
      }
      ctx.deps.store.db.insert(consents).values(row).run()
      recordChange(ctx.deps, {
        entity: 'consent',
        entityId: row.id,
        op: 'insert',
        fields: row,
        baseVersion: 0
      })
      appendAudit(ctx.deps, actorOf(ctx), {
        action: 'consent.record',
        entity: 'consent',
        entityId: row.id,
        patientId: patient.id,
        details: { kind: input.kind }
      })
      return { ok: true as const }
    }),
  'consents.withdraw': (input, ctx) =>
    inTransaction(ctx.deps, () => {
      const row = ctx.deps.store.db.select().from(consents).where(eq(consents.id, input.consentId)).get()
      if (!row) throw new AppError('NOT_FOUND', 'Согласие не найдено')
      if (row.withdrawnOn) throw new AppError('CONFLICT', 'Согласие уже отозвано')
      if (input.withdrawnOn < row.givenOn)
        throw new AppError('VALIDATION', 'Дата отзыва раньше даты согласия')
      ctx.deps.store.db
        .update(consents)
        .set({ withdrawnOn: input.withdrawnOn, updatedAt: nowIso(ctx.deps), version: row.version + 1 })
        .where(eq(consents.id, row.id))
        .run()
      recordChange(ctx.deps, {
        entity: 'consent',
        entityId: row.id,
        op: 'update',
        fields: { withdrawnOn: input.withdrawnOn },
        baseVersion: row.version
      })
      appendAudit(ctx.deps, actorOf(ctx), {
        action: 'consent.withdraw',
        entity: 'consent',
        entityId: row.id,
        patientId: row.patientId
      })
      return { ok: true as const }
    })
}
