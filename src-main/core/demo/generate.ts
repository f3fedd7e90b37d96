// The demo clinic: a deterministic, realistic card index — patients of all ages with valid identifiers, parents for
// children, visits with diagnoses and services, signed ЭМД, requests in every status and a few complaints.
// Generated records are the clinic's starting state, not changes made at this desk, so they write no outbox rows.
import { getTableName } from 'drizzle-orm'
import { generateEnp, generateSnils } from '../../contract/identifiers'
import { RequestStatus } from '../../contract/schemas'
import { localDate } from '../clock'
import type { CoreDeps } from '../context'
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
import { bulkLoad } from '../db/bulk-load'
import { uuidv7 } from '../ids'
import { fullNameOf, searchTextOf } from '../patients/names'
import { rebuildSearchIndex, searchInsertTriggers } from '../patients/search-index'
import { thisWorkstationId } from '../settings/settings-service'
import type { ReferenceData } from '../reference/reference-data'
import { documentTemplates } from './clinical'
import { insurers, streets } from './people'
import { person } from './person'
import { isoDaysBefore } from './days'
import { seededRandom } from './random'
import { writeVisits, type VisitContext } from './visits'

export interface DemoOptions {
  onProgress?: (patientsWritten: number) => void
  patients: number
  seed?: number
  clinicOrgId: string
  clinicRegion: string
  userIds: { registrar: string; senior: string }
  reference: ReferenceData
}

const PROGRESS_EVERY = 2000

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

/** Tables the generator fills: their indexes are built after the load. */
const loadedTables = [
  patients,
  representatives,
  consents,
  visits,
  visitServices,
  medicalDocuments,
  documentSignatures,
  extractRequests,
  requestStatusHistory,
  complaints
].map((t) => getTableName(t))

export function generateDemoClinic(deps: CoreDeps, options: DemoOptions): { patients: number } {
  const sqlite = deps.store.sqlite
  return bulkLoad(
    sqlite,
    {
      deferIndexesOf: loadedTables,
      suspendTriggers: searchInsertTriggers,
      rebuild: () => rebuildSearchIndex(sqlite)
    },
    () => generateRows(deps, options)
  )
}

function generateRows(deps: CoreDeps, options: DemoOptions): { patients: number } {
  const rnd = seededRandom(options.seed ?? 20261121)
  const workstationId = thisWorkstationId(deps)
  const today = localDate(deps.clock.now())
  const now = deps.clock.now().toISOString()
  const stamp = { createdAt: now, updatedAt: now, version: 1 }
  const orgs = options.reference.organisations
  const homeOrgs = orgs.filter((o) => o.regionCode === options.clinicRegion)

  let requestSerial = 0

  // Each row goes to the store as soon as it is made: nothing outlives its patient, so the collector only ever
  // sees short-lived objects, and a million-patient clinic never sits in memory.
  const writer = createBulkWriter(deps.store.sqlite)
  const visitContext: VisitContext = {
    rnd,
    writer,
    today,
    stamp,
    icdName: new Map(options.reference.icd10.map((c) => [c.code, c.name])),
    home: homeOrgs.find((o) => o.id === options.clinicOrgId) ?? homeOrgs[0] ?? orgs[0],
    elsewhere: orgs.filter((o) => o.regionCode !== options.clinicRegion),
    documentsMade: 0
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
    const patient: typeof patients.$inferInsert = {
      id,
      lastName: p.lastName,
      firstName: p.firstName,
      middleName: p.middleName,
      sex: p.sex,
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
    }
    writer.insertOne(patients, patient)
    writer.insertOne(consents, {
      id: uuidv7(),
      patientId: id,
      kind: 'personal_data',
      givenOn: isoDaysBefore(today, rnd.int(30, 2000)),
      withdrawnOn: null,
      ...stamp
    })
    if (rnd.chance(0.7)) {
      writer.insertOne(consents, {
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
      const parent = person(rnd, parentSex, p.baseSurname)
      repId = uuidv7()
      writer.insertOne(representatives, {
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
      writer.insertOne(representatives, {
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

    writeVisits(visitContext, id, age)

    // Requests: about one patient in eight, cycling through every status so the demo shows them all.
    if (i % 8 === 3) {
      const status = requestStatusCycle[requestSerial % requestStatusCycle.length]
      requestSerial++
      const registeredOn = isoDaysBefore(today, rnd.int(0, 12))
      const channel = rnd.pick(['portal_qr', 'in_person', 'in_person', 'post'] as const)
      const reqId = uuidv7()
      const number = `В-${registeredOn.slice(0, 4)}-01-${String(requestSerial).padStart(6, '0')}`
      years.add(Number(registeredOn.slice(0, 4)))
      writer.insertOne(extractRequests, {
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
        writer.insertOne(requestStatusHistory, {
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
      years.add(Number(registeredOn.slice(0, 4)))
      writer.insertOne(complaints, {
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
        contacts: patient.phone ?? null,
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
    if ((i + 1) % PROGRESS_EVERY === 0) options.onProgress?.(i + 1)
  }
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
  return { patients: options.patients }
}
