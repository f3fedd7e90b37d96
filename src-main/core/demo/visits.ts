// Visits of one demo patient over the last three years: a doctor of the specialty, a diagnosis it sees, the service
// it bills, what the doctor wrote; and for some visits a signed ЭМД with the signatures its kind needs.
import type { BulkWriter } from '../db/bulk-insert'
import { documentSignatures, medicalDocuments, visitServices, visits } from '../db/schema'
import { uuidv7 } from '../ids'
import type { ReferenceData } from '../reference/reference-data'
import { documentTemplates, visitTemplates, type VisitTemplate } from './clinical'
import { isoDaysBefore } from './days'
import { person } from './person'
import type { Random } from './random'

type Organisation = ReferenceData['organisations'][number]

export interface VisitContext {
  rnd: Random
  writer: BulkWriter
  today: string
  stamp: { createdAt: string; updatedAt: string; version: number }
  icdName: Map<string, string>
  /** The clinic itself, where most visits happen. */
  home: Organisation
  /** Clinics in other regions, for the few visits made while away. */
  elsewhere: Organisation[]
  /** ЭМД made so far, for their numbers. */
  documentsMade: number
}

const childTemplates = visitTemplates.filter((t) => t.children)
const adultTemplates = visitTemplates.filter((t) => t.adults)
/** Each template's diagnoses that the reference ICD-10 list knows, worked out once per ICD list. */
const knownCodes = new WeakMap<Map<string, string>, Map<VisitTemplate, readonly string[]>>()

function codesOf(ctx: VisitContext, t: VisitTemplate): readonly string[] {
  let byTemplate = knownCodes.get(ctx.icdName)
  if (!byTemplate) {
    byTemplate = new Map(visitTemplates.map((v) => [v, v.diagnoses.filter((c) => ctx.icdName.has(c))]))
    knownCodes.set(ctx.icdName, byTemplate)
  }
  return byTemplate.get(t) ?? []
}

export function writeVisits(ctx: VisitContext, patientId: string, age: number): void {
  const { rnd } = ctx
  const templates = age < 18 ? childTemplates : adultTemplates
  const visitCount = visitsOf(rnd)
  for (let v = 0; v < visitCount; v++) {
    const t = rnd.pick(templates)
    const codes = codesOf(ctx, t)
    const code = codes.length > 0 ? rnd.pick(codes) : 'Z00.0'
    const visitId = uuidv7()
    const away = ctx.elsewhere.length > 0 && rnd.chance(0.08)
    const org = away ? rnd.pick(ctx.elsewhere) : ctx.home
    const doctor = person(rnd, rnd.chance(0.7) ? 'F' : 'M')
    const doctorName = `${doctor.lastName} ${doctor.firstName[0]}. ${doctor.middleName[0]}.`
    const date = isoDaysBefore(ctx.today, rnd.int(1, Math.min(1100, Math.max(2, age * 365))))
    ctx.writer.insertOne(visits, {
      id: visitId,
      patientId,
      date,
      regionCode: org.regionCode,
      organisationId: org.id,
      doctorName,
      specialty: t.doctorRole,
      careKind: rnd.chance(0.93) ? 'outpatient' : 'day_hospital',
      diagnosisCode: code,
      diagnosisText: ctx.icdName.get(code) ?? 'Общий медицинский осмотр',
      costKopecks: t.costKopecks,
      prescriptions: rnd.pick(t.prescriptions),
      recommendations: rnd.pick(t.recommendations),
      sourceId: null,
      ...ctx.stamp
    })
    ctx.writer.insertOne(visitServices, {
      id: uuidv7(),
      visitId,
      code: t.service[0],
      name: t.service[1],
      quantity: 1
    })
    if (rnd.chance(0.4)) {
      const dt = rnd.pick(documentTemplates)
      const docId = uuidv7()
      ctx.documentsMade++
      ctx.writer.insertOne(medicalDocuments, {
        id: docId,
        patientId,
        kindCode: dt.kind,
        number: `ЭМД-${date.slice(0, 4)}-${String(ctx.documentsMade).padStart(7, '0')}`,
        date,
        organisationId: org.id,
        authorName: doctorName,
        authorRole: t.doctorRole,
        title: dt.title,
        content: dt.body(`${code} ${ctx.icdName.get(code) ?? ''}`.trim()),
        visitId,
        replacesId: null,
        sourceId: null,
        ...ctx.stamp
      })
      const signedAt = `${date}T${String(rnd.int(9, 17)).padStart(2, '0')}:${String(rnd.int(0, 59)).padStart(2, '0')}:00+03:00`
      const certFrom = isoDaysBefore(date, rnd.int(30, 300))
      ctx.writer.insertOne(documentSignatures, {
        id: uuidv7(),
        documentId: docId,
        signerName: doctorName,
        signerRole: t.doctorRole,
        certificateSerial: serial(rnd),
        validFrom: certFrom,
        validTo: isoDaysBefore(certFrom, -365),
        signedAt
      })
      if (dt.kind.startsWith('referral') || dt.kind === 'discharge-summary' || dt.kind === 'referral-mse') {
        ctx.writer.insertOne(documentSignatures, {
          id: uuidv7(),
          documentId: docId,
          signerName: org.shortName,
          signerRole: 'медицинская организация',
          certificateSerial: serial(rnd),
          validFrom: certFrom,
          validTo: isoDaysBefore(certFrom, -365),
          signedAt
        })
      }
    }
  }
}

/** E[floor(X)] for X exponential with mean m is 1 / (e^(1/m) - 1); m = 5.5 gives 5.0. */
const VISIT_SCALE = 5.5

/**
 * Visits per patient over the three years: most people come a few times, a few come often. Geometric with mean 5
 * (the 5M visits for 1M patients), capped so that one card stays printable.
 */
function visitsOf(rnd: Random): number {
  return Math.min(60, Math.floor(-Math.log(1 - rnd.next()) * VISIT_SCALE))
}

function serial(rnd: Random): string {
  let s = ''
  for (let k = 0; k < 32; k++) s += '0123456789ABCDEF'[rnd.int(0, 15)]
  return s
}
