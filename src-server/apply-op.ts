// One op into the server: checked by the desk's own rules, merged by DESIGN §6, written through the batch's unit of
// work in the caller's transaction. Whatever happens to an op, it never blocks the ops behind it.
import { and, asc, eq, isNull } from 'drizzle-orm'
import type { EntitySpec } from '../src-main/core/sync/entities'
import { contactFields } from '../src-main/core/sync/entities'
import { keptAsSent, mergeOp, type MergeResult } from '../src-main/core/sync/merge'
import { checkOp } from '../src-main/core/sync/op-rules'
import { isoNow } from './context'
import { review } from './db/schema'
import type { Batch } from './records'
import { ruDate } from '../src-main/contract/dates'
import { formatSnils } from '../src-main/contract/identifiers'

export interface ServerOp {
  opId: string
  deviceId: string
  deviceSeq: number | null
  hlc: string
  entity: string
  entityId: string
  op: 'insert' | 'update' | 'delete'
  fields: Record<string, unknown>
  seenSeq: number
}

export interface ApplyOutcome {
  status: 'applied' | 'review'
  /** The op's place in the log; 0 while it waits in review for a record that has not arrived. */
  seq: number
  clamped: boolean
  message: string | null
}

const fieldNames: Record<string, string> = {
  lastName: 'Фамилия',
  firstName: 'Имя',
  middleName: 'Отчество',
  birthDate: 'Дата рождения',
  snils: 'СНИЛС',
  enp: 'ЕНП'
}

/** A value as the registrar reads it on a card: dates and СНИЛС the Russian way. */
function shown(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(пусто)'
  const text = String(value)
  if (field === 'birthDate') return `«${ruDate(text)}»`
  if (field === 'snils' && /^\d{11}$/.test(text)) return `«${formatSnils(text)}»`
  return `«${text}»`
}

function patientName(data: Record<string, unknown>): string {
  return [data.lastName, data.firstName, data.middleName].filter((s) => typeof s === 'string' && s).join(' ')
}

function formatAhead(ms: number): string {
  const days = Math.floor(ms / 86_400_000)
  if (days >= 1) return `${days} дн.`
  const hours = Math.floor(ms / 3_600_000)
  return hours >= 1
    ? `${hours} ч ${Math.floor((ms % 3_600_000) / 60_000)} мин`
    : `${Math.round(ms / 60_000)} мин`
}

async function setAside(
  batch: Batch,
  op: ServerOp,
  message: string,
  waitingFor: string | null,
  logSeq: number | null
) {
  await batch.tx.insert(review).values({
    opId: op.opId,
    deviceId: op.deviceId,
    entity: op.entity,
    entityId: op.entityId,
    body: op,
    message,
    waitingFor,
    logSeq,
    createdAt: isoNow(batch.ctx)
  })
}

/** A refused op still gets its log entry: it carries the server's values back to the desk that sent it. */
async function refuse(batch: Batch, op: ServerOp, message: string, clamped: boolean): Promise<ApplyOutcome> {
  const current = await batch.record(op.entity, op.entityId)
  const fields: Record<string, unknown> = {}
  if (current && !current.deleted)
    for (const key of Object.keys(op.fields)) fields[key] = current.data[key] ?? null
  const seq = await batch.seq()
  batch.entry({
    seq,
    opId: op.opId,
    deviceId: op.deviceId,
    deviceSeq: op.deviceSeq,
    hlc: op.hlc,
    clamped,
    entity: op.entity,
    entityId: op.entityId,
    op: current && !current.deleted && Object.keys(fields).length > 0 ? 'update' : 'none',
    fields,
    lost: [],
    outcome: 'rejected',
    message
  })
  await setAside(batch, op, message, null, seq)
  await batch.raiseTask({
    kind: 'rejected_change',
    entity: op.entity,
    entityId: op.entityId,
    deviceId: op.deviceId,
    proposedValue: op.fields,
    message:
      `Изменение с рабочего места «${batch.names.get(op.deviceId) ?? op.deviceId}» не принято сервером: ${message}. ` +
      'Оно сохранено на сервере для проверки администратором.'
  })
  return { status: 'review', seq, clamped, message }
}

async function missingReference(
  batch: Batch,
  spec: EntitySpec,
  op: ServerOp,
  fields: Record<string, unknown>,
  exists: boolean
) {
  if (op.op !== 'insert' && !exists) return `${op.entity}:${op.entityId}`
  for (const ref of spec.refs) {
    const id = ref.field === 'id' ? op.entityId : fields[ref.field]
    if (typeof id === 'string' && !(await batch.exists(ref.entity, id))) return `${ref.entity}:${id}`
  }
  return null
}

async function raiseFollowUps(
  batch: Batch,
  op: ServerOp,
  result: MergeResult,
  deviceName: string
): Promise<void> {
  const data = result.state?.data ?? {}
  for (const c of result.conflicts) {
    await batch.raiseTask({
      kind: 'identity_conflict',
      entity: op.entity,
      entityId: op.entityId,
      field: c.field,
      serverValue: c.serverValue,
      proposedValue: c.proposedValue,
      deviceId: op.deviceId,
      message:
        `${fieldNames[c.field] ?? c.field} пациента ${patientName(data)} изменили одновременно на двух рабочих ` +
        `местах. Оставлено значение сервера ${shown(c.field, c.serverValue)}; на рабочем месте «${deviceName}» ввели ` +
        `${shown(c.field, c.proposedValue)}. Сверьте с документом и исправьте карту.`
    })
  }
  const identityTouched = 'snils' in op.fields || 'enp' in op.fields
  if (op.entity === 'patient' && identityTouched && result.state && !data.mergedInto) {
    for (const other of batch.samePerson(op.entityId, data.snils, data.enp)) {
      const od = other.data as Record<string, unknown>
      const by =
        data.snils && od.snils === data.snils
          ? `СНИЛС ${formatSnils(String(data.snils))}`
          : `ЕНП ${String(data.enp)}`
      await batch.raiseTask({
        kind: 'duplicate_patient',
        entity: 'patient',
        entityId: op.entityId,
        relatedId: other.entityId,
        deviceId: op.deviceId,
        message:
          `Похоже, один человек зарегистрирован дважды (${by}): ${patientName(data)}, ${ruDate(String(data.birthDate))} ` +
          `и ${patientName(od)}, ${ruDate(String(od.birthDate))}. Проверьте документы и объедините карты.`
      })
    }
  }
}

/** Ops that waited for this record are tried again now that it is here. */
async function releaseWaiting(batch: Batch, waitingFor: string) {
  if (!batch.waiting) return
  const waiting = await batch.tx
    .select()
    .from(review)
    .where(and(eq(review.waitingFor, waitingFor), isNull(review.resolvedAt)))
    .orderBy(asc(review.id))
  for (const row of waiting) {
    await batch.tx
      .update(review)
      .set({ resolvedAt: isoNow(batch.ctx) })
      .where(eq(review.id, row.id))
    await applyOp(batch, row.body as ServerOp)
  }
}

export async function applyOp(batch: Batch, op: ServerOp): Promise<ApplyOutcome> {
  const deviceName = batch.names.get(op.deviceId) ?? op.deviceId
  const { hlc, clamped, aheadMs } = batch.ctx.clamp(op.hlc)
  if (clamped && !(await batch.hasOpenTask('clock_skew', op.deviceId))) {
    await batch.raiseTask({
      kind: 'clock_skew',
      entity: 'workstation',
      entityId: op.deviceId,
      deviceId: op.deviceId,
      message:
        `Часы рабочего места «${deviceName}» спешат примерно на ${formatAhead(aheadMs)}: время его изменений ` +
        'заменено временем сервера. Проверьте дату, время и часовой пояс на этом компьютере.'
    })
  }
  const check = checkOp(op)
  if (!check.ok) return refuse(batch, op, check.message, clamped)
  const { spec, fields } = check
  const current = await batch.record(op.entity, op.entityId)
  const waitingFor = await missingReference(batch, spec, op, fields, current !== null)
  if (waitingFor) {
    const message = 'Изменение ждёт запись, на которую ссылается: она ещё не дошла до сервера'
    await setAside(batch, op, message, waitingFor, null)
    batch.waiting = true
    return { status: 'review', seq: 0, clamped, message }
  }
  if (!current && op.op === 'insert' && ['extract_request', 'complaint', 'user'].includes(op.entity)) {
    const number = op.entity === 'user' ? fields.login : fields.number
    if (batch.numberTaken(op.entity, op.entityId, number))
      return refuse(batch, op, `Номер или логин «${String(number)}» уже занят другой записью`, clamped)
  }
  const seq = await batch.seq()
  const result = mergeOp(spec, current, { ...op, fields, hlc }, seq)
  if (result.outcome === 'rejected' && spec.kind === 'journal') {
    return refuse(batch, op, result.message ?? 'Изменение отклонено', clamped)
  }
  if (result.state) batch.put(op.entity, op.entityId, result.state, seq)
  batch.entry({
    seq,
    opId: op.opId,
    deviceId: op.deviceId,
    deviceSeq: op.deviceSeq,
    hlc,
    clamped,
    entity: op.entity,
    entityId: op.entityId,
    op: result.op,
    fields: result.fields,
    lost: result.lost,
    outcome: result.outcome === 'missing' ? 'rejected' : result.outcome,
    message: result.message,
    asSent: keptAsSent(spec, op.fields, result)
  })
  // A record's first values are its insert's log entry; history begins with the first change to them.
  const kept =
    result.op === 'insert'
      ? []
      : [...spec.identity, ...contactFields].filter((f) => f in fields && result.state?.stamps[f]?.s === seq)
  const at = { entity: op.entity, entityId: op.entityId, hlc, deviceId: op.deviceId }
  batch.history(
    kept.map((field) => ({ ...at, field, value: fields[field] })),
    seq,
    'applied'
  )
  batch.history(
    result.lost.map((l) => ({ ...at, field: l.field, value: l.value })),
    seq,
    'lost'
  )
  await raiseFollowUps(batch, op, result, deviceName)
  if (result.op === 'insert') await releaseWaiting(batch, `${op.entity}:${op.entityId}`)
  return { status: 'applied', seq, clamped, message: result.message }
}
