// What a scan does. Every scan is audited, whatever it held; a bad code gets a specific Russian message and
// changes nothing.
import { and, eq, isNull, or } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError } from '../../contract/errors'
import { classifyIdentifier } from '../../contract/identifiers'
import type { RequestQrView, ScanResult } from '../../contract/qr-commands'
import type { PatientDraft } from '../../contract/schemas'
import { appendAudit } from '../audit/audit'
import { may } from '../auth/permissions'
import { ageOn, localDate } from '../clock'
import type { Actor, CoreDeps } from '../context'
import { inTransaction } from '../context'
import { complaints, patients, representatives } from '../db/schema'
import { fullNameOf } from '../patients/names'
import { ruDate } from '../../contract/dates'
import { createPatient } from '../patients/patient-service'
import { assessAuthority } from '../representatives/authority'
import { createRequest, findRequestByNumber } from '../requests/request-service'
import { verifyText } from './keys'
import { parsePayload, QrError, type RequestPayload } from './payload'
import { findTrustedKey } from './trust-service'
import { verifyDocumentPayload } from './verification'

type Source = 'camera' | 'scanner' | 'keyboard'

function audit(
  deps: CoreDeps,
  actor: Actor,
  source: Source,
  outcome: string,
  details: Record<string, unknown> = {}
) {
  appendAudit(deps, actor, {
    action: 'scan',
    entity: 'scan',
    entityId: null,
    patientId: (details.patientId as string) ?? null,
    details: { source, outcome, ...details }
  })
}

export function processScan(deps: CoreDeps, actor: Actor, text: string, source: Source): ScanResult {
  try {
    const result = inTransaction(deps, () => interpret(deps, actor, text))
    inTransaction(deps, () => audit(deps, actor, source, result.kind, summary(result)))
    return result
  } catch (error) {
    const code = error instanceof QrError || error instanceof AppError ? error.code : 'INTERNAL'
    inTransaction(deps, () => audit(deps, actor, source, 'refused', { code, length: text.length }))
    if (error instanceof QrError) throw new AppError(error.code, error.message)
    throw error
  }
}

function summary(r: ScanResult): Record<string, unknown> {
  switch (r.kind) {
    case 'patient':
      return { patientId: r.patientId }
    case 'request':
      return { patientId: r.patientId, requestId: r.requestId, registered: r.registered }
    case 'complaint':
      return { patientId: r.patientId, complaintId: r.complaintId }
    case 'requestNeedsPatient':
      return { number: r.request.number }
    case 'verification':
      return { documentNumber: r.documentNumber, status: r.status }
  }
}

function interpret(deps: CoreDeps, actor: Actor, raw: string): ScanResult {
  const text = raw.replace(/[\r\n]+$/, '')
  if (text.startsWith('RWS')) {
    const parsed = parsePayload(text)
    if (parsed.payload.kind === 'verification')
      return verifyDocumentPayload(deps, parsed.payload, parsed.signed, parsed.signature)
    const request = checkRequestPayload(deps, parsed.payload, parsed.signed, parsed.signature)
    return takeRequest(deps, actor, request, text)
  }
  return bareIdentifier(deps, text)
}

function bareIdentifier(deps: CoreDeps, text: string): ScanResult {
  if (text.length > 64)
    throw new QrError(
      'QR_UNKNOWN_FORMAT',
      'Код не распознан: это не заявление, не документ и не номер полиса'
    )
  const id = classifyIdentifier(text)
  const live = isNull(patients.mergedInto)
  if (id.kind === 'snils' || id.kind === 'enp') {
    const column = id.kind === 'snils' ? patients.snils : patients.enp
    const p = deps.store.db
      .select()
      .from(patients)
      .where(and(live, eq(column, id.value)))
      .get()
    if (!p)
      throw new AppError(
        'NOT_FOUND',
        `Пациент с ${id.kind === 'snils' ? 'СНИЛС' : 'ЕНП'} ${id.value} не найден`
      )
    return { kind: 'patient', patientId: p.id, fullName: fullNameOf(p) }
  }
  if (id.kind === 'requestNumber') {
    const r = findRequestByNumber(deps, id.value)
    if (!r) throw new AppError('NOT_FOUND', `Заявление № ${id.value} не найдено`)
    return { kind: 'request', requestId: r.id, patientId: r.patientId, registered: false }
  }
  if (id.kind === 'complaintNumber') {
    const c = deps.store.db.select().from(complaints).where(eq(complaints.number, id.value)).get()
    if (!c) throw new AppError('NOT_FOUND', `Жалоба № ${id.value} не найдена`)
    return { kind: 'complaint', complaintId: c.id, patientId: c.patientId }
  }
  throw new QrError('QR_UNKNOWN_FORMAT', 'Код не распознан: это не заявление, не документ и не номер полиса')
}

function checkRequestPayload(
  deps: CoreDeps,
  p: RequestPayload,
  signed: string,
  signature: string
): RequestQrView {
  const key = findTrustedKey(deps, p.keyId)
  if (!key)
    throw new QrError(
      'QR_UNTRUSTED',
      `Заявление подписано неизвестным издателем (ключ ${p.keyId}): регистрировать нельзя`
    )
  if (key.revokedAt)
    throw new QrError('QR_REVOKED', `Ключ издателя «${key.issuerName}» отозван: заявление не принимается`)
  if (!verifyText(key.publicKey, signed, signature)) {
    throw new QrError(
      'QR_FORGED',
      'Подпись QR-кода не сходится: код изменён или подделан. Заявление не принимается'
    )
  }
  const today = localDate(deps.clock.now())
  if (p.expiresOn < today)
    throw new QrError(
      'QR_EXPIRED',
      `Срок действия QR-кода заявления истёк ${ruDate(p.expiresOn)}: попросите пациента оформить новое`
    )
  if (p.periodFrom > p.periodTo)
    throw new QrError('QR_MALFORMED', 'QR-код повреждён: начало периода позже конца')
  return {
    number: p.number,
    fullName: fullNameOf(p),
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName,
    birthDate: p.birthDate,
    snils: p.snils,
    enp: p.enp,
    extractKind: p.extractKind,
    periodFrom: p.periodFrom,
    periodTo: p.periodTo,
    issuedAt: p.issuedAt,
    expiresOn: p.expiresOn,
    issuerName: key.issuerName
  }
}

function matchingPatients(deps: CoreDeps, q: RequestQrView) {
  const conditions = []
  if (q.snils) conditions.push(eq(patients.snils, q.snils))
  if (q.enp) conditions.push(eq(patients.enp, q.enp))
  if (conditions.length === 0) return []
  return deps.store.db
    .select()
    .from(patients)
    .where(and(isNull(patients.mergedInto), or(...conditions)))
    .limit(5)
    .all()
}

/** The request is the patient's own from 15; for a child, the one representative whose authority holds. */
function applicantFor(
  deps: CoreDeps,
  patient: typeof patients.$inferSelect
): { kind: 'self' | 'representative'; id: string | null } | null {
  const today = localDate(deps.clock.now())
  if (ageOn(patient.birthDate, today) >= 15) return { kind: 'self', id: null }
  const reps = deps.store.db
    .select()
    .from(representatives)
    .where(eq(representatives.patientId, patient.id))
    .all()
  const able = reps.filter((r) => assessAuthority(patient.birthDate, r, today).ok)
  return able.length === 1 ? { kind: 'representative', id: able[0].id } : null
}

function takeRequest(deps: CoreDeps, actor: Actor, q: RequestQrView, _text: string): ScanResult {
  const existing = findRequestByNumber(deps, q.number)
  if (existing)
    return { kind: 'request', requestId: existing.id, patientId: existing.patientId, registered: false }
  const matches = matchingPatients(deps, q)
  const candidates = matches.map((m) => ({
    id: m.id,
    fullName: fullNameOf(m),
    birthDate: m.birthDate,
    sex: m.sex,
    snils: m.snils,
    enp: m.enp
  }))
  if (matches.length !== 1) {
    return {
      kind: 'requestNeedsPatient',
      request: q,
      candidates,
      reason:
        matches.length === 0
          ? 'Пациента с таким СНИЛС или ЕНП нет в картотеке: проверьте документ и создайте карту по данным кода'
          : 'Несколько карт с этими данными: выберите пациента'
    }
  }
  const patient = matches[0]
  if (
    patient.birthDate !== q.birthDate ||
    fullNameOf(patient).toLowerCase().replace(/ё/g, 'е') !== q.fullName.toLowerCase().replace(/ё/g, 'е')
  ) {
    return {
      kind: 'requestNeedsPatient',
      request: q,
      candidates,
      reason: 'ФИО или дата рождения в коде не совпадают с картой: сверьте документ'
    }
  }
  if (!may(actor.role, 'requests.write')) {
    return {
      kind: 'requestNeedsPatient',
      request: q,
      candidates,
      reason: 'Зарегистрировать заявление может только регистратор'
    }
  }
  const applicant = applicantFor(deps, patient)
  if (!applicant) {
    return {
      kind: 'requestNeedsPatient',
      request: q,
      candidates,
      reason: 'Пациенту нет 15 лет: укажите законного представителя'
    }
  }
  const request = register(deps, actor, q, patient.id, applicant)
  return { kind: 'request', requestId: request.id, patientId: patient.id, registered: true }
}

function register(
  deps: CoreDeps,
  actor: Actor,
  q: RequestQrView,
  patientId: string,
  applicant: { kind: 'self' | 'representative'; id: string | null }
) {
  const today = localDate(deps.clock.now())
  // The deadline runs from the day the clinic receives the request: at a desk without a portal link, that is today.
  return createRequest(
    deps,
    actor,
    {
      patientId,
      applicantKind: applicant.kind,
      representativeId: applicant.id,
      channel: 'portal_qr',
      kind: q.extractKind,
      periodFrom: q.periodFrom,
      periodTo: q.periodTo > today ? today : q.periodTo,
      purpose: `по заявлению с портала (${q.issuerName})`,
      delivery: 'in_person',
      urgent: false
    },
    { number: q.number }
  )
}

export function registerRequestFromQr(
  deps: CoreDeps,
  actor: Actor,
  input: {
    text: string
    patientId: string | null
    newPatient: z.output<typeof PatientDraft> | null
    representativeId: string | null
  }
): { requestId: string; patientId: string } {
  const parsed = parsePayloadOrAppError(input.text)
  if (parsed.payload.kind !== 'request')
    throw new AppError('QR_UNKNOWN_FORMAT', 'Это QR-код документа, а не заявления')
  const q = checkRequestPayload(deps, parsed.payload, parsed.signed, parsed.signature)
  return inTransaction(deps, () => {
    if (findRequestByNumber(deps, q.number))
      throw new AppError('CONFLICT', `Заявление № ${q.number} уже зарегистрировано`)
    let patientId = input.patientId
    if (!patientId) {
      if (!input.newPatient)
        throw new AppError('VALIDATION', 'Выберите пациента или создайте карту по данным кода')
      patientId = createPatient(deps, actor, input.newPatient, true).id
    }
    const patient = deps.store.db.select().from(patients).where(eq(patients.id, patientId)).get()
    if (!patient) throw new AppError('NOT_FOUND', 'Пациент не найден')
    const applicant = input.representativeId
      ? { kind: 'representative' as const, id: input.representativeId }
      : (applicantFor(deps, patient) ?? { kind: 'self' as const, id: null })
    const request = register(deps, actor, q, patientId, applicant)
    audit(deps, actor, 'keyboard', 'request_registered', {
      patientId,
      requestId: request.id,
      number: q.number
    })
    return { requestId: request.id, patientId }
  })
}

function parsePayloadOrAppError(text: string) {
  try {
    return parsePayload(text)
  } catch (error) {
    if (error instanceof QrError) throw new AppError(error.code, error.message)
    throw error
  }
}
