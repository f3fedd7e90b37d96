// Paper for a complaint (жалоба): the receipt the patient takes home, and the letter that carries the complaint to
// the organisation that issued the document, or to the region's health authority, when it cannot go electronically.
// The receipt has two QR codes: the complaint's bare number, which this app's scanner opens, and the verification
// code every paper document carries. They sit apart so that a camera aimed at one does not catch the other.
import type { ClinicDetails } from '../../contract/schemas'
import {
  clinicHeader,
  drawQr,
  QR_SIZE,
  reprintBanner,
  sealPlace,
  signatureRows,
  verificationBlock
} from './blocks'
import { contentDigest, type CanonicalDocument } from './content-digest'
import type { PrintOptions } from './extract-pdf'
import { capitalised, initials, ruDate, ruDay, snilsText } from './format'
import { CONTENT_WIDTH, PAGE, PdfWriter, type BuiltDocument } from './pdf-writer'

export interface ComplaintPaperData {
  /** The paper's own number: the complaint's number with «-Р» (receipt) or «-П» (letter). */
  number: string
  /** What the patient quotes and what the receipt's second QR carries. */
  complaintNumber: string
  clinic: ClinicDetails
  kind: 'missing_document' | 'discrepancy'
  registeredOn: string
  dueDate: string
  patient: { fullName: string; sex: 'M' | 'F'; birthDate: string; snils: string | null; enp: string | null }
  documentKindName: string | null
  visitDate: string | null
  regionName: string | null
  organisation: { name: string; ogrn: string | null; address: string | null } | null
  /** The disputed ЭМД of a discrepancy complaint. */
  document: { number: string; title: string; date: string } | null
  /** What differs, in words: «диагноз». */
  discrepancyField: string | null
  paperValue: string | null
  description: string
  contacts: string | null
  route: 'electronic' | 'paper'
  addressee: string | null
  /** Who registered the complaint (the receipt's «Жалобу принял(а)»). */
  acceptedBy: string
}

/** Print-time facts of the letter: who prepares it. Like the print date, not part of what the letter says. */
export interface LetterOptions extends PrintOptions {
  executor: string
}

const kindTitles = {
  missing_document: 'медицинский документ не поступил',
  discrepancy: 'бумажная и электронная версии документа различаются'
} as const

export function complaintPaperContent(
  kind: 'complaint_receipt' | 'complaint_letter',
  data: ComplaintPaperData
): CanonicalDocument {
  return {
    kind,
    number: data.number,
    content: {
      clinic: { name: data.clinic.name, ogrn: data.clinic.ogrn, phone: data.clinic.phone },
      complaint: {
        number: data.complaintNumber,
        kind: data.kind,
        registeredOn: data.registeredOn,
        dueDate: data.dueDate,
        documentKindName: data.documentKindName,
        visitDate: data.visitDate,
        regionName: data.regionName,
        organisation: data.organisation ? { ...data.organisation } : null,
        document: data.document ? { ...data.document } : null,
        discrepancyField: data.discrepancyField,
        paperValue: data.paperValue,
        description: data.description,
        contacts: data.contacts,
        route: data.route,
        addressee: data.addressee
      },
      patient: { ...data.patient },
      acceptedBy: data.acceptedBy
    }
  }
}

function organisationLine(org: ComplaintPaperData['organisation']): string {
  if (!org) return '—'
  return org.ogrn ? `${org.name} (ОГРН ${org.ogrn})` : org.name
}

/** What the patient reported, as rows of the facts table both papers share. */
export function reportedRows(data: ComplaintPaperData): [string, string][] {
  const rows: [string, string][] = [['Суть жалобы', capitalised(kindTitles[data.kind])]]
  if (data.kind === 'missing_document') {
    rows.push(
      ['Вид документа', data.documentKindName ?? '—'],
      ['Дата посещения', ruDate(data.visitDate)],
      ['Регион', data.regionName ?? '—'],
      ['Медицинская организация', organisationLine(data.organisation)]
    )
  } else {
    const doc = data.document
    rows.push(
      ['Документ', doc ? `${doc.title} № ${doc.number} от ${ruDate(doc.date)}` : '—'],
      ['Медицинская организация', organisationLine(data.organisation)],
      ['Что различается', capitalised(data.discrepancyField ?? '—')],
      ['На бумаге указано', data.paperValue ?? '—']
    )
  }
  rows.push(['Описание', data.description])
  return rows
}

function facts(w: PdfWriter, rows: [string, string][]): void {
  w.table({
    body: rows,
    styles: { fontSize: 10, cellPadding: 1.6 },
    columnStyles: { 0: { cellWidth: 55, textColor: [50, 50, 50] }, 1: { fontStyle: 'bold' } }
  })
  w.y += 2
}

function frame(
  title: string,
  footerLabel: string,
  content: CanonicalDocument,
  data: ComplaintPaperData,
  options: PrintOptions
) {
  return new PdfWriter({
    documentNumber: data.number,
    footerLabel,
    reprintOn: options.reprintOn,
    title,
    author: data.clinic.name,
    printedAt: options.printedAt,
    contentSha256: options.contentSha256 ?? contentDigest(content)
  })
}

function routeText(data: ComplaintPaperData): string {
  return data.route === 'electronic'
    ? 'электронно, через систему обмена медицинскими данными'
    : `письмом: ${data.addressee ?? organisationLine(data.organisation)}`
}

/** The complaint number as a QR the desk's scanner opens, with the number in words beside it. */
function complaintNumberQr(w: PdfWriter, complaintNumber: string): void {
  const size = 30
  w.ensureSpace(size + 6)
  const top = w.y
  drawQr(w, complaintNumber, PAGE.left, top, size)
  const x = PAGE.left + size + 6
  w.y = top + 3
  w.text(`Номер жалобы: ${complaintNumber}`, { x, size: 12, bold: true, gapAfter: 1.5 })
  w.text(
    'Покажите этот QR-код в регистратуре: по нему жалобу откроют сразу. По телефону назовите номер жалобы.',
    { x, size: 9.5, width: CONTENT_WIDTH - size - 6 }
  )
  w.y = Math.max(w.y, top + size) + 6
}

export function buildComplaintReceiptPdf(data: ComplaintPaperData, options: PrintOptions): BuiltDocument {
  const w = frame(
    'Расписка в приёме жалобы',
    'Расписка',
    complaintPaperContent('complaint_receipt', data),
    data,
    options
  )
  clinicHeader(w, data.clinic, 120)
  reprintBanner(w, options.reprintOn)
  w.y += 4
  w.text('РАСПИСКА', { size: 14, bold: true, align: 'center' })
  w.text('в приёме жалобы пациента', { size: 11, align: 'center' })
  w.text(`№ ${data.complaintNumber}`, { size: 11, align: 'center' })
  w.y += 4
  facts(w, [
    ['Номер жалобы', data.complaintNumber],
    ['Дата регистрации', ruDate(data.registeredOn)],
    ['Пациент', `${data.patient.fullName}, ${ruDate(data.patient.birthDate)} г. р.`],
    ...reportedRows(data),
    ['Контакты для ответа', data.contacts || 'не указаны'],
    ['Как направлена', routeText(data)],
    ['Срок рассмотрения', `не позднее ${ruDate(data.dueDate)}`]
  ])
  w.text('Как узнать о ходе рассмотрения', { size: 10.5, bold: true, gapAfter: 1 })
  const where = data.clinic.phone
    ? `позвоните по телефону ${data.clinic.phone} или обратитесь в регистратуру`
    : `обратитесь в регистратуру (${data.clinic.address})`
  w.text(
    `Чтобы узнать, как рассматривается жалоба, ${where} и назовите номер жалобы ${data.complaintNumber}.`,
    {
      size: 10,
      gapAfter: 5
    }
  )
  complaintNumberQr(w, data.complaintNumber)
  w.ensureSpace(QR_SIZE + 14)
  const top = w.y
  const right = PAGE.left + CONTENT_WIDTH - QR_SIZE - 8
  signatureRows(w, [{ role: 'Жалобу принял(а)', name: initials(data.acceptedBy) }], top, right)
  const qr = verificationBlock(w, options.verification, top)
  w.y = top + qr
  return w.finish()
}

/** «Руководителю …» with the organisation's address, or the region's health authority as routing named it. */
function addresseeLines(data: ComplaintPaperData): string[] {
  const org = data.organisation
  if (org && (data.addressee === null || data.addressee === org.name)) {
    return [
      'Руководителю',
      org.name,
      ...(org.address && org.address !== '—' ? [org.address] : []),
      ...(org.ogrn ? [`ОГРН ${org.ogrn}`] : [])
    ]
  }
  return [data.addressee ?? '—']
}

function letterBody(data: ComplaintPaperData): { story: string; ask: string } {
  const p = data.patient
  const who = `${p.sex === 'F' ? 'обратилась пациентка' : 'обратился пациент'} ${p.fullName}, ${ruDate(p.birthDate)} г. р.`
  const ids = [p.snils ? `СНИЛС ${snilsText(p.snils)}` : null, p.enp ? `полис ОМС (ЕНП) ${p.enp}` : null]
    .filter(Boolean)
    .join(', ')
  // The clinic's name stands in the header; here it would need declining, which a name from a directory cannot be.
  const opening = `${ruDate(data.registeredOn)} в регистратуру нашей медицинской организации ${who}${ids ? ` (${ids})` : ''}`
  const due = ruDate(data.dueDate)
  if (data.kind === 'missing_document') {
    const org = data.organisation?.name ?? 'вашей медицинской организации'
    return {
      story:
        `${opening} с жалобой (№ ${data.complaintNumber}): медицинский документ «${data.documentKindName ?? '—'}» ` +
        `по обращению за медицинской помощью ${ruDate(data.visitDate)} в ${org} не поступил.`,
      ask:
        `Просим проверить, был ли документ сформирован и направлен, направить его в нашу медицинскую ` +
        `организацию и сообщить о результатах в срок до ${due}.`
    }
  }
  const doc = data.document
  const docText = doc ? `«${doc.title}» № ${doc.number} от ${ruDate(doc.date)}` : ''
  return {
    story:
      `${opening} с жалобой (№ ${data.complaintNumber}) на расхождение бумажной и электронной версий ` +
      `медицинского документа ${docText}: не совпадает ${data.discrepancyField ?? 'содержание'}. ` +
      `На бумажном экземпляре указано: «${data.paperValue ?? ''}».`,
    ask:
      `Просим проверить документ и, если ошибка подтвердится, сформировать исправленную версию электронного ` +
      `медицинского документа взамен ошибочной, а о результатах сообщить в срок до ${due}.`
  }
}

export function buildComplaintLetterPdf(data: ComplaintPaperData, options: LetterOptions): BuiltDocument {
  const w = frame(
    'Письмо по жалобе пациента',
    'Письмо',
    complaintPaperContent('complaint_letter', data),
    data,
    options
  )
  const top = w.y
  clinicHeader(w, data.clinic, 88)
  w.y += 3
  w.text(`Исх. № ${data.number}`, { size: 9.5, width: 88 })
  w.text(`от ${ruDay(options.printedAt)}`, { size: 9.5, width: 88 })
  const leftEnd = w.y
  w.y = top
  const x = PAGE.left + 98
  for (const [i, line] of addresseeLines(data).entries())
    w.text(line, { x, size: i === 0 ? 10.5 : 10, bold: i < 2, gapAfter: 0.5 })
  w.y = Math.max(leftEnd, w.y) + 8
  reprintBanner(w, options.reprintOn)
  w.text('О жалобе пациента', { size: 12.5, bold: true, align: 'center' })
  w.text(`№ ${data.complaintNumber} от ${ruDate(data.registeredOn)}`, {
    size: 11,
    align: 'center',
    gapAfter: 5
  })
  const body = letterBody(data)
  w.text('Уважаемые коллеги!', { size: 11, align: 'center', gapAfter: 3 })
  w.text(body.story, { size: 11, gapAfter: 3 })
  facts(w, [
    ['Номер жалобы', data.complaintNumber],
    ['Пациент', `${data.patient.fullName}, ${ruDate(data.patient.birthDate)} г. р.`],
    ...reportedRows(data)
  ])
  w.text(body.ask, { size: 11, gapAfter: 3 })
  const phone = data.clinic.phone ? `, тел. ${data.clinic.phone}` : ''
  w.text(
    `Ответ просим направить по адресу: ${data.clinic.address}${phone}, указав номер жалобы ${data.complaintNumber}.`,
    { size: 11, gapAfter: 8 }
  )
  // Signatures, seal and the verification QR keep together.
  w.ensureSpace(Math.max(2 * 13 + 14, QR_SIZE + 16))
  const blockTop = w.y
  const rows = [
    { role: 'Главный врач' },
    { role: 'Исполнитель (регистратор)', name: initials(options.executor) }
  ]
  const signed = signatureRows(w, rows, blockTop, PAGE.left + CONTENT_WIDTH - QR_SIZE - 8)
  sealPlace(w, PAGE.left + 12, blockTop + signed + 6)
  const qr = verificationBlock(w, options.verification, blockTop)
  w.y = blockTop + Math.max(signed + 10, qr)
  return w.finish()
}
