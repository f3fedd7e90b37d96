// npx tsx scripts/make-import-file.ts --patients 100000 --out data/mis-export.json
// Writes an import file in our format (docs/import-format.md) as a МИС would export it: patients with valid СНИЛС and
// ЕНП, one to two visits each with their services, a signed ЭМД for half of the visits, and some extract requests.
// Deterministic: the same arguments make the same file. The text is produced in pieces, never as one string.
import { createWriteStream, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { generateEnp, generateSnils } from '../src-main/contract/identifiers'
import { documentTemplates, visitTemplates } from '../src-main/core/demo/clinical'
import { isoDaysBefore } from '../src-main/core/demo/days'
import { feminineSurname, femaleNames, maleNames, patronymic, streets } from '../src-main/core/demo/people'
import { seededRandom } from '../src-main/core/demo/random'
import { pickSurname } from '../src-main/core/demo/surnames'

export interface ImportFileOptions {
  patients: number
  system?: string
  /** The export's date: visits and documents are dated before it. */
  today?: string
  seed?: number
}

/** Diagnoses the shipped МКБ-10 subset knows: a code outside it is, rightly, a row error. */
function knownDiagnoses(): Set<string> {
  const file = fileURLToPath(new URL('../resources/reference/icd10.json', import.meta.url))
  return new Set(
    (JSON.parse(readFileSync(file, 'utf8')) as { items: { code: string }[] }).items.map((i) => i.code)
  )
}

/** The file's text, in pieces of a few records each. */
export function* importFileText(options: ImportFileOptions): Generator<string> {
  const today = options.today ?? '2026-11-19'
  const system = options.system ?? 'mis-demo'
  const rnd = seededRandom(options.seed ?? 4711)
  const n = options.patients
  const known = knownDiagnoses()
  const visitsOf: { patient: number; visit: number; date: string; template: number; dx: string }[][] = []
  yield `{"format":"registrar-import","version":1,"source":{"system":${JSON.stringify(system)},"name":"МИС поликлиники (демо)","exportedAt":"${today}T20:00:00+03:00"},\n"patients":[\n`
  for (let i = 1; i <= n; i++) {
    const sex = rnd.chance(0.55) ? 'F' : 'M'
    const surname = pickSurname(rnd)
    const birthDate = isoDaysBefore(today, rnd.int(365 * 18, 365 * 90))
    const patient = {
      sourceId: String(100000 + i),
      lastName: sex === 'F' ? feminineSurname(surname) : surname,
      firstName: rnd.pick(sex === 'F' ? femaleNames : maleNames),
      middleName: patronymic(rnd.pick(maleNames), sex),
      sex,
      birthDate,
      snils: generateSnils(String(700_000_000 + i)),
      enp: generateEnp(`77${String(i).padStart(13, '0')}`),
      identityDocument: { kind: 'passport', series: String(4500 + (i % 99)), number: String(100000 + i) },
      address: `г. Москва, ${rnd.pick(streets)}, д. ${rnd.int(1, 120)}, кв. ${rnd.int(1, 300)}`,
      phone: `+7 9${String(rnd.int(10, 99))} ${String(rnd.int(100, 999))}-${String(rnd.int(10, 99))}-${String(rnd.int(10, 99))}`,
      attachedOrganisation: { id: 'msk-gp-240' }
    }
    const templates = visitTemplates.filter((t) => t.adults)
    const visits = Array.from({ length: rnd.chance(0.5) ? 1 : 2 }, (_, v) => {
      const template = visitTemplates.indexOf(rnd.pick(templates))
      const dx = rnd.pick(visitTemplates[template].diagnoses.filter((c) => known.has(c)))
      return { patient: i, visit: i * 2 + v, date: isoDaysBefore(today, rnd.int(1, 700)), template, dx }
    })
    visitsOf.push(visits)
    yield (i > 1 ? ',\n' : '') + JSON.stringify(patient)
  }
  yield '\n],\n"visits":[\n'
  let first = true
  for (const visits of visitsOf) {
    for (const v of visits) {
      const t = visitTemplates[v.template]
      const visit = {
        sourceId: `V${v.visit}`,
        patient: { sourceId: String(100000 + v.patient) },
        date: v.date,
        organisation: { id: 'msk-gp-240' },
        doctorName: 'Петрова А. В.',
        specialtyCode: t.specialty,
        specialty: t.doctorRole,
        careKind: 'outpatient',
        diagnosisCode: v.dx,
        costKopecks: t.costKopecks,
        prescriptions: t.prescriptions[v.visit % t.prescriptions.length],
        recommendations: t.recommendations[v.visit % t.recommendations.length],
        services: [{ code: t.service[0], name: t.service[1], quantity: 1 }]
      }
      yield (first ? '' : ',\n') + JSON.stringify(visit)
      first = false
    }
  }
  yield '\n],\n"documents":[\n'
  first = true
  for (const visits of visitsOf) {
    for (const v of visits) {
      if (v.visit % 2 === 1) continue
      const dt = documentTemplates[v.visit % documentTemplates.length]
      const t = visitTemplates[v.template]
      const document = {
        sourceId: `D${v.visit}`,
        patient: { sourceId: String(100000 + v.patient) },
        kindCode: dt.kind,
        number: `ЭМД-${v.date.slice(0, 4)}-${String(v.visit).padStart(8, '0')}`,
        date: v.date,
        organisation: { id: 'msk-gp-240' },
        authorName: 'Петрова А. В.',
        authorRole: t.doctorRole,
        title: dt.title,
        content: dt.body(v.dx),
        visitSourceId: `V${v.visit}`,
        signatures: [
          {
            signerName: 'Петрова А. В.',
            signerRole: t.doctorRole,
            certificateSerial: `01DA${v.visit.toString(16).toUpperCase().padStart(10, '0')}`,
            validFrom: isoDaysBefore(v.date, 100),
            validTo: isoDaysBefore(v.date, -265),
            signedAt: `${v.date}T15:00:00+03:00`
          }
        ]
      }
      yield (first ? '' : ',\n') + JSON.stringify(document)
      first = false
    }
  }
  yield '\n],\n"requests":[\n'
  for (let i = 10, k = 0; i <= n; i += 10, k++) {
    const request = {
      sourceId: `R${i}`,
      number: `В-2026-${String(500000 + k).padStart(6, '0')}`,
      patient: { sourceId: String(100000 + i) },
      kind: k % 3 === 0 ? 'brief' : 'full',
      periodFrom: isoDaysBefore(today, 700),
      periodTo: isoDaysBefore(today, 1),
      purpose: 'для предъявления по месту требования',
      delivery: 'in_person',
      registeredOn: isoDaysBefore(today, 1)
    }
    yield (k === 0 ? '' : ',\n') + JSON.stringify(request)
  }
  yield '\n]}\n'
}

/** Pieces joined into chunks of at most `size` characters: what the UI sends with import.append. */
export function* inChunks(pieces: Iterable<string>, size: number): Generator<string> {
  let buffer = ''
  for (const piece of pieces) {
    buffer += piece
    while (buffer.length >= size) {
      yield buffer.slice(0, size)
      buffer = buffer.slice(size)
    }
  }
  if (buffer) yield buffer
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      patients: { type: 'string', default: '100000' },
      out: { type: 'string', default: 'mis-export.json' }
    }
  })
  const out = createWriteStream(resolve(values.out!))
  let chars = 0
  for (const piece of importFileText({ patients: Number(values.patients) })) {
    chars += piece.length
    if (!out.write(piece)) await new Promise<void>((done) => out.once('drain', () => done()))
  }
  out.end()
  console.log(
    `Файл импорта: ${values.patients} пациентов, ${(chars / 1e6).toFixed(1)} млн символов → ${values.out}`
  )
}
