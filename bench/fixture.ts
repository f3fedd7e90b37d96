// The scan-to-PDF subject: an adult with no demo visits gets enough visits for a ten-page full extract, and a request
// from the portal QR, approved. Made once per cached clinic; the benchmark then scans the same QR again and again.
import { eq } from 'drizzle-orm'
import { localDate } from '../src-main/core/clock'
import { createBulkWriter } from '../src-main/core/db/bulk-insert'
import { patients, visitServices, visits } from '../src-main/core/db/schema'
import { inTransaction, type CoreDeps } from '../src-main/core/context'
import { isoDaysBefore } from '../src-main/core/demo/days'
import { visitTemplates } from '../src-main/core/demo/clinical'
import { seededRandom } from '../src-main/core/demo/random'
import { uuidv7 } from '../src-main/core/ids'
import { buildExtractPdf, type ExtractVisit } from '../src-main/core/print/extract-pdf'
import { extractData } from '../src-main/core/print/print-data'
import { processScan } from '../src-main/core/qr/scan-service'
import { loadDemoPortalKey, signRequestPayload } from '../src-main/core/qr/request-issuer'
import { loadRequest, transitionRequest } from '../src-main/core/requests/request-service'
import { openClinic } from './open-clinic'
import { resourcesDir } from './paths'

export interface ExtractFixture {
  requestId: string
  requestNumber: string
  patientId: string
  visits: number
  pages: number
}

export const EXTRACT_PAGES = 10
/** Desk 09 never exists in the demo: the number cannot collide with a generated one. */
const NUMBER = 'В-2026-09-000001'
const PERIOD_DAYS = 3 * 365

type PatientRow = typeof patients.$inferSelect

/** The request QR as the portal would sign it today: the bench signs a fresh one, since codes expire. */
export function requestPayload(deps: CoreDeps, p: PatientRow, periodFrom: string, periodTo: string): string {
  const today = localDate(deps.clock.now())
  return signRequestPayload(loadDemoPortalKey(resourcesDir), {
    number: NUMBER,
    snils: p.snils,
    enp: p.enp,
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName,
    birthDate: p.birthDate,
    extractKind: 'full',
    periodFrom,
    periodTo,
    issuedAt: deps.clock.now().toISOString(),
    expiresOn: isoDaysBefore(today, -30)
  })
}

interface MadeVisits {
  rows: (typeof visits.$inferInsert)[]
  services: (typeof visitServices.$inferInsert)[]
  /** The same visits as the extract shows them, to count pages before anything is written. */
  shown: ExtractVisit[]
}

function makeVisits(deps: CoreDeps, patientId: string, count: number): MadeVisits {
  const rnd = seededRandom(27)
  const today = localDate(deps.clock.now())
  const now = deps.clock.now().toISOString()
  const adult = visitTemplates.filter((t) => t.adults)
  const org = deps.store.sqlite
    .prepare('SELECT id, region_code AS regionCode, short_name AS shortName FROM organisations LIMIT 1')
    .get() as { id: string; regionCode: string; shortName: string }
  const icd = deps.store.sqlite.prepare('SELECT name FROM ref_icd10 WHERE code = ?').pluck()
  // Oldest first, evenly spread over the request's period and ending a few days ago.
  const spacing = Math.max(1, Math.floor(PERIOD_DAYS / (count + 1)))
  const made: MadeVisits = { rows: [], services: [], shown: [] }
  for (let i = 0; i < count; i++) {
    const t = rnd.pick(adult)
    const id = uuidv7()
    const code = rnd.pick(t.diagnoses)
    const row = {
      id,
      patientId,
      date: isoDaysBefore(today, 3 + (count - i) * spacing),
      regionCode: org.regionCode,
      organisationId: org.id,
      doctorName: 'Соколова А. В.',
      specialty: t.doctorRole,
      careKind: 'outpatient' as const,
      diagnosisCode: code,
      diagnosisText: (icd.get(code) as string | undefined) ?? 'Общий медицинский осмотр',
      costKopecks: t.costKopecks,
      prescriptions: rnd.pick(t.prescriptions),
      recommendations: rnd.pick(t.recommendations),
      sourceId: null,
      createdAt: now,
      updatedAt: now,
      version: 1
    }
    const service = { id: uuidv7(), visitId: id, code: t.service[0], name: t.service[1], quantity: 1 }
    made.rows.push(row)
    made.services.push(service)
    made.shown.push({
      date: row.date,
      organisationName: org.shortName,
      doctorName: row.doctorName,
      specialty: row.specialty,
      careKind: row.careKind,
      diagnosisCode: row.diagnosisCode,
      diagnosisText: row.diagnosisText,
      services: [{ code: service.code, name: service.name, quantity: 1 }],
      prescriptions: row.prescriptions,
      recommendations: row.recommendations
    })
  }
  return made
}

const draftPrint = (deps: CoreDeps) => ({
  printedAt: deps.clock.now(),
  reprintOn: null,
  verification: { payload: 'RWS1|V|calibration', code: 'AAAA-BBBB' }
})

export async function prepareExtractFixture(dir: string): Promise<ExtractFixture> {
  const { core, deps, registrar } = await openClinic(dir)
  try {
    const today = localDate(deps.clock.now())
    const patientId = deps.store.sqlite
      .prepare(
        `SELECT id FROM patients p WHERE p.birth_date < ? AND p.merged_into IS NULL AND p.snils IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.patient_id = p.id) ORDER BY p.snils LIMIT 1`
      )
      .pluck()
      .get(isoDaysBefore(today, 40 * 365)) as string | undefined
    const patient = patientId
      ? deps.store.db.select().from(patients).where(eq(patients.id, patientId)).get()
      : undefined
    if (!patient) throw new Error('no adult patient without visits in the demo clinic')
    const periodFrom = isoDaysBefore(today, PERIOD_DAYS + 10)
    const scan = processScan(deps, registrar, requestPayload(deps, patient, periodFrom, today), 'scanner')
    if (scan.kind !== 'request') throw new Error(`the fixture's QR was not taken as a request: ${scan.kind}`)
    for (const to of ['processing', 'approved'] as const)
      transitionRequest(deps, registrar, { id: scan.requestId, to })
    const request = loadRequest(deps, scan.requestId)
    // A typical ten-page extract: the middle of the range of visit counts that give ten pages, found by laying the
    // extract out rather than guessed from row heights. At the range's ends the closing block may need a page of its
    // own, which makes the builder lay the extract out twice.
    const base = extractData(deps, request)
    const pagesWith = (count: number) =>
      buildExtractPdf({ ...base, visits: makeVisits(deps, patient.id, count).shown }, draftPrint(deps)).pages
    const fewestFor = (pages: number) => {
      let lo = 1
      let hi = 400
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2)
        if (pagesWith(mid) >= pages) hi = mid
        else lo = mid + 1
      }
      return lo
    }
    const count = Math.floor((fewestFor(EXTRACT_PAGES) + fewestFor(EXTRACT_PAGES + 1)) / 2)
    const made = makeVisits(deps, patient.id, count)
    inTransaction(deps, () => {
      const writer = createBulkWriter(deps.store.sqlite)
      writer.insert(visits, made.rows)
      writer.insert(visitServices, made.services)
    })
    const pages = buildExtractPdf(extractData(deps, request), draftPrint(deps)).pages
    return {
      requestId: request.id,
      requestNumber: request.number,
      patientId: patient.id,
      visits: count,
      pages
    }
  } finally {
    core.close()
  }
}
