// A patient with known visits and signed ЭМД, written straight into the store (the demo's visits are random), and
// helpers that read PDFs back the way a person would: text with pdftotext, pages as PNG, QR codes with zbarimg.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { generateEnp, generateSnils } from '../../../src-main/contract/identifiers'
import type { CoreDeps } from '../../../src-main/core/context'
import {
  documentSignatures,
  medicalDocuments,
  organisations,
  visits,
  visitServices
} from '../../../src-main/core/db/schema'
import { uuidv7 } from '../../../src-main/core/ids'
import type { demoCore } from '../support/core'

export type DemoCore = Awaited<ReturnType<typeof demoCore>>

const scratch = mkdtempSync(join(tmpdir(), 'registrar-pdf-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

let counter = 0
function scratchFile(ext: string): string {
  return join(scratch, `f${++counter}.${ext}`)
}

export function toBytes(pdf: Uint8Array | string): Uint8Array {
  return typeof pdf === 'string' ? Buffer.from(pdf, 'base64') : pdf
}

/** Text of each page, as pdftotext -layout lays it out. */
export function pdfPages(pdf: Uint8Array | string): string[] {
  const file = scratchFile('pdf')
  writeFileSync(file, toBytes(pdf))
  const text = execFileSync('pdftotext', ['-layout', file, '-'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore']
  })
  const pages = text.split('\f')
  if (pages[pages.length - 1].trim() === '') pages.pop()
  return pages
}

/** One page as PNG files at the given resolution; returns the path. */
export function renderPage(pdf: Uint8Array | string, page: number, dpi: number): string {
  const file = scratchFile('pdf')
  writeFileSync(file, toBytes(pdf))
  const prefix = join(scratch, `page${++counter}`)
  execFileSync(
    'pdftoppm',
    ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), file, prefix],
    {
      stdio: ['ignore', 'ignore', 'ignore']
    }
  )
  const name = readdirSync(scratch).find(
    (f) => f.startsWith(prefix.split('/').pop() + '-') && f.endsWith('.png')
  )
  if (!name) throw new Error('pdftoppm made no page')
  return join(scratch, name)
}

/** QR payloads zbarimg finds on a PNG, as UTF-8 text. */
export function decodeQr(png: string): string[] {
  try {
    const out = execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', png], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    })
    return out.split('\n').filter(Boolean)
  } catch {
    return []
  }
}

export interface KnownPatient {
  patientId: string
  fullName: string
  snils: string
  enp: string
  emdId: string
  emdNumber: string
}

const stamp = (now: string) => ({ createdAt: now, updatedAt: now, version: 1 })

/** Visit dates: three inside 2026-01-01…2026-10-31 and one just outside each end. */
export const visitPlan = [
  { date: '2025-12-31', code: 'I10', text: 'Эссенциальная гипертензия', marker: 'ВНЕ-ПЕРИОДА-ДО' },
  {
    date: '2026-01-01',
    code: 'J06.9',
    text: 'Острая инфекция верхних дыхательных путей неуточненная',
    marker: 'ВИЗИТ-1'
  },
  { date: '2026-06-15', code: 'M54.5', text: 'Боль внизу спины', marker: 'ВИЗИТ-2' },
  {
    date: '2026-10-31',
    code: 'E11.9',
    text: 'Инсулиннезависимый сахарный диабет без осложнений',
    marker: 'ВИЗИТ-3'
  },
  { date: '2026-11-01', code: 'K29.5', text: 'Хронический гастрит неуточненный', marker: 'ВНЕ-ПЕРИОДА-ПОСЛЕ' }
] as const

export async function knownPatient(t: DemoCore, birthDate = '1975-04-12'): Promise<KnownPatient> {
  const snils = generateSnils('214365879')
  const enp = generateEnp('770000555000111')
  const patient = await t.call(
    'patients.create',
    {
      draft: {
        lastName: 'Ёлкина',
        firstName: 'Наталья',
        middleName: 'Сергеевна',
        sex: 'F',
        birthDate,
        snils,
        enp,
        insurer: 'АО «Страховая компания «СОГАЗ-Мед»',
        address: 'г. Москва, ул. Профсоюзная, д. 12, кв. 45'
      }
    },
    t.tokens.registrar
  )
  const deps = await t.core.deps()
  const now = deps.clock.now().toISOString()
  const org = deps.store.db.select().from(organisations).limit(1).get()
  if (!org) throw new Error('no organisations in the reference data')
  for (const v of visitPlan) {
    const id = uuidv7()
    deps.store.db
      .insert(visits)
      .values({
        id,
        patientId: patient.id,
        date: v.date,
        regionCode: org.regionCode,
        organisationId: org.id,
        doctorName: `Петрова А. В. ${v.marker}`,
        specialty: 'врач-терапевт участковый',
        careKind: 'outpatient',
        diagnosisCode: v.code,
        diagnosisText: v.text,
        costKopecks: 154000,
        prescriptions: `Назначение ${v.marker}`,
        recommendations: `Рекомендация ${v.marker}`,
        ...stamp(now)
      })
      .run()
    deps.store.db
      .insert(visitServices)
      .values({
        id: uuidv7(),
        visitId: id,
        code: 'B01.047.001',
        name: `Приём врача-терапевта ${v.marker}`,
        quantity: 1
      })
      .run()
  }
  const emd = insertEmd(deps, patient.id, org.id, now)
  return { patientId: patient.id, fullName: 'Ёлкина Наталья Сергеевна', snils, enp, ...emd }
}

function insertEmd(deps: CoreDeps, patientId: string, orgId: string, now: string) {
  const emdId = uuidv7()
  const emdNumber = 'ЭМД-2026-0099001'
  deps.store.db
    .insert(medicalDocuments)
    .values({
      id: emdId,
      patientId,
      kindCode: 'discharge-summary',
      number: emdNumber,
      date: '2026-06-20',
      organisationId: orgId,
      authorName: 'Петрова Анна Владимировна',
      authorRole: 'врач-терапевт',
      title: 'Выписной эпикриз',
      content:
        'Находилась на лечении в дневном стационаре с 10.06.2026 по 20.06.2026.\nЗаключительный диагноз: M54.5 Боль внизу спины.\nВыписана в удовлетворительном состоянии.',
      ...stamp(now)
    })
    .run()
  const signatures = [
    {
      signerName: 'Петрова Анна Владимировна',
      signerRole: 'врач-терапевт',
      serial: '01D9A2B3C4E5F60718293A4B5C6D7E8F'
    },
    {
      signerName: 'Сидоров Павел Игоревич',
      signerRole: 'заведующий отделением',
      serial: '7F6E5D4C3B2A19080706050403020100'
    }
  ]
  for (const s of signatures) {
    deps.store.db
      .insert(documentSignatures)
      .values({
        id: uuidv7(),
        documentId: emdId,
        signerName: s.signerName,
        signerRole: s.signerRole,
        certificateSerial: s.serial,
        validFrom: '2026-02-01',
        validTo: '2027-05-01',
        signedAt: '2026-06-20T15:42:00+03:00'
      })
      .run()
  }
  return { emdId, emdNumber }
}

/** A request for the known patient taken through to «Готово к выдаче». */
export async function readyRequest(t: DemoCore, patientId: string, kind: 'full' | 'brief' = 'full') {
  const token = t.tokens.registrar
  const request = await t.call(
    'requests.create',
    {
      patientId,
      applicantKind: 'self',
      channel: 'in_person',
      kind,
      periodFrom: '2026-01-01',
      periodTo: '2026-10-31',
      purpose: 'для предъявления в санаторий',
      delivery: 'in_person'
    },
    token
  )
  for (const to of ['processing', 'approved', 'ready'] as const) {
    await t.call('requests.transition', { id: request.id, to }, token)
  }
  return request
}
