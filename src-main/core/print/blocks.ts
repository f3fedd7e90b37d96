// Pieces every paper document shares: the clinic's header, the verification QR with its code, the reprint mark,
// and the place for the seal.
import QRCode from 'qrcode'
import type { ClinicDetails } from '../../contract/schemas'
import { CONTENT_WIDTH, PAGE, type PdfWriter } from './pdf-writer'

export interface Verification {
  /** The QR text. */
  payload: string
  /** The short code printed under the QR, for reading out over the phone. */
  code: string
}

export const QR_SIZE = 32

/**
 * The QR is drawn as vector squares, one run of dark modules at a time: sharp at any printer resolution, a few
 * hundred bytes, and no image decoder involved. Error correction M survives a crease or a stamp over a corner.
 */
export function drawQr(w: PdfWriter, payload: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const cell = size / n
  w.doc.setFillColor(0, 0, 0)
  for (let row = 0; row < n; row++) {
    let col = 0
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < n && qr.modules.get(row, col)) col++
      // A hair of overlap closes the white seams some viewers show between adjacent rectangles.
      w.doc.rect(x + start * cell, y + row * cell, (col - start) * cell + 0.02, cell + 0.02, 'F')
    }
  }
}

/** QR at the right edge with the code under it and a line on what it is for; returns the block's height. */
export function verificationBlock(w: PdfWriter, v: Verification, top: number): number {
  const x = PAGE.left + CONTENT_WIDTH - QR_SIZE
  drawQr(w, v.payload, x, top, QR_SIZE)
  w.setStyle(8, true)
  w.doc.text(`Код проверки: ${v.code}`, x + QR_SIZE / 2, top + QR_SIZE + 3.5, { align: 'center' })
  w.setStyle(6.5, false, [60, 60, 60])
  const note = w.doc.splitTextToSize(
    'Подлинность документа проверяется по QR-коду в медицинской организации',
    QR_SIZE + 6
  )
  w.doc.text(note, x + QR_SIZE / 2, top + QR_SIZE + 6.5, { align: 'center' })
  return QR_SIZE + 6.5 + note.length * 2.8
}

/** Name, address and ОГРН of the clinic in the top left corner, the way a form's stamp area reads. */
export function clinicHeader(w: PdfWriter, clinic: ClinicDetails, width = 100): void {
  w.text(clinic.name, { size: 9, bold: true, width })
  w.text(clinic.address, { size: 8.5, width })
  const extra = [clinic.ogrn ? `ОГРН ${clinic.ogrn}` : '', clinic.phone ? `тел. ${clinic.phone}` : '']
  w.text(extra.filter(Boolean).join(', '), { size: 8.5, width })
}

/** «М.П.» with a circle's room left for the seal. */
export function sealPlace(w: PdfWriter, x: number, y: number): void {
  w.setStyle(10, true)
  w.doc.text('М.П.', x, y)
}

/** A framed «Повторная печать» under the header of the first page: it must not be overlooked. */
export function reprintBanner(w: PdfWriter, reprintOn: string | null): void {
  if (!reprintOn) return
  const text = `ПОВТОРНАЯ ПЕЧАТЬ ${reprintOn}`
  w.setStyle(10, true, [150, 0, 0])
  const width = w.doc.getTextWidth(text) + 8
  const x = PAGE.left + CONTENT_WIDTH - width
  w.doc.setDrawColor(150, 0, 0)
  w.doc.setLineWidth(0.5)
  w.doc.rect(x, w.y, width, 7)
  w.doc.text(text, x + width / 2, w.y + 4.9, { align: 'center' })
  w.y += 9
}

export interface SignatureRow {
  /** Who signs: 'Лечащий врач'. May wrap onto two lines. */
  role: string
  /** Printed under the name line when known; otherwise the line stays blank for a handwritten name. */
  name?: string
}

/** Height of one signature row whose role fits on one line. */
export const SIGNATURE_ROW_HEIGHT = 13

/**
 * Rows of «role ____(подпись)____ ____(фамилия, инициалы)____» for handwritten signatures, from `top` to the
 * right edge `right`; a role that wraps pushes its lines down so that its last line sits on the signature line.
 */
/** Where the handwritten signature line of a row lies, for a drawn signature to sit on. */
export const SIGN_LINE = { x: PAGE.left + 53, width: 30 } as const

export function signatureRows(w: PdfWriter, rows: SignatureRow[], top: number, right: number): number {
  let y = top
  const roleWidth = 50
  const signX = SIGN_LINE.x
  const signWidth = SIGN_LINE.width
  const nameX = signX + signWidth + 4
  const nameWidth = right - nameX
  const lh = w.lineHeight(9.5)
  for (const row of rows) {
    const lines = w.wrap(row.role, roleWidth, 9.5)
    w.setStyle(9.5)
    w.doc.text(lines, PAGE.left, y + 5)
    const lineY = y + 6 + (lines.length - 1) * lh
    w.signatureLine(signX, lineY, signWidth, '(подпись)')
    w.signatureLine(nameX, lineY, nameWidth, '(фамилия, инициалы)', row.name)
    y += SIGNATURE_ROW_HEIGHT + (lines.length - 1) * lh
  }
  return y - top
}
