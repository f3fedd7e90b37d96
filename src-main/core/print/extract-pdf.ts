// The paper extract from the ambulatory card, form 027/у: full (visits with diagnoses, services, prescriptions and
// recommendations) or brief (dates, doctors, diagnoses), for the request's period, signed by hand and sealed.
import type { ClinicDetails } from '../../contract/schemas'
import {
  clinicHeader,
  QR_SIZE,
  reprintBanner,
  sealPlace,
  signatureRows,
  SIGNATURE_ROW_HEIGHT,
  verificationBlock,
  type Verification
} from './blocks'
import { contentDigest, type CanonicalDocument } from './content-digest'
import { careKindNames, plainText, ruDate, ruDay, snilsText } from './format'
import { CONTENT_WIDTH, PAGE, PdfWriter, type BuiltDocument } from './pdf-writer'

export interface ExtractVisit {
  date: string
  organisationName: string
  doctorName: string
  specialty: string
  careKind: string
  diagnosisCode: string
  diagnosisText: string
  services: { code: string; name: string; quantity: number }[]
  prescriptions: string | null
  recommendations: string | null
}

export interface ExtractData {
  /** The request's number: the extract is known by it. */
  number: string
  kind: 'full' | 'brief'
  periodFrom: string
  periodTo: string
  purpose: string
  clinic: ClinicDetails
  patient: {
    fullName: string
    sex: 'M' | 'F'
    birthDate: string
    snils: string | null
    enp: string | null
    insurer: string | null
    address: string | null
  }
  /** Visits inside the period, oldest first. */
  visits: ExtractVisit[]
}

export interface PrintOptions {
  printedAt: Date
  /** The date a reprint is marked with, or null for the first print. */
  reprintOn: string | null
  verification: Verification
  /** The content digest when the caller has it already (it also went into the QR); taken from the data otherwise. */
  contentSha256?: string
}

export const extractTitle = (kind: 'full' | 'brief') =>
  `Выписка из медицинской карты пациента, получающего медицинскую помощь в амбулаторных условиях (${kind === 'full' ? 'полная' : 'краткая'})`

/** What the extract says, for its content digest: a brief extract says less, so its digest covers less. */
export function extractContent(data: ExtractData): CanonicalDocument {
  const full = data.kind === 'full'
  return {
    kind: 'extract',
    number: data.number,
    content: {
      form: '027/у',
      extractKind: data.kind,
      periodFrom: data.periodFrom,
      periodTo: data.periodTo,
      purpose: data.purpose,
      clinic: { name: data.clinic.name, address: data.clinic.address, ogrn: data.clinic.ogrn },
      patient: {
        fullName: data.patient.fullName,
        sex: data.patient.sex,
        birthDate: data.patient.birthDate,
        snils: data.patient.snils,
        enp: data.patient.enp,
        insurer: data.patient.insurer,
        address: data.patient.address
      },
      visits: data.visits.map((v) => ({
        date: v.date,
        organisation: v.organisationName,
        doctor: v.doctorName,
        specialty: v.specialty,
        diagnosisCode: v.diagnosisCode,
        diagnosisText: v.diagnosisText,
        ...(full
          ? {
              careKind: v.careKind,
              services: v.services.map((s) => ({ code: s.code, name: s.name, quantity: s.quantity })),
              prescriptions: v.prescriptions,
              recommendations: v.recommendations
            }
          : {})
      }))
    }
  }
}

function formCorner(w: PdfWriter, top: number): void {
  const x = PAGE.left + CONTENT_WIDTH
  w.setStyle(8)
  const lines = [
    'Медицинская документация',
    'Форма № 027/у',
    'Утверждена приказом Минздрава СССР',
    'от 04.10.1980 № 1030'
  ]
  lines.forEach((line, i) => {
    w.setStyle(i === 1 ? 9.5 : 8, i === 1)
    w.doc.text(line, x, top + 3 + i * 3.8, { align: 'right' })
  })
}

function patientBlock(w: PdfWriter, data: ExtractData): void {
  const p = data.patient
  const policy = p.enp ? [p.enp, p.insurer].filter(Boolean).join(', ') : 'не указан'
  const rows: [string, string][] = [
    ['1. Фамилия, имя, отчество', p.fullName],
    ['2. Дата рождения', `${ruDate(p.birthDate)}, пол: ${p.sex === 'F' ? 'женский' : 'мужской'}`],
    ['3. СНИЛС', snilsText(p.snils)],
    ['4. Полис ОМС (ЕНП)', policy],
    ['5. Адрес места жительства', p.address || 'не указан'],
    ['6. Выписка выдана для', data.purpose]
  ]
  w.table({
    theme: 'plain',
    body: rows,
    styles: { fontSize: 10, lineWidth: 0, cellPadding: { top: 0.8, bottom: 0.8, left: 0, right: 2 } },
    columnStyles: { 0: { cellWidth: 55, textColor: [60, 60, 60] }, 1: { fontStyle: 'bold' } }
  })
}

function visitRows(data: ExtractData): string[][] {
  return data.visits.map((v, i) => {
    const doctor = `${v.doctorName}\n${v.specialty}`
    const dx = `${v.diagnosisCode} ${v.diagnosisText}`
    if (data.kind === 'brief') return [String(i + 1), ruDate(v.date), doctor, v.organisationName, dx]
    const care = careKindNames[v.careKind] ?? v.careKind
    const services = v.services.map((s) => `${s.code} ${s.name}${s.quantity > 1 ? ` × ${s.quantity}` : ''}`)
    const advice = [
      v.prescriptions ? `Назначения: ${plainText(v.prescriptions)}` : '',
      v.recommendations ? `Рекомендации: ${plainText(v.recommendations)}` : ''
    ].filter(Boolean)
    return [
      String(i + 1),
      ruDate(v.date),
      `${doctor}\n${v.organisationName} (${care})`,
      dx,
      services.join('\n') || '—',
      advice.join('\n') || '—'
    ]
  })
}

const CLOSING_ROWS = [
  { role: 'Лечащий врач' },
  { role: 'Заведующий отделением (руководитель медицинской организации)' }
]

/** Height of the summary line and the closing block (date, signatures, seal, QR) that follow the table. */
function closingHeight(w: PdfWriter): number {
  const roleLines = CLOSING_ROWS.reduce((n, r) => n + w.wrap(r.role, 50, 9.5).length - 1, 0)
  const signatures = 5 + CLOSING_ROWS.length * SIGNATURE_ROW_HEIGHT + roleLines * w.lineHeight(9.5) + 8
  return w.lineHeight(9.5) + 6 + Math.max(signatures, QR_SIZE + 13)
}

/**
 * The visits table. With `carryLast`, the last row starts a new page: the closing block then has a row of the
 * table above it, because signatures alone on a last page (ГОСТ Р 7.0.97: подпись не переносится на отдельную
 * страницу без текста) are not accepted.
 */
function visitsTable(w: PdfWriter, data: ExtractData, carryLast: boolean): void {
  const full = data.kind === 'full'
  w.ensureSpace(30)
  w.text(
    full ? 'Сведения об обращениях за медицинской помощью' : 'Обращения за медицинской помощью (кратко)',
    { size: 11, bold: true, gapAfter: 1 }
  )
  if (data.visits.length === 0) {
    w.text('За указанный период обращений за медицинской помощью не зарегистрировано.', { gapAfter: 3 })
    return
  }
  const head = full
    ? [
        [
          '№',
          'Дата',
          'Врач, медицинская организация',
          'Диагноз (МКБ-10)',
          'Оказанные услуги',
          'Назначения и рекомендации'
        ]
      ]
    : [['№', 'Дата', 'Врач, специальность', 'Медицинская организация', 'Диагноз (МКБ-10)']]
  const widths = full ? [8, 17, 39, 38, 34, 42] : [8, 18, 50, 42, 60]
  const options = {
    head,
    styles: { fontSize: full ? 8 : 8.5 },
    columnStyles: Object.fromEntries(
      widths.map((cellWidth, i) => [
        i,
        { cellWidth, halign: i < 2 ? ('center' as const) : ('left' as const) }
      ])
    )
  }
  const rows = visitRows(data)
  const split = carryLast ? rows.length - 1 : rows.length
  if (split > 0) w.table({ ...options, body: rows.slice(0, split) })
  if (split < rows.length) {
    w.newPage()
    w.table({ ...options, body: rows.slice(split) })
  }
}

function closingBlock(w: PdfWriter, data: ExtractData, options: PrintOptions): void {
  w.text(`Всего обращений за период: ${data.visits.length}.`, { size: 9.5, gapAfter: 2 })
  const blockTop = w.y + 2
  w.setStyle(10)
  w.doc.text(`Дата выдачи: ${ruDay(options.printedAt)}`, PAGE.left, blockTop + 3)
  const signed = signatureRows(w, CLOSING_ROWS, blockTop + 5, PAGE.left + CONTENT_WIDTH - QR_SIZE - 8)
  sealPlace(w, PAGE.left + 12, blockTop + 5 + signed + 6)
  const qrHeight = verificationBlock(w, options.verification, blockTop)
  w.y = blockTop + Math.max(signed + 12, qrHeight)
}

/** One rendering; reports whether the closing block had to start a page of its own. */
function render(data: ExtractData, options: PrintOptions, carryLast: boolean) {
  const w = new PdfWriter({
    documentNumber: data.number,
    footerLabel: 'Выписка',
    reprintOn: options.reprintOn,
    title: extractTitle(data.kind),
    author: data.clinic.name,
    printedAt: options.printedAt,
    contentSha256: options.contentSha256 ?? contentDigest(extractContent(data))
  })
  const top = w.y
  clinicHeader(w, data.clinic, 105)
  formCorner(w, top)
  w.y = Math.max(w.y, top + 16) + 4
  reprintBanner(w, options.reprintOn)

  w.text('ВЫПИСКА', { size: 14, bold: true, align: 'center' })
  w.text('из медицинской карты пациента, получающего медицинскую помощь в амбулаторных условиях', {
    size: 11,
    bold: true,
    align: 'center'
  })
  w.text(`№ ${data.number} (${data.kind === 'full' ? 'полная' : 'краткая'})`, { size: 11, align: 'center' })
  w.text(`за период с ${ruDate(data.periodFrom)} по ${ruDate(data.periodTo)}`, {
    size: 10.5,
    align: 'center',
    gapAfter: 3
  })
  patientBlock(w, data)
  visitsTable(w, data, carryLast)
  // The summary, signatures, seal and QR keep together.
  const pagesBefore = w.doc.getNumberOfPages()
  w.ensureSpace(closingHeight(w))
  const alone = w.doc.getNumberOfPages() > pagesBefore
  closingBlock(w, data, options)
  return { alone, built: () => w.finish() }
}

export function buildExtractPdf(data: ExtractData, options: PrintOptions): BuiltDocument {
  const first = render(data, options, false)
  if (!first.alone || data.visits.length === 0) return first.built()
  return render(data, options, true).built()
}
