// Small import files for the tests: hand-made rows with valid identifiers, so that every error in them is planted.
import { generateEnp, generateSnils } from '../../../src-main/contract/identifiers'
import type { ImportFile } from '../../../src-main/core/import/format'

export const snilsOf = (i: number) => generateSnils(String(600_000_000 + i * 13))
export const enpOf = (i: number) => generateEnp(`5000${String(i).padStart(11, '0')}`)

export function patientRow(i: number): Record<string, unknown> {
  return {
    sourceId: `P${i}`,
    lastName: i % 2 ? 'Смирнов' : 'Кузнецова',
    firstName: i % 2 ? 'Олег' : 'Анна',
    middleName: i % 2 ? 'Петрович' : 'Игоревна',
    sex: i % 2 ? 'M' : 'F',
    birthDate: `19${String(50 + (i % 40)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
    snils: snilsOf(i),
    enp: enpOf(i),
    identityDocument: { kind: 'passport', series: '45 06', number: String(100000 + i) },
    phone: `+7 900 000-00-${String(i % 100).padStart(2, '0')}`,
    attachedOrganisation: { id: 'msk-gp-240' }
  }
}

export function visitRow(i: number, patient = i): Record<string, unknown> {
  return {
    sourceId: `V${i}`,
    patient: { sourceId: `P${patient}` },
    date: '2026-03-1' + (i % 10),
    organisation: { id: 'msk-gp-240' },
    doctorName: 'Петрова А. В.',
    specialtyCode: 'therapist',
    careKind: 'outpatient',
    diagnosisCode: 'J06.9',
    costKopecks: 168540,
    prescriptions: 'Парацетамол 500 мг при температуре выше 38,5 °C',
    services: [{ code: 'B01.047.001', name: 'Прием (осмотр, консультация) врача-терапевта первичный' }]
  }
}

export function documentRow(i: number, patient = i): Record<string, unknown> {
  return {
    sourceId: `D${i}`,
    patient: { sourceId: `P${patient}` },
    kindCode: 'protocol-consultation',
    number: `ЭМД-2026-${String(i).padStart(6, '0')}`,
    date: '2026-03-1' + (i % 10),
    organisation: { id: 'msk-gp-240' },
    authorName: 'Петрова А. В.',
    authorRole: 'врач-терапевт участковый',
    content: `Жалобы на кашель. Диагноз: J06.9. Запись ${i}.`,
    visitSourceId: `V${i}`,
    signatures: [
      {
        signerName: 'Петрова А. В.',
        signerRole: 'врач-терапевт участковый',
        certificateSerial: `01DA${String(i).padStart(6, '0')}`,
        validFrom: '2025-06-01',
        validTo: '2026-06-01',
        signedAt: '2026-03-10T12:30:00+03:00'
      }
    ]
  }
}

export function requestRow(i: number, patient = i): Record<string, unknown> {
  return {
    sourceId: `R${i}`,
    number: `В-2026-${String(900000 + i)}`,
    patient: { snils: snilsOf(patient) },
    kind: 'full',
    periodFrom: '2025-01-01',
    periodTo: '2026-01-01',
    purpose: 'для предъявления по месту работы',
    delivery: 'in_person',
    registeredOn: '2026-11-19'
  }
}

export function importFile(n: number, parts: Partial<ImportFile> = {}): ImportFile {
  const range = (count: number) => Array.from({ length: count }, (_, i) => i + 1)
  return {
    format: 'registrar-import',
    version: 1,
    source: { system: 'mis-test', exportedAt: '2026-11-19T18:00:00+03:00' },
    patients: range(n).map((i) => patientRow(i)),
    visits: range(n).map((i) => visitRow(i)),
    documents: range(Math.ceil(n / 2)).map((i) => documentRow(i)),
    requests: range(Math.ceil(n / 4)).map((i) => requestRow(i)),
    ...parts
  }
}

/** A file's text cut into chunks of `size` characters, as the UI sends it. */
export function chunked(text: string, size: number): string[] {
  const out: string[] = []
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size))
  return out
}
