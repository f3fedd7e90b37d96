// A paper copy of an electronic medical document (ЭМД) of any kind: the document as it was signed, then for each
// electronic signature the stamp (ГОСТ Р 7.0.97-2016, п. 5.23: отметка об электронной подписи) where a handwritten
// signature would stand, then the clinic's certification «Копия верна» by the registrar, with the seal.
import type { ClinicDetails } from '../../contract/schemas'
import { clinicHeader, QR_SIZE, reprintBanner, sealPlace, signatureRows, verificationBlock } from './blocks'
import { contentDigest, type CanonicalDocument } from './content-digest'
import type { PrintOptions } from './extract-pdf'
import { capitalised, initials, plainText, ruDate, ruDay, ruRecordedTime, snilsText } from './format'
import { CONTENT_WIDTH, PAGE, PdfWriter, STAMP_INK, type BuiltDocument } from './pdf-writer'

export interface EmdSignature {
  signerName: string
  signerRole: string
  certificateSerial: string
  validFrom: string
  validTo: string
  signedAt: string
}

export interface EmdCopyData {
  /** The clinic that makes and certifies the paper copy. */
  clinic: ClinicDetails
  document: {
    number: string
    date: string
    kindName: string
    title: string
    organisationName: string
    organisationOgrn: string | null
    authorName: string
    authorRole: string
    content: string
    replacesNumber: string | null
  }
  patient: { fullName: string; birthDate: string; snils: string | null }
  signatures: EmdSignature[]
}

export interface EmdCopyOptions extends PrintOptions {
  /** The registrar who certifies the copy. */
  registrarName: string
}

export function emdCopyContent(data: EmdCopyData): CanonicalDocument {
  const d = data.document
  return {
    kind: 'emd_copy',
    number: d.number,
    content: {
      certifiedBy: { name: data.clinic.name, ogrn: data.clinic.ogrn },
      document: {
        date: d.date,
        kindName: d.kindName,
        title: d.title,
        organisation: d.organisationName,
        organisationOgrn: d.organisationOgrn,
        author: d.authorName,
        authorRole: d.authorRole,
        content: d.content,
        replacesNumber: d.replacesNumber
      },
      patient: {
        fullName: data.patient.fullName,
        birthDate: data.patient.birthDate,
        snils: data.patient.snils
      },
      signatures: data.signatures.map((s) => ({ ...s }))
    }
  }
}

const STAMP_WIDTH = 86
const STAMP_HEIGHT = 23

/** The framed stamp of one electronic signature, at (x, y). */
export function signatureStamp(w: PdfWriter, s: EmdSignature, x: number, y: number): void {
  w.doc.setDrawColor(...STAMP_INK)
  w.doc.setLineWidth(0.6)
  w.doc.roundedRect(x, y, STAMP_WIDTH, STAMP_HEIGHT, 2, 2)
  w.setStyle(8.5, true, STAMP_INK)
  w.doc.text('Документ подписан электронной подписью', x + STAMP_WIDTH / 2, y + 4.8, { align: 'center' })
  w.doc.setLineWidth(0.25)
  w.doc.line(x + 3, y + 6.6, x + STAMP_WIDTH - 3, y + 6.6)
  const lines: [string, string][] = [
    ['Сертификат:', s.certificateSerial],
    ['Владелец:', s.signerName],
    ['Действителен:', `с ${ruDate(s.validFrom)} по ${ruDate(s.validTo)}`]
  ]
  lines.forEach(([label, value], i) => {
    const ly = y + 11 + i * 4.3
    w.setStyle(7.5, false, STAMP_INK)
    w.doc.text(label, x + 3, ly)
    w.setStyle(value.length > 30 ? 7 : 7.5, true, STAMP_INK)
    w.doc.text(value, x + 23, ly, { maxWidth: STAMP_WIDTH - 25 })
  })
}

function documentHead(w: PdfWriter, data: EmdCopyData): void {
  const d = data.document
  w.text('КОПИЯ ЭЛЕКТРОННОГО МЕДИЦИНСКОГО ДОКУМЕНТА НА БУМАЖНОМ НОСИТЕЛЕ', {
    size: 8.5,
    align: 'center',
    color: [70, 70, 70],
    gapAfter: 2
  })
  w.text(d.title, { size: 13, bold: true, align: 'center' })
  w.text(`№ ${d.number} от ${ruDate(d.date)}`, { size: 11, align: 'center', gapAfter: 3 })
  const rows: [string, string][] = [
    ['Вид документа', d.kindName],
    [
      'Медицинская организация',
      [d.organisationName, d.organisationOgrn ? `ОГРН ${d.organisationOgrn}` : ''].filter(Boolean).join(', ')
    ],
    ['Автор', `${d.authorName}, ${d.authorRole}`],
    ['Пациент', `${data.patient.fullName}, дата рождения ${ruDate(data.patient.birthDate)}`],
    ['СНИЛС пациента', snilsText(data.patient.snils)]
  ]
  if (d.replacesNumber) rows.push(['Заменяет документ', `№ ${d.replacesNumber}`])
  w.table({
    theme: 'plain',
    body: rows,
    styles: { fontSize: 9.5, lineWidth: 0, cellPadding: { top: 0.6, bottom: 0.6, left: 0, right: 2 } },
    columnStyles: { 0: { cellWidth: 50, textColor: [60, 60, 60] } }
  })
  w.y += 1
  w.rule()
  w.y += 4
}

const SIGNATURE_HEIGHT = STAMP_HEIGHT + 5
const CERTIFICATION_HEIGHT = QR_SIZE + 20

function signatures(w: PdfWriter, data: EmdCopyData): void {
  const roleWidth = 40
  const stampX = PAGE.left + roleWidth + 3
  for (const [i, s] of data.signatures.entries()) {
    // The last stamp keeps with the certification, so «Копия верна» never opens a page by itself.
    w.ensureSpace(SIGNATURE_HEIGHT + (i === data.signatures.length - 1 ? CERTIFICATION_HEIGHT : 0))
    const top = w.y
    w.text(capitalised(s.signerRole), { size: 9.5, width: roleWidth })
    w.text(`подписано ${ruRecordedTime(s.signedAt)}`, { size: 7.5, width: roleWidth, color: [70, 70, 70] })
    signatureStamp(w, s, stampX, top)
    w.setStyle(9.5)
    const nameX = stampX + STAMP_WIDTH + 4
    w.doc.text(w.wrap(initials(s.signerName), PAGE.left + CONTENT_WIDTH - nameX, 9.5), nameX, top + 12)
    w.y = top + SIGNATURE_HEIGHT
  }
}

/**
 * The document's text. Its last paragraph keeps with the stamps that sign it (and with the certification when all
 * fit on one page): a page of signatures without text of the document is not accepted (ГОСТ Р 7.0.97).
 */
function body(w: PdfWriter, data: EmdCopyData): void {
  const paragraphs = plainText(data.document.content).split('\n')
  const tail = data.signatures.length * SIGNATURE_HEIGHT + CERTIFICATION_HEIGHT
  paragraphs.forEach((paragraph, i) => {
    if (i === paragraphs.length - 1) {
      const height = w.measure(paragraph || ' ', CONTENT_WIDTH, 10.5) + 6
      const page = w.bottomLimit - PAGE.top
      w.ensureSpace(height + (height + tail <= page ? tail : SIGNATURE_HEIGHT))
    }
    w.text(paragraph || ' ', { size: 10.5, gapAfter: 1 })
  })
  w.y += 5
}

export function buildEmdCopyPdf(data: EmdCopyData, options: EmdCopyOptions): BuiltDocument {
  const w = new PdfWriter({
    documentNumber: data.document.number,
    footerLabel: 'Копия ЭМД',
    reprintOn: options.reprintOn,
    title: `Копия ЭМД: ${data.document.title}`,
    author: data.clinic.name,
    printedAt: options.printedAt,
    contentSha256: options.contentSha256 ?? contentDigest(emdCopyContent(data))
  })
  clinicHeader(w, data.clinic, 120)
  w.y += 3
  reprintBanner(w, options.reprintOn)
  documentHead(w, data)
  body(w, data)
  signatures(w, data)

  // The certification keeps together with the QR: «Копия верна», who certifies, the date and the seal.
  w.ensureSpace(CERTIFICATION_HEIGHT)
  const top = w.y + 2
  w.setStyle(11, true)
  w.doc.text('Копия верна', PAGE.left, top + 4)
  w.setStyle(9)
  w.doc.text(data.clinic.shortName, PAGE.left, top + 9)
  const right = PAGE.left + CONTENT_WIDTH - QR_SIZE - 8
  const signed = signatureRows(
    w,
    [{ role: 'Регистратор', name: initials(options.registrarName) }],
    top + 10,
    right
  )
  w.setStyle(10)
  w.doc.text(`Дата: ${ruDay(options.printedAt)}`, PAGE.left, top + 10 + signed + 4)
  sealPlace(w, PAGE.left + 55, top + 10 + signed + 4)
  const qr = verificationBlock(w, options.verification, top)
  w.y = top + Math.max(10 + signed + 8, qr)
  return w.finish()
}
