// An extract request made in the МИС or on the portal. Matched by its МИС id, else by its number (the patient may
// have brought its QR code to the desk before the file came). Its status only moves forward, as everywhere: when the
// desk is already further along than the file, the desk's status stays.
import { eq } from 'drizzle-orm'
import { extractRequests, requestStatusHistory } from '../db/schema'
import { requestDueDate } from '../requests/request-service'
import { statusRank } from '../requests/status-machine'
import {
  changedFields,
  refuseRepeat,
  resolvePatient,
  samePatient,
  type RowOutcome,
  type RunContext
} from './run-context'
import { RowError } from './rows'
import type { RequestRecord } from './rows-clinical'
import { derivedId, importedId, sourceKey } from './source-ids'

type RequestRow = typeof extractRequests.$inferSelect

function matchInStore(run: RunContext, rec: RequestRecord, key: string): RequestRow | undefined {
  const found =
    run.q.requestBySource.get({ key }) ??
    run.q.requestById.get({ id: importedId(run.system, 'request', rec.sourceId) }) ??
    run.q.requestByNumber.get({ key: rec.number })
  if (found && found.number !== rec.number)
    throw new RowError(`Номер: заявление с этим id в МИС записано под номером ${found.number}`)
  if (found?.sourceId && found.sourceId !== key)
    throw new RowError(`Номер: заявление № ${rec.number} уже зарегистрировано по другой записи`)
  return found
}

function writeHistory(
  run: RunContext,
  requestId: string,
  rec: RequestRecord,
  from: RequestRow['status'] | null
) {
  const row = {
    // One row per status a file reports: two desks importing the same file write the same journal entry.
    id: derivedId(run.system, 'request-status', rec.sourceId, rec.status),
    requestId,
    fromStatus: from,
    toStatus: rec.status,
    epoch: 0,
    reason: rec.refusalReason,
    note: `Импорт из ${run.system}`,
    at: run.now,
    userId: run.actor.userId,
    workstationId: run.actor.workstationId
  }
  run.writer.insert(requestStatusHistory, [row])
  run.record({
    entity: 'request_status',
    entityId: row.id,
    op: 'insert',
    fields: row,
    baseVersion: 0
  })
}

/** Due dates repeat across a file (same day, same channel): counted once per import, not per row. */
function dueDate(
  run: RunContext,
  registeredOn: string,
  channel: RequestRow['channel'],
  urgent: boolean
): string {
  const key = `${registeredOn}|${channel}|${urgent}`
  let due = run.dueDates.get(key)
  if (!due) run.dueDates.set(key, (due = requestDueDate(run.deps, registeredOn, channel, urgent)))
  return due
}

export function importRequest(run: RunContext, position: number, rec: RequestRecord): RowOutcome {
  refuseRepeat(run, 'requests', rec.sourceId)
  const earlier = run.requestNumbers.get(rec.number)
  if (earlier)
    throw new RowError(`Номер: заявление № ${rec.number} уже есть в строке заявления №${earlier} этого файла`)
  const patient = resolvePatient(run, rec.patient)
  if (rec.draft.periodFrom < patient.birthDate)
    throw new RowError('Начало периода: раньше даты рождения пациента')
  const key = sourceKey(run.system, rec.sourceId)
  const existing = matchInStore(run, rec, key)
  const registeredOn = existing?.registeredOn ?? rec.registeredOn ?? run.today
  const { draft } = rec
  const terms = {
    channel: draft.channel,
    kind: draft.kind,
    periodFrom: draft.periodFrom,
    // As at the desk: an extract covers nothing after the day the request was registered.
    periodTo: draft.periodTo > registeredOn ? registeredOn : draft.periodTo,
    purpose: draft.purpose,
    delivery: draft.delivery,
    urgent: draft.urgent,
    dueDate: rec.dueDate ?? dueDate(run, registeredOn, draft.channel, draft.urgent),
    sourceId: key
  }
  if (terms.periodFrom > terms.periodTo)
    throw new RowError('Начало периода: позже даты регистрации заявления')
  let outcome: RowOutcome
  let id: string
  if (!existing) {
    id = importedId(run.system, 'request', rec.sourceId)
    const row: RequestRow = {
      id,
      number: rec.number,
      patientId: patient.id,
      applicantKind: 'self',
      representativeId: null,
      ...terms,
      status: rec.status,
      statusEpoch: 0,
      refusalReason: rec.refusalReason,
      registeredOn,
      createdBy: run.actor.userId,
      createdAt: run.now,
      updatedAt: run.now,
      version: 1
    }
    run.writer.insert(extractRequests, [row])
    run.record({
      entity: 'extract_request',
      entityId: id,
      op: 'insert',
      fields: row,
      baseVersion: 0
    })
    writeHistory(run, id, rec, null)
    outcome = 'new'
  } else {
    id = existing.id
    if (!samePatient(run, existing.patientId, patient.id))
      throw new RowError('Пациент: заявление с этим номером подано другим пациентом')
    const changed: Record<string, unknown> = changedFields<typeof terms>(existing, terms)
    const forward = existing.statusEpoch === 0 && statusRank[rec.status] > statusRank[existing.status]
    if (forward)
      Object.assign(changed, { status: rec.status, statusEpoch: 0, refusalReason: rec.refusalReason })
    if (Object.keys(changed).length === 0) outcome = 'unchanged'
    else {
      run.deps.store.db
        .update(extractRequests)
        .set({ ...changed, updatedAt: run.now, version: existing.version + 1 })
        .where(eq(extractRequests.id, id))
        .run()
      run.record({
        entity: 'extract_request',
        entityId: id,
        op: 'update',
        fields: changed,
        baseVersion: existing.version
      })
      if (forward) writeHistory(run, id, rec, existing.status)
      outcome = 'updated'
    }
  }
  run.taken.requests.set(rec.sourceId, { position, id, patientId: patient.id })
  run.requestNumbers.set(rec.number, position)
  return outcome
}
