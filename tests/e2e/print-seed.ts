// Test data for printing and issuance, through the API as the renderer would send it.
import type { Host } from './host'
import { createPatient, createRequest, moveRequest, type PatientSummary, today, yearsAgo } from './seed'

export interface PrintJob {
  jobId: string
  title: string
  documentNumber: string
  pages: number
  verificationCode: string
}

/** A request taken for the patient and moved on to «Готово к выдаче». */
export async function readyRequest(
  host: Host,
  token: string,
  patientId: string
): Promise<{ id: string; number: string }> {
  const taken = await createRequest(host, token, patientId)
  await moveRequest(host, token, taken.id, 'processing', 'approved', 'ready')
  return taken
}

export async function addRepresentative(
  host: Host,
  token: string,
  patientId: string,
  rep: { fullName: string; relation: 'parent' | 'proxy'; identityDocument: string }
): Promise<{ id: string }> {
  await host.api(
    'representatives.add',
    {
      patientId,
      ...rep,
      authorityDocument: rep.relation === 'parent' ? 'свидетельство о рождении II-МЮ 654321' : '',
      poaNumber: rep.relation === 'proxy' ? '77 АА 1234567' : '',
      poaDate: rep.relation === 'proxy' ? yearsAgo(0, 30) : null,
      poaValidUntil: rep.relation === 'proxy' ? yearsAgo(-2) : null,
      poaNotarised: rep.relation === 'proxy'
    },
    token
  )
  const card = await host.api<{ representatives: { id: string; fullName: string }[] }>(
    'patients.get',
    { id: patientId },
    token
  )
  const added = card.representatives.find((r) => r.fullName === rep.fullName)
  if (!added) throw new Error(`representative ${rep.fullName} was not added`)
  return added
}

/** A request of a child, taken by their representative. */
export async function requestByRepresentative(
  host: Host,
  token: string,
  patientId: string,
  representativeId: string
): Promise<{ id: string; number: string }> {
  return host.api(
    'requests.create',
    {
      patientId,
      applicantKind: 'representative',
      representativeId,
      channel: 'in_person',
      kind: 'full',
      periodFrom: yearsAgo(1),
      periodTo: today(),
      purpose: 'Для образовательной организации',
      delivery: 'in_person'
    },
    token
  )
}

/** Prints nothing: prepares the extract and records handing it to the patient, as a desk that printed earlier would. */
export async function issueExtract(
  host: Host,
  token: string,
  requestId: string,
  recipient: { name: string; document: string; representativeId?: string }
): Promise<PrintJob> {
  const job = await host.api<PrintJob>('print.extract', { requestId }, token)
  await host.api(
    'issuance.record',
    {
      jobId: job.jobId,
      recipientKind: recipient.representativeId ? 'representative' : 'self',
      representativeId: recipient.representativeId ?? null,
      recipientName: recipient.name,
      recipientDocument: recipient.document,
      copies: 1
    },
    token
  )
  return job
}

/** A grown-up with a passport on file: handed documents to themselves, with the passport prefilled. */
export async function adultPatient(
  host: Host,
  token: string,
  name: { lastName: string; firstName: string; middleName: string; sex: 'M' | 'F' }
): Promise<{ id: string; fullName: string }> {
  return createPatient(host, token, {
    ...name,
    birthDate: yearsAgo(46, 120),
    docKind: 'passport',
    docSeries: '4509',
    docNumber: '315264'
  })
}

interface CardWithDocuments {
  ageYears: number
  patient: { docNumber: string | null }
  documents: { id: string; title: string }[]
}

/** A demo patient old enough to take documents themselves, with a passport and at least one ЭМД. */
export async function adultWithDocuments(
  host: Host,
  token: string,
  first = 'Иванов',
  except: string[] = []
): Promise<{ patient: PatientSummary; documents: CardWithDocuments['documents'] }> {
  for (const query of [first, 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров']) {
    for (const patient of await host.api<PatientSummary[]>('patients.search', { query }, token)) {
      if (except.includes(patient.id)) continue
      const found = await host.api<CardWithDocuments>('patients.get', { id: patient.id }, token)
      if (found.ageYears >= 18 && found.patient.docNumber && found.documents.length > 0)
        return { patient, documents: found.documents }
    }
  }
  throw new Error('no grown-up demo patient with an ЭМД')
}
