// A thin layer over jsPDF for the clinic's paper: A4 with the margins of Russian office paper, PT Sans, a cursor
// that moves down the page and breaks pages itself, tables through jspdf-autotable (header repeated on each page,
// a row never cut in half), and a footer drawn last on every page, when the page count is known.
import { createHash } from 'node:crypto'
import { jsPDF } from 'jspdf'
import type { UserOptions } from 'jspdf-autotable'
import './arabic-fast-path'
import './native-flate'
import { FONT, useDocumentFont } from './fonts'
import { rememberLineBreaks } from './line-breaks'
import { autoTableMeasuringFreeCells, rememberFontList } from './table-measuring'

export const PAGE = { width: 210, height: 297, left: 20, right: 12, top: 14, bottom: 18 } as const
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right
/** Ink for stamps of an electronic signature: the dark blue that marks them apart from handwriting. */
export const STAMP_INK: [number, number, number] = [24, 54, 130]
const MM_PER_PT = 25.4 / 72
const LINE_FACTOR = 1.2

export interface DocumentFrame {
  /** Printed in every footer and carried by the verification QR. */
  documentNumber: string
  /** The document's name in the footer, before its number: 'Выписка № …'. */
  footerLabel: string
  /** Printed in the footer instead of label and number, for papers that have no number (reports). */
  footerText?: string
  /** 'Повторная печать …' on every page when set (the date of the reprint, as printed). */
  reprintOn: string | null
  title: string
  author: string
  printedAt: Date
  /** Content digest (hex): the PDF's file id, so that the same content printed at the same moment gives the same bytes. */
  contentSha256: string
}

export interface BuiltDocument {
  pdf: Uint8Array
  pages: number
  /** SHA-256 (hex) of the PDF bytes, as stored in the issuance journal. */
  sha256: string
}

export interface TextOptions {
  size?: number
  bold?: boolean
  align?: 'left' | 'center' | 'right'
  x?: number
  width?: number
  gapAfter?: number
  color?: [number, number, number]
}

export class PdfWriter {
  readonly doc: jsPDF
  y: number = PAGE.top

  constructor(private readonly frame: DocumentFrame) {
    this.doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true })
    useDocumentFont(this.doc)
    rememberFontList(this.doc)
    rememberLineBreaks(this.doc)
    this.doc.setLineHeightFactor(LINE_FACTOR)
    this.doc.setProperties({
      title: frame.title,
      subject: frame.documentNumber,
      author: frame.author,
      creator: 'Рабочее место регистратора'
    })
    this.doc.setCreationDate(frame.printedAt)
    this.doc.setFileId(frame.contentSha256.slice(0, 32).toUpperCase())
  }

  get bottomLimit(): number {
    return PAGE.height - PAGE.bottom
  }

  lineHeight(size: number): number {
    return size * MM_PER_PT * LINE_FACTOR
  }

  newPage(): void {
    this.doc.addPage()
    this.y = PAGE.top
  }

  /** Starts a new page unless `height` millimetres still fit below the cursor. */
  ensureSpace(height: number): void {
    if (this.y + height > this.bottomLimit) this.newPage()
  }

  setStyle(size: number, bold = false, color: [number, number, number] = [0, 0, 0]): void {
    this.doc.setFont(FONT, bold ? 'bold' : 'normal')
    this.doc.setFontSize(size)
    this.doc.setTextColor(...color)
  }

  wrap(text: string, width: number, size: number, bold = false): string[] {
    this.setStyle(size, bold)
    return this.doc.splitTextToSize(text, width) as string[]
  }

  /** Wrapped text at the cursor; long text continues on the next page line by line. */
  text(text: string, options: TextOptions = {}): void {
    const size = options.size ?? 10
    const x = options.x ?? PAGE.left
    const width = options.width ?? PAGE.left + CONTENT_WIDTH - x
    const lines = this.wrap(text, width, size, options.bold)
    const lh = this.lineHeight(size)
    const anchor = options.align === 'center' ? x + width / 2 : options.align === 'right' ? x + width : x
    for (const line of lines) {
      this.ensureSpace(lh)
      this.setStyle(size, options.bold, options.color)
      // jsPDF places text by its baseline; the cursor is the top of the line.
      this.doc.text(line, anchor, this.y + size * MM_PER_PT * 0.85, { align: options.align ?? 'left' })
      this.y += lh
    }
    this.y += options.gapAfter ?? 0
  }

  /** Height `text` would take, without drawing it. */
  measure(text: string, width: number, size: number, bold = false): number {
    return this.wrap(text, width, size, bold).length * this.lineHeight(size)
  }

  rule(x1 = PAGE.left, x2 = PAGE.left + CONTENT_WIDTH, width = 0.3): void {
    this.doc.setDrawColor(0, 0, 0)
    this.doc.setLineWidth(width)
    this.doc.line(x1, this.y, x2, this.y)
  }

  /** A table that starts at the cursor, repeats its header on every page and never splits a row. */
  table(options: UserOptions): void {
    autoTableMeasuringFreeCells(this.doc, {
      theme: 'grid',
      startY: this.y,
      rowPageBreak: 'avoid',
      showHead: 'everyPage',
      margin: { left: PAGE.left, right: PAGE.right, top: PAGE.top, bottom: PAGE.bottom + 2 },
      ...options,
      styles: {
        font: FONT,
        fontSize: 9,
        cellPadding: 1.4,
        textColor: [0, 0, 0],
        lineColor: [0, 0, 0],
        lineWidth: 0.2,
        valign: 'top',
        overflow: 'linebreak',
        ...options.styles
      },
      headStyles: {
        fontStyle: 'bold',
        fillColor: [235, 235, 235],
        textColor: [0, 0, 0],
        valign: 'middle',
        halign: 'center',
        ...options.headStyles
      }
    })
    const last = (this.doc as unknown as { lastAutoTable?: { finalY?: number } }).lastAutoTable
    this.y = (last?.finalY ?? this.y) + 2
  }

  /** A line to sign on, with a small caption under it: '(подпись)', '(Ф.И.О.)'. */
  signatureLine(x: number, y: number, width: number, caption: string, filled?: string): void {
    this.doc.setDrawColor(0, 0, 0)
    this.doc.setLineWidth(0.25)
    this.doc.line(x, y, x + width, y)
    if (filled) {
      this.setStyle(10)
      this.doc.text(filled, x + width / 2, y - 1, { align: 'center' })
    }
    this.setStyle(7, false, [60, 60, 60])
    this.doc.text(caption, x + width / 2, y + 3, { align: 'center' })
  }

  /** Footers on every page, then the bytes. */
  finish(): BuiltDocument {
    const pages = this.doc.getNumberOfPages()
    for (let page = 1; page <= pages; page++) {
      this.doc.setPage(page)
      const y = PAGE.height - PAGE.bottom + 7
      this.doc.setDrawColor(120, 120, 120)
      this.doc.setLineWidth(0.2)
      this.doc.line(PAGE.left, y - 4, PAGE.left + CONTENT_WIDTH, y - 4)
      this.setStyle(8, false, [40, 40, 40])
      const label = this.frame.footerText ?? `${this.frame.footerLabel} № ${this.frame.documentNumber}`
      this.doc.text(label, PAGE.left, y)
      this.doc.text(`Страница ${page} из ${pages}`, PAGE.left + CONTENT_WIDTH, y, { align: 'right' })
      if (this.frame.reprintOn) {
        this.setStyle(8, true)
        this.doc.text(`Повторная печать ${this.frame.reprintOn}`, PAGE.width / 2 + 18, y, {
          align: 'center'
        })
      }
    }
    const pdf = new Uint8Array(this.doc.output('arraybuffer'))
    return { pdf, pages, sha256: createHash('sha256').update(pdf).digest('hex') }
  }
}
