// Upstream import (POST /v1/import): documents, provided services and portal requests from the portal or a
// regional МИС. Each item becomes ops in the log like a desk's change, so it reaches every desk. Items are keyed
// by the sender's own id: sending the same item again changes nothing.
import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { IsoDate } from '../src-main/contract/schemas'
import type { ProductionCalendar } from '../src-main/core/calendar/production-calendar'
import { localDate } from '../src-main/core/clock'
import { directoriesFromReference, type Directories } from '../src-main/core/import/directories'
import { RowError } from '../src-main/core/import/rows'
import type { ReferenceData } from '../src-main/core/reference/reference-data'
import { applyOp, type ServerOp } from './apply-op'
import { checkItem, type CheckedItem } from './import-rows'
import { Batch } from './records'
import type { Workstation } from './auth'
import { isoNow, queryRows, type ServerContext, type Tx } from './context'
import { review } from './db/schema'

const str = (max: number) => z.string().trim().min(1).max(max)
const PatientRef = z
  .object({
    snils: z
      .string()
      .regex(/^\d{11}$/)
      .optional(),
    enp: z
      .string()
      .regex(/^\d{16}$/)
      .optional()
  })
  .refine((p) => p.snils || p.enp, { message: 'Нужен СНИЛС или ЕНП пациента' })
const Organisation = z
  .object({
    organisationId: str(64).optional(),
    organisationOgrn: z
      .string()
      .regex(/^\d{13}$/)
      .optional()
  })
  .refine((o) => o.organisationId || o.organisationOgrn, { message: 'Нужна организация: id или ОГРН' })

const Visit = z.object({
  type: z.literal('visit'),
  externalId: str(100),
  patient: PatientRef,
  date: IsoDate,
  regionCode: z.string().regex(/^\d{2}$/),
  organisation: Organisation,
  doctorName: str(200),
  specialty: str(200),
  careKind: z.enum(['outpatient', 'inpatient', 'day_hospital', 'emergency']),
  diagnosisCode: z.string().regex(/^[A-Z]\d{2}(\.\d{1,2})?$/),
  diagnosisText: str(500),
  costKopecks: z.number().int().min(0).default(0),
  prescriptions: z.string().max(5000).nullable().default(null),
  recommendations: z.string().max(5000).nullable().default(null),
  services: z.array(z.object({ code: str(40), name: str(300), quantity: z.number().int().min(1) })).max(200)
})

const Signature = z.object({
  signerName: str(200),
  signerRole: str(200),
  certificateSerial: str(100),
  validFrom: str(40),
  validTo: str(40),
  signedAt: str(40)
})

const Document = z.object({
  type: z.literal('document'),
  externalId: str(100),
  patient: PatientRef,
  kindCode: str(64),
  number: str(100),
  date: IsoDate,
  organisation: Organisation,
  authorName: str(200),
  authorRole: str(200),
  title: str(500),
  content: z.string().max(100_000),
  visitExternalId: str(100).optional(),
  replacesExternalId: str(100).optional(),
  signatures: z.array(Signature).max(20)
})

const PortalRequest = z.object({
  type: z.literal('request'),
  externalId: str(100),
  number: str(40),
  patient: PatientRef,
  kind: z.enum(['full', 'brief']),
  periodFrom: IsoDate,
  periodTo: IsoDate,
  purpose: str(300),
  delivery: z.enum(['in_person', 'post', 'portal']),
  urgent: z.boolean().default(false),
  registeredOn: IsoDate,
  dueDate: IsoDate.optional()
})

export const ImportBody = z.object({
  source: z.string().regex(/^[a-z0-9_-]{2,40}$/),
  items: z
    .array(z.discriminatedUnion('type', [Visit, Document, PortalRequest]))
    .min(1)
    .max(1000)
})
export type ImportBody = z.infer<typeof ImportBody>
type Item = ImportBody['items'][number]

export interface ImportResult {
  externalId: string
  status: 'applied' | 'duplicate' | 'review'
  entityId: string | null
  message: string | null
}

export interface ImportDeps {
  reference: ReferenceData
  calendar: ProductionCalendar
  /** Business days for a portal request when the sender gives no due date (DESIGN §3: 3). */
  portalDays: number
}

/** A stable id from the sender's key, shaped as a UUID (version 8: "custom"). */
export function derivedId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex')
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

async function findPatient(tx: Tx, ref: { snils?: string; enp?: string }): Promise<string | null> {
  const rows = await queryRows<{ entity_id: string; merged: string | null }>(
    tx,
    sql`select entity_id, data->>'mergedInto' as merged from records where entity = 'patient' and deleted = false
        and ((${ref.snils ?? null}::text is not null and snils = ${ref.snils ?? null})
          or (${ref.enp ?? null}::text is not null and enp = ${ref.enp ?? null}))
        order by (data->>'mergedInto') is not null limit 1`
  )
  const row = rows[0]
  return row ? (row.merged ?? row.entity_id) : null
}

/** Ops for an item its checks passed: the values are the checked record's (trimmed, defaults from directories). */
function opsFor(
  deps: ImportDeps,
  source: string,
  item: Item,
  checked: CheckedItem,
  patientId: string,
  at: string,
  ws: Workstation
) {
  const id = derivedId(source, item.type, item.externalId)
  const base = { patientId, sourceId: `${source}:${item.externalId}`, createdAt: at }
  if (checked.type === 'request') {
    const { record } = checked
    const registeredOn = record.registeredOn ?? localDate(new Date(at))
    const dueDate =
      record.dueDate ??
      deps.calendar.dueDate({ registeredOn, businessDays: deps.portalDays, ceilingCalendarDays: 30 })
    const { kind, periodFrom, periodTo, purpose, delivery, urgent } = record.draft
    const by = `upstream:${source}`
    return [
      {
        entity: 'extract_request',
        id,
        fields: {
          number: record.number,
          kind,
          periodFrom,
          periodTo,
          purpose,
          delivery,
          urgent,
          registeredOn,
          patientId,
          dueDate,
          applicantKind: 'self',
          representativeId: null,
          channel: 'portal_qr',
          sourceId: base.sourceId,
          status: 'accepted',
          statusEpoch: 0,
          refusalReason: null,
          createdBy: by,
          createdAt: at
        }
      },
      {
        entity: 'request_status',
        id: derivedId(source, 'status', item.externalId),
        fields: {
          requestId: id,
          fromStatus: null,
          toStatus: 'accepted',
          epoch: 0,
          reason: null,
          note: 'Получено из внешней системы',
          at,
          userId: by,
          workstationId: ws.id
        }
      }
    ]
  }
  if (checked.type === 'visit') {
    const services = checked.record.services.map((s, i) => ({
      id: derivedId(source, 'service', item.externalId, String(i)),
      ...s
    }))
    return [{ entity: 'visit', id, fields: { ...checked.record.fields, ...base, services } }]
  }
  const { record } = checked
  const fields = {
    ...record.fields,
    ...base,
    visitId: record.visitSourceId ? derivedId(source, 'visit', record.visitSourceId) : null,
    replacesId: record.replacesSourceId ? derivedId(source, 'document', record.replacesSourceId) : null,
    signatures: record.signatures.map((s, i) => ({
      id: derivedId(source, 'signature', item.externalId, String(i)),
      ...s
    }))
  }
  return [{ entity: 'medical_document', id, fields }]
}

/** The directories from the shipped reference files, built once per server. */
const directoryCache = new WeakMap<ReferenceData, Directories>()
function directoriesOf(deps: ImportDeps): Directories {
  let dirs = directoryCache.get(deps.reference)
  if (!dirs) directoryCache.set(deps.reference, (dirs = directoriesFromReference(deps.reference)))
  return dirs
}

export async function importItems(
  ctx: ServerContext,
  deps: ImportDeps,
  ws: Workstation,
  body: ImportBody
): Promise<ImportResult[]> {
  return ctx.write(async (tx) => {
    const batch = await Batch.start(ctx, tx, [])
    const results: ImportResult[] = []
    const dirs = directoriesOf(deps)
    const today = localDate(new Date(ctx.now()))
    for (const item of body.items) {
      const setAside = async (message: string) => {
        const opId = derivedId(body.source, 'op', item.type, item.externalId)
        await tx.insert(review).values({
          opId,
          deviceId: ws.id,
          entity: item.type,
          entityId: item.externalId,
          body: item,
          message,
          createdAt: isoNow(ctx)
        })
        results.push({ externalId: item.externalId, status: 'review', entityId: null, message })
      }
      // The desk importer's rules; a row they refuse waits in review with their Russian reason.
      let checked: CheckedItem
      try {
        checked = checkItem(item, dirs, today)
      } catch (error) {
        if (!(error instanceof RowError)) throw error
        await setAside(error.message)
        continue
      }
      const patientId = await findPatient(tx, checked.record.patient)
      if (!patientId) {
        await setAside('Пациент с такими СНИЛС или ЕНП не найден в клинике')
        continue
      }
      const ops = opsFor(deps, body.source, item, checked, patientId, isoNow(ctx), ws)
      let status: ImportResult['status'] = 'applied'
      let message: string | null = null
      for (const o of ops) {
        const op: ServerOp = {
          opId: derivedId(body.source, 'op', o.entity, o.id),
          deviceId: ws.id,
          deviceSeq: null,
          hlc: ctx.stamp(ws.id),
          entity: o.entity,
          entityId: o.id,
          op: 'insert',
          fields: o.fields,
          seenSeq: 0
        }
        const seen = await queryRows(tx, sql`select 1 from log where op_id = ${op.opId}`)
        if (seen.length > 0 || batch.hasEntry(op.opId)) {
          status = 'duplicate'
          continue
        }
        const outcome = await applyOp(batch, op)
        if (outcome.status === 'review') {
          status = 'review'
          message = outcome.message
        }
      }
      results.push({ externalId: item.externalId, status, entityId: ops[0].id, message })
    }
    await batch.flush()
    return results
  })
}
