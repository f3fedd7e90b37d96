// The demo clinic: a deterministic, realistic card index — patients of all ages with valid identifiers, parents for
// children, visits with diagnoses and services, signed ЭМД, requests in every status and a few complaints.
// Generated records are the clinic's starting state, not changes made at this desk, so they write no outbox rows.
import { generateEnp, generateSnils } from '../../contract/identifiers'
import { RequestStatus } from '../../contract/schemas'
import { localDate } from '../clock'
import type { CoreDeps } from '../context'
import { inTransaction } from '../context'
import {
  complaints,
  consents,
  counters,
  documentSignatures,
  extractRequests,
  medicalDocuments,
  patients,
  representatives,
  requestStatusHistory,
  visitServices,
  visits
} from '../db/schema'
import { createBulkWriter } from '../db/bulk-insert'
import { uuidv7 } from '../ids'
import { fullNameOf, searchTextOf } from '../patients/names'
import { thisWorkstationId } from '../settings/settings-service'
import type { ReferenceData } from '../reference/reference-data'
import { documentTemplates, visitTemplates } from './clinical'
import { feminineSurname, femaleNames, insurers, maleNames, patronymic, streets, surnames } from './people'
import { seededRandom, type Random } from './random'

export interface DemoOptions {
  onProgress?: (patientsWritten: number) => void
  patients: number
  seed?: number
  clinicOrgId: string
  clinicRegion: string
  userIds: { registrar: string; senior: string }
  reference: ReferenceData
}

const CHUNK = 2000

function isoDaysBefore(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - days)
  return d.toISOString().slice(0, 10)
}

interface DemoPerson {
  lastName: string
  firstName: string
  middleName: string
  sex: 'M' | 'F'
}

function person(rnd: Random, sex: 'M' | 'F', surname?: string): DemoPerson {
  const base = surname ?? rnd.pick(surnames)
  return {
    lastName: sex === 'F' ? feminineSurname(base) : base,
    firstName: rnd.pick(sex === 'M' ? maleNames : femaleNames),
    middleName: patronymic(rnd.pick(maleNames), sex),
    sex
  }
}

const requestStatusCycle = RequestStatus.options
const pathTo: Record<RequestStatus, RequestStatus[]> = {
  accepted: ['accepted'],
  processing: ['accepted', 'processing'],
  approved: ['accepted', 'processing', 'approved'],
  ready: ['accepted', 'processing', 'approved', 'ready'],
  issued: ['accepted', 'processing', 'approved', 'ready', 'issued'],
  refused: ['accepted', 'processing', 'refused'],
  cancelled: ['accepted', 'cancelled']
}

export function generateDemoClinic(deps: CoreDeps, options: DemoOptions): { patients: number } {
  const rnd = seededRandom(options.seed ?? 20261121)
  const workstationId = thisWorkstationId(deps)
  const today = localDate(deps.clock.now())
  const now = deps.clock.now().toISOString()
  const stamp = { createdAt: now, updatedAt: now, version: 1 }
  const icdName = new Map(options.reference.icd10.map((c) => [c.code, c.name]))
  const orgs = options.reference.organisations
  const homeOrgs = orgs.filter((o) => o.regionCode === options.clinicRegion)
  const otherOrgs = orgs.filter((o) => o.regionCode !== options.clinicRegion)

  const patientRows: (typeof patients.$inferInsert)[] = []
  const repRows: (typeof representatives.$inferInsert)[] = []
  const consentRows: (typeof consents.$inferInsert)[] = []
  const visitRows: (typeof visits.$inferInsert)[] = []
  const serviceRows: (typeof visitServices.$inferInsert)[] = []
  const docRows: (typeof medicalDocuments.$inferInsert)[] = []
  const signatureRows: (typeof documentSignatures.$inferInsert)[] = []
  const requestRows: (typeof extractRequests.$inferInsert)[] = []
  const historyRows: (typeof requestStatusHistory.$inferInsert)[] = []
  const complaintRows: (typeof complaints.$inferInsert)[] = []
  let docSerial = 0
  let requestSerial = 0

  const writer = createBulkWriter(deps.store.sqlite)
  let written = 0
  // Rows go to the store every CHUNK patients, so a million-patient clinic never sits in memory at once.
  const flush = () => {
    inTransaction(deps, () => {
      writer.insert(patients, patientRows)
      writer.insert(representatives, repRows)
      writer.insert(consents, consentRows)
      writer.insert(visits, visitRows)
      writer.insert(visitServices, serviceRows)
      writer.insert(medicalDocuments, docRows)
      writer.insert(documentSignatures, signatureRows)
      writer.insert(extractRequests, requestRows)
      writer.insert(requestStatusHistory, historyRows)
      writer.insert(complaints, complaintRows)
      for (const r of [...requestRows, ...complaintRows]) years.add(Number(r.registeredOn.slice(0, 4)))
    })
    written += patientRows.length
    options.onProgress?.(written)
    for (const rows of [
      patientRows,
      repRows,
      consentRows,
      visitRows,
      serviceRows,
      docRows,
      signatureRows,
      requestRows,
      historyRows,
      complaintRows
    ])
      rows.length = 0
  }
  const years = new Set<number>()
  let complaintSerial = 0

  for (let i = 0; i < options.patients; i++) {
    const sex = rnd.chance(0.54) ? 'F' : 'M'
    const p = person(rnd, sex)
    const age = rnd.chance(0.2) ? rnd.int(0, 17) : rnd.int(18, 92)
    const birthDate = isoDaysBefore(today, age * 365 + rnd.int(1, 364))
    const id = uuidv7(Date.parse(now) - (options.patients - i) * 1000)
    const adultDoc = age >= 14
    patientRows.push({
      id,
      ...p,
      birthDate,
      // Distinct, valid identifiers: a stride keeps numbers unique without a lookup table.
      snils: generateSnils(String(10_020_000 + i * 37).padStart(9, '0')),
      enp: generateEnp(`${options.clinicRegion}${String(4_000_000_000_000 + i * 101).padStart(13, '0')}`),
      insurer: rnd.pick(insurers),
      docKind: adultDoc ? 'passport' : 'birth_certificate',
      docSeries: adultDoc ? String(4500 + rnd.int(0, 99)).padStart(4, '0') : `I-МЮ`,
      docNumber: String(100_000 + ((i * 7919) % 900_000)),
      address: `г. ${rnd.pick(['Москва', 'Москва', 'Москва', 'Красногорск'])}, ${rnd.pick(streets)}, д. ${rnd.int(1, 120)}, кв. ${rnd.int(1, 300)}`,
      phone: `+7 9${rnd.int(10, 99)} ${rnd.int(100, 999)}-${rnd.int(10, 99)}-${rnd.int(10, 99)}`,
      email: null,
      attachedOrgId: options.clinicOrgId,
      paperCard: rnd.chance(0.05),
      mergedInto: null,
      searchText: searchTextOf(p),
      ...stamp
    })
    consentRows.push({
      id: uuidv7(),
      patientId: id,
      kind: 'personal_data',
      givenOn: isoDaysBefore(today, rnd.int(30, 2000)),
      withdrawnOn: null,
      ...stamp
    })
    if (rnd.chance(0.7)) {
      consentRows.push({
        id: uuidv7(),
        patientId: id,
        kind: 'medical_exchange',
        givenOn: isoDaysBefore(today, rnd.int(30, 2000)),
        withdrawnOn: null,
        ...stamp
      })
    }

    let repId: string | null = null
    if (age < 18) {
      const parentSex = rnd.chance(0.7) ? 'F' : 'M'
      const parent = person(
        rnd,
        parentSex,
        p.sex === 'M' ? p.lastName : (surnames.find((s) => feminineSurname(s) === p.lastName) ?? p.lastName)
      )
      repId = uuidv7()
      repRows.push({
        id: repId,
        patientId: id,
        fullName: fullNameOf(parent),
        relation: 'parent',
        identityDocument: `паспорт ${4500 + rnd.int(0, 99)} ${rnd.int(100000, 999999)}`,
        authorityDocument: `свидетельство о рождении ребёнка`,
        poaNumber: null,
        poaDate: null,
        poaValidUntil: null,
        poaNotarised: false,
        ...stamp
      })
    } else if (rnd.chance(0.06)) {
      const expired = rnd.chance(0.4)
      const poaDate = isoDaysBefore(today, expired ? rnd.int(400, 900) : rnd.int(10, 200))
      repRows.push({
        id: uuidv7(),
        patientId: id,
        fullName: fullNameOf(person(rnd, rnd.chance(0.5) ? 'F' : 'M')),
        relation: 'proxy',
        identityDocument: `паспорт ${4500 + rnd.int(0, 99)} ${rnd.int(100000, 999999)}`,
        authorityDocument: null,
        poaNumber: `${rnd.int(10, 99)} АА ${rnd.int(1000000, 9999999)}`,
        poaDate,
        poaValidUntil: isoDaysBefore(poaDate, -365),
        poaNotarised: rnd.chance(0.5),
        ...stamp
      })
    }

    const templates = visitTemplates.filter((t) => (age < 18 ? t.children : t.adults))
    const visitCount = rnd.int(0, 7)
    for (let v = 0; v < visitCount; v++) {
      const t = rnd.pick(templates)
      const codes = t.diagnoses.filter((c) => icdName.has(c))
      const code = codes.length > 0 ? rnd.pick(codes) : 'Z00.0'
      const visitId = uuidv7()
      const away = otherOrgs.length > 0 && rnd.chance(0.08)
      const org = away
        ? rnd.pick(otherOrgs)
        : (homeOrgs.find((o) => o.id === options.clinicOrgId) ?? homeOrgs[0] ?? orgs[0])
      const doctor = person(rnd, rnd.chance(0.7) ? 'F' : 'M')
      const doctorName = `${doctor.lastName} ${doctor.firstName[0]}. ${doctor.middleName[0]}.`
      const date = isoDaysBefore(today, rnd.int(1, Math.min(1100, Math.max(2, age * 365))))
      visitRows.push({
        id: visitId,
        patientId: id,
        date,
        regionCode: org.regionCode,
        organisationId: org.id,
        doctorName,
        specialty: t.doctorRole,
        careKind: rnd.chance(0.93) ? 'outpatient' : 'day_hospital',
        diagnosisCode: code,
        diagnosisText: icdName.get(code) ?? 'Общий медицинский осмотр',
        costKopecks: t.costKopecks,
        prescriptions: rnd.pick(t.prescriptions),
        recommendations: rnd.pick(t.recommendations),
        sourceId: null,
        ...stamp
      })
      serviceRows.push({ id: uuidv7(), visitId, code: t.service[0], name: t.service[1], quantity: 1 })
      if (rnd.chance(0.4)) {
        const dt = rnd.pick(documentTemplates)
        const docId = uuidv7()
        docSerial++
        docRows.push({
          id: docId,
          patientId: id,
          kindCode: dt.kind,
          number: `ЭМД-${date.slice(0, 4)}-${String(docSerial).padStart(7, '0')}`,
          date,
          organisationId: org.id,
          authorName: doctorName,
          authorRole: t.doctorRole,
          title: dt.title,
          content: dt.body(`${code} ${icdName.get(code) ?? ''}`.trim()),
          visitId,
          replacesId: null,
          sourceId: null,
          ...stamp
        })
        const signedAt = `${date}T${String(rnd.int(9, 17)).padStart(2, '0')}:${String(rnd.int(0, 59)).padStart(2, '0')}:00+03:00`
        const certFrom = isoDaysBefore(date, rnd.int(30, 300))
        signatureRows.push({
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
          signatureRows.push({
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

    // Requests: about one patient in eight, cycling through every status so the demo shows them all.
    if (i % 8 === 3) {
      const status = requestStatusCycle[requestSerial % requestStatusCycle.length]
      requestSerial++
      const registeredOn = isoDaysBefore(today, rnd.int(0, 12))
      const channel = rnd.pick(['portal_qr', 'in_person', 'in_person', 'post'] as const)
      const reqId = uuidv7()
      const number = `В-${registeredOn.slice(0, 4)}-01-${String(requestSerial).padStart(6, '0')}`
      requestRows.push({
        id: reqId,
        number,
        patientId: id,
        applicantKind: repId ? 'representative' : 'self',
        representativeId: repId,
        channel,
        kind: rnd.chance(0.6) ? 'full' : 'brief',
        periodFrom: isoDaysBefore(today, Math.min(age * 365, 730)),
        periodTo: registeredOn,
        purpose: rnd.pick([
          'для предъявления по месту работы',
          'для санаторно-курортного лечения',
          'для консультации в другой медицинской организации',
          'для МСЭ',
          'по личному запросу'
        ]),
        delivery: channel === 'post' ? 'post' : 'in_person',
        urgent: rnd.chance(0.1),
        status,
        statusEpoch: 0,
        refusalReason:
          status === 'refused' ? rnd.pick(['incomplete_data', 'no_consent', 'no_records'] as const) : null,
        registeredOn,
        dueDate: deps.calendar.dueDate({
          registeredOn,
          businessDays: channel === 'portal_qr' ? 3 : 5,
          ceilingCalendarDays: 30
        }),
        createdBy: options.userIds.registrar,
        ...stamp
      })
      let from: RequestStatus | null = null
      for (const step of pathTo[status]) {
        historyRows.push({
          id: uuidv7(),
          requestId: reqId,
          fromStatus: from,
          toStatus: step,
          epoch: 0,
          reason: step === 'refused' ? 'incomplete_data' : null,
          note: null,
          at: `${registeredOn}T09:00:00.000Z`,
          userId: options.userIds.registrar,
          workstationId
        })
        from = step
      }
    }

    if (i % 40 === 17) {
      const discrepancy = rnd.chance(0.5)
      const registeredOn = isoDaysBefore(today, rnd.int(0, 20))
      const org = rnd.pick(orgs)
      complaintRows.push({
        id: uuidv7(),
        number: `Ж-${registeredOn.slice(0, 4)}-01-${String(++complaintSerial).padStart(6, '0')}`,
        patientId: id,
        kind: discrepancy ? 'discrepancy' : 'missing_document',
        documentKindCode: rnd.pick(documentTemplates).kind,
        visitDate: isoDaysBefore(registeredOn, rnd.int(5, 60)),
        regionCode: org.regionCode,
        organisationId: org.id,
        documentId: null,
        discrepancyField: discrepancy
          ? rnd.pick(['full_name', 'organisation', 'diagnosis', 'lab_results'] as const)
          : null,
        paperValue: discrepancy ? 'в бумажной версии указано иначе' : null,
        description: discrepancy
          ? 'Сведения в бумажной и электронной версиях документа различаются'
          : 'Документ не поступил в личный кабинет на портале',
        contacts: patientRows[patientRows.length - 1].phone ?? null,
        status: rnd.pick(['registered', 'forwarded', 'in_review', 'resolved'] as const),
        statusEpoch: 0,
        registeredOn,
        dueDate: deps.calendar.addBusinessDays(registeredOn, discrepancy ? 5 : 30),
        resolution: null,
        resolvedDocumentId: null,
        createdBy: options.userIds.senior,
        ...stamp
      })
    }
    if (patientRows.length >= CHUNK) flush()
  }

  flush()
  inTransaction(deps, () => {
    // Numbers the desk hands out next must not collide with the demo's.
    for (const year of years) {
      deps.store.db
        .insert(counters)
        .values({ series: 'В', year, last: requestSerial })
        .onConflictDoNothing()
        .run()
      deps.store.db
        .insert(counters)
        .values({ series: 'Ж', year, last: complaintSerial })
        .onConflictDoNothing()
        .run()
    }
  })
  return { patients: written }
}

function serial(rnd: Random): string {
  let s = ''
  for (let k = 0; k < 32; k++) s += '0123456789ABCDEF'[rnd.int(0, 15)]
  return s
}
