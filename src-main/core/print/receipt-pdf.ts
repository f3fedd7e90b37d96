// Receipts the desk hands over: one when it takes an extract request (number, when it will be ready, what to bring),
// one when a document is handed over (what, to whom, on which identity document, how many copies, signed).
import type { ClinicDetails } from '../../contract/schemas'
import { clinicHeader, QR_SIZE, reprintBanner, SIGN_LINE, signatureRows, verificationBlock } from './blocks'
import { contentDigest, type CanonicalDocument } from './content-digest'
import type { PrintOptions } from './extract-pdf'
import { initials, ruDate, ruDateTime } from './format'
import { CONTENT_WIDTH, PAGE, PdfWriter, type BuiltDocument } from './pdf-writer'

export type Relation = 'parent' | 'guardian' | 'proxy'

export interface RequestReceiptData {
  number: string
  clinic: ClinicDetails
  request: {
    number: string
    registeredOn: string
    dueDate: string
    kind: 'full' | 'brief'
    periodFrom: string
    periodTo: string
    purpose: string
    delivery: 'in_person' | 'post' | 'portal'
    urgent: boolean
  }
  patient: { fullName: string; birthDate: string }
  applicant: { name: string; relation: Relation | null; poaNumber: string | null }
  acceptedBy: string
}

export interface IssuanceReceiptData {
  number: string
  clinic: ClinicDetails
  issued: { title: string; number: string; verificationCode: string; reprint: boolean; pages: number }
  patient: { fullName: string; birthDate: string }
  recipient: { name: string; relation: Relation | null; document: string }
  copies: number
  issuedAt: Date
  issuedBy: string
  /** The recipient's signature drawn on screen, a PNG data URL checked by the caller. */
  signaturePng: string | null
  signatureSha256: string | null
}

const relationNames: Record<Relation, string> = {
  parent: 'законный представитель (родитель)',
  guardian: 'опекун (попечитель)',
  proxy: 'представитель по доверенности'
}

const deliveryNames = {
  in_person: 'лично в регистратуре',
  post: 'почтовым отправлением',
  portal: 'в личный кабинет на портале госуслуг'
} as const

/** What the person who collects the extract must show at the desk. */
export function whatToBring(applicant: RequestReceiptData['applicant']): string[] {
  const own = 'Паспорт или иной документ, удостоверяющий личность'
  const receipt = 'Настоящую расписку (или номер заявления)'
  switch (applicant.relation) {
    case null:
      return [`${own} пациента`, receipt]
    case 'parent':
      return [`${own} родителя`, 'Свидетельство о рождении ребёнка', receipt]
    case 'guardian':
      return [`${own} опекуна (попечителя)`, 'Документ о назначении опекуном (попечителем)', receipt]
    case 'proxy':
      return [
        `${own} представителя`,
        `Доверенность${applicant.poaNumber ? ` № ${applicant.poaNumber}` : ''} (оригинал)`,
        receipt
      ]
  }
}

export function requestReceiptContent(data: RequestReceiptData): CanonicalDocument {
  return {
    kind: 'request_receipt',
    number: data.number,
    content: {
      clinic: { name: data.clinic.name, ogrn: data.clinic.ogrn },
      request: { ...data.request },
      patient: { ...data.patient },
      applicant: { ...data.applicant },
      acceptedBy: data.acceptedBy
    }
  }
}

export function issuanceReceiptContent(data: IssuanceReceiptData): CanonicalDocument {
  return {
    kind: 'issuance_receipt',
    number: data.number,
    content: {
      clinic: { name: data.clinic.name, ogrn: data.clinic.ogrn },
      issued: { ...data.issued },
      patient: { ...data.patient },
      recipient: { ...data.recipient },
      copies: data.copies,
      issuedAt: data.issuedAt.toISOString(),
      issuedBy: data.issuedBy,
      recipientSignatureSha256: data.signatureSha256
    }
  }
}

function titleBlock(w: PdfWriter, lines: string[]): void {
  w.y += 4
  w.text('РАСПИСКА', { size: 14, bold: true, align: 'center' })
  for (const line of lines) w.text(line, { size: 11, align: 'center' })
  w.y += 4
}

function facts(w: PdfWriter, rows: [string, string][]): void {
  w.table({
    body: rows,
    styles: { fontSize: 10, cellPadding: 1.6 },
    columnStyles: { 0: { cellWidth: 62, textColor: [50, 50, 50] }, 1: { fontStyle: 'bold' } }
  })
  w.y += 2
}

function frameFor(
  kind: string,
  number: string,
  options: PrintOptions,
  content: CanonicalDocument,
  clinic: ClinicDetails
) {
  return new PdfWriter({
    documentNumber: number,
    footerLabel: 'Расписка',
    reprintOn: options.reprintOn,
    title: kind,
    author: clinic.name,
    printedAt: options.printedAt,
    contentSha256: options.contentSha256 ?? contentDigest(content)
  })
}

export function buildRequestReceiptPdf(data: RequestReceiptData, options: PrintOptions): BuiltDocument {
  const w = frameFor(
    'Расписка в приёме заявления',
    data.number,
    options,
    requestReceiptContent(data),
    data.clinic
  )
  const r = data.request
  clinicHeader(w, data.clinic, 120)
  reprintBanner(w, options.reprintOn)
  titleBlock(w, ['в приёме заявления на выдачу выписки из медицинской карты', `№ ${data.number}`])
  const applicant = data.applicant.relation
    ? `${data.applicant.name}, ${relationNames[data.applicant.relation]}`
    : `${data.applicant.name}, пациент лично`
  facts(w, [
    ['Номер заявления', r.number],
    ['Дата приёма', ruDate(r.registeredOn)],
    ['Пациент', `${data.patient.fullName}, ${ruDate(data.patient.birthDate)} г. р.`],
    ['Заявитель', applicant],
    ['Вид выписки', r.kind === 'full' ? 'полная' : 'краткая'],
    ['Период', `с ${ruDate(r.periodFrom)} по ${ruDate(r.periodTo)}`],
    ['Цель', r.purpose],
    ['Способ получения', deliveryNames[r.delivery]],
    ['Срок готовности', `не позднее ${ruDate(r.dueDate)}${r.urgent ? ' (срочно)' : ''}`]
  ])
  w.text('При получении выписки предъявите:', { size: 10.5, bold: true, gapAfter: 1 })
  for (const item of whatToBring(data.applicant)) w.text(`•  ${item}`, { size: 10.5, x: PAGE.left + 4 })
  w.y += 2
  const phone = data.clinic.phone ? ` по телефону ${data.clinic.phone} или` : ''
  w.text(`О готовности выписки можно узнать${phone} в регистратуре по номеру заявления.`, {
    size: 9.5,
    gapAfter: 6
  })
  w.ensureSpace(QR_SIZE + 14)
  const top = w.y
  const right = PAGE.left + CONTENT_WIDTH - QR_SIZE - 8
  signatureRows(w, [{ role: 'Заявление принял(а)', name: initials(data.acceptedBy) }], top, right)
  const qr = verificationBlock(w, options.verification, top)
  w.y = top + qr
  return w.finish()
}

/** PNG pixel size from its IHDR chunk, to keep the drawn signature's proportions. */
export function pngSize(dataUrl: string): { width: number; height: number } | null {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1)
  const head = Buffer.from(base64.slice(0, 44), 'base64')
  if (head.length < 24 || head.readUInt32BE(12) !== 0x49484452) return null
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) }
}

function drawnSignature(w: PdfWriter, dataUrl: string, x: number, bottom: number): void {
  const size = pngSize(dataUrl)
  if (!size || size.width === 0 || size.height === 0) return
  const box = { width: SIGN_LINE.width + 4, height: 15 }
  const scale = Math.min(box.width / size.width, box.height / size.height)
  const width = size.width * scale
  const height = size.height * scale
  w.doc.addImage(dataUrl, 'PNG', x + (SIGN_LINE.width - width) / 2, bottom + 1 - height, width, height)
}

export function buildIssuanceReceiptPdf(data: IssuanceReceiptData, options: PrintOptions): BuiltDocument {
  const w = frameFor(
    'Расписка в получении документа',
    data.number,
    options,
    issuanceReceiptContent(data),
    data.clinic
  )
  clinicHeader(w, data.clinic, 120)
  reprintBanner(w, options.reprintOn)
  titleBlock(w, ['в получении медицинского документа', `№ ${data.number}`])
  const recipient = data.recipient.relation
    ? `${data.recipient.name}, ${relationNames[data.recipient.relation]}`
    : `${data.recipient.name}, пациент лично`
  const issued = `${data.issued.title} № ${data.issued.number}, листов: ${data.issued.pages}`
  facts(w, [
    ['Выдан документ', data.issued.reprint ? `${issued} (повторная печать)` : issued],
    ['Код проверки документа', data.issued.verificationCode],
    ['Пациент', `${data.patient.fullName}, ${ruDate(data.patient.birthDate)} г. р.`],
    ['Получатель', recipient],
    ['Предъявленный документ', data.recipient.document],
    ['Количество экземпляров', String(data.copies)],
    ['Дата и время выдачи', ruDateTime(data.issuedAt)]
  ])
  w.text('Документ получен, с содержанием ознакомлен(а).', { size: 10.5, gapAfter: 4 })
  w.ensureSpace(QR_SIZE + 14)
  const top = w.y
  const right = PAGE.left + CONTENT_WIDTH - QR_SIZE - 8
  const rows = [
    { role: 'Получатель', name: initials(data.recipient.name) },
    { role: 'Выдал(а) регистратор', name: initials(data.issuedBy) }
  ]
  // The drawn signature goes under the lines: an opaque white background must not hide them.
  if (data.signaturePng) drawnSignature(w, data.signaturePng, SIGN_LINE.x, top + 4 + 6)
  const signed = signatureRows(w, rows, top + 4, right)
  const qr = verificationBlock(w, options.verification, top)
  w.y = top + Math.max(signed + 4, qr)
  return w.finish()
}
