// A visit row (сведения об оказанной медицинской помощи) with its services. Services are replaced as a whole when
// any of them changed: a МИС sends the visit's full list, not a difference.
import { eq } from 'drizzle-orm'
import { visitServices, visits } from '../db/schema'
import {
  changedFields,
  refuseRepeat,
  resolvePatient,
  samePatient,
  sameRows,
  type RowOutcome,
  type RunContext
} from './run-context'
import { RowError } from './rows'
import type { VisitRecord } from './rows-clinical'
import { derivedId, importedId, sourceKey } from './source-ids'

type VisitRow = typeof visits.$inferSelect

const serviceKeys = ['code', 'name', 'quantity'] as const

export function importVisit(run: RunContext, position: number, rec: VisitRecord): RowOutcome {
  refuseRepeat(run, 'visits', rec.sourceId)
  const patient = resolvePatient(run, rec.patient)
  const key = sourceKey(run.system, rec.sourceId)
  const existing =
    run.q.visitBySource.get({ key }) ??
    run.q.visitById.get({ id: importedId(run.system, 'visit', rec.sourceId) })
  // The server's upstream import numbers a visit's services the same way: both sides make the same ids.
  const services = rec.services.map((s, i) => ({
    id: derivedId(run.system, 'service', rec.sourceId, String(i)),
    ...s
  }))
  let outcome: RowOutcome
  let id: string
  if (!existing) {
    id = importedId(run.system, 'visit', rec.sourceId)
    const row: VisitRow = {
      id,
      patientId: patient.id,
      ...rec.fields,
      sourceId: key,
      createdAt: run.now,
      updatedAt: run.now,
      version: 1
    }
    run.writer.insert(visits, [row])
    run.writer.insert(
      visitServices,
      services.map((s) => ({ ...s, visitId: id }))
    )
    run.record({
      entity: 'visit',
      entityId: id,
      op: 'insert',
      fields: { ...row, services },
      baseVersion: 0
    })
    outcome = 'new'
  } else {
    id = existing.id
    if (!samePatient(run, existing.patientId, patient.id))
      throw new RowError('Пациент: посещение с этим id в МИС уже записано другому пациенту')
    const changed: Record<string, unknown> = changedFields<VisitRecord['fields'] & { sourceId: string }>(
      existing,
      { ...rec.fields, sourceId: key }
    )
    const servicesChanged = !sameRows(run.q.servicesOf.all({ id }), services, serviceKeys)
    if (Object.keys(changed).length === 0 && !servicesChanged) outcome = 'unchanged'
    else {
      const { db } = run.deps.store
      db.update(visits)
        .set({ ...changed, updatedAt: run.now, version: existing.version + 1 })
        .where(eq(visits.id, id))
        .run()
      if (servicesChanged) {
        db.delete(visitServices).where(eq(visitServices.visitId, id)).run()
        run.writer.insert(
          visitServices,
          services.map((s) => ({ ...s, visitId: id }))
        )
        changed.services = services
      }
      run.record({
        entity: 'visit',
        entityId: id,
        op: 'update',
        fields: changed,
        baseVersion: existing.version
      })
      outcome = 'updated'
    }
  }
  run.taken.visits.set(rec.sourceId, { position, id, patientId: patient.id })
  return outcome
}
