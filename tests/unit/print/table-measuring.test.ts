// Tables that skip measuring cells of a given width come out byte for byte as autotable draws them alone, measure
// only what sizes the other columns, and leave the document as it was; the remembered font list follows added fonts.
import { jsPDF } from 'jspdf'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { autoTable, type UserOptions } from 'jspdf-autotable'
import { describe, expect, it } from 'vitest'
import { addParsedFont } from '../../../src-main/core/print/font-cache'
import { FONT, useDocumentFont } from '../../../src-main/core/print/fonts'
import { autoTableMeasuringFreeCells, rememberFontList } from '../../../src-main/core/print/table-measuring'

function documentWithFont(): jsPDF {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true })
  useDocumentFont(doc)
  doc.setCreationDate(new Date('2026-03-14T09:26:53Z'))
  doc.setFileId('0123456789ABCDEF0123456789ABCDEF')
  return doc
}

const visits = Array.from({ length: 60 }, (_, i) => [
  String(i + 1),
  `${String((i % 28) + 1).padStart(2, '0')}.03.2026`,
  `Иванова Елена Константиновна\nврач-терапевт участковый ${i}`,
  i % 5 === 0
    ? 'J06.9 Острая инфекция верхних дыхательных путей неуточненная, '.repeat(3)
    : 'I10 Гипертензия',
  'Приём (осмотр, консультация) врача-терапевта первичный'
])

const head = [['№', 'Дата', 'Врач', 'Диагноз (МКБ-10)', 'Услуги']]

function table(options: Partial<UserOptions> = {}): UserOptions {
  return {
    head,
    body: visits,
    startY: 20,
    margin: { left: 20, right: 12, top: 14, bottom: 20 },
    rowPageBreak: 'avoid',
    showHead: 'everyPage',
    styles: { font: FONT, fontSize: 8, overflow: 'linebreak', cellPadding: 1.4 },
    headStyles: { fontStyle: 'bold' },
    columnStyles: { 0: { cellWidth: 8 }, 1: { cellWidth: 18 }, 2: { cellWidth: 50 }, 3: { cellWidth: 60 } },
    ...options
  }
}

/** The table drawn by `draw`: the PDF, its layout, and how many texts were measured. */
function drawn(draw: (doc: jsPDF, options: UserOptions) => void, options: UserOptions) {
  const doc = documentWithFont()
  let measured = 0
  const measure = doc.getTextWidth
  doc.getTextWidth = function (this: jsPDF, text: string) {
    measured++
    return measure.call(this, text)
  }
  draw(doc, options)
  const last = (doc as unknown as { lastAutoTable: { finalY: number; columns: { width: number }[] } })
    .lastAutoTable
  return {
    doc,
    measured,
    layout: { finalY: last.finalY, widths: last.columns.map((c) => c.width), pages: doc.getNumberOfPages() },
    pdf: Buffer.from(doc.output('arraybuffer'))
  }
}

const plain = (doc: jsPDF, options: UserOptions) => autoTable(doc, options)

describe('tables that measure only the cells whose width autotable has to find', () => {
  it('draw the same bytes as autotable alone, measuring only the free column and the header', () => {
    const options = table()
    const alone = drawn(plain, options)
    const ours = drawn(autoTableMeasuringFreeCells, options)
    expect(ours.layout).toEqual(alone.layout)
    expect(ours.layout.pages).toBeGreaterThan(1)
    expect(ours.pdf.equals(alone.pdf)).toBe(true)
    expect(ours.measured).toBeGreaterThan(0)
    // Autotable measures the whole text and each word of every cell; of the body only column 4 is still measured.
    expect(ours.measured).toBeLessThan(alone.measured / 3)
  })

  it('draw a table with every width given the same, measuring only its header', () => {
    const options = table({ columnStyles: { ...table().columnStyles, 4: { cellWidth: 42 } } })
    const alone = drawn(plain, options)
    const ours = drawn(autoTableMeasuringFreeCells, options)
    expect(ours.pdf.equals(alone.pdf)).toBe(true)
    expect(ours.layout).toEqual(alone.layout)
    const headerWords = head[0].join(' ').split(' ').length
    expect(ours.measured).toBe(head[0].length + headerWords)
  })

  it('measure everything when a cell shortens its text, and still draw the same', () => {
    // The last cell has a given width: had its skip lasted into fitting, column 3 would not be shortened.
    const columnStyles = {
      ...table().columnStyles,
      3: { cellWidth: 30, overflow: 'ellipsize' as const },
      4: { cellWidth: 72 }
    }
    const options = table({ columnStyles })
    const alone = drawn(plain, options)
    const ours = drawn(autoTableMeasuringFreeCells, options)
    expect(ours.pdf.equals(alone.pdf)).toBe(true)
    expect(ours.layout).toEqual(alone.layout)
  })

  it("call the caller's didParseCell and give the document its own getTextWidth back", () => {
    const doc = documentWithFont()
    const measure = doc.getTextWidth
    let parsed = 0
    autoTableMeasuringFreeCells(doc, table({ didParseCell: () => void parsed++ }))
    expect(parsed).toBe((visits.length + 1) * head[0].length)
    expect(doc.getTextWidth).toBe(measure)
    expect(doc.getTextWidth('Выписка')).toBeGreaterThan(0)
  })
})

describe('the remembered font list', () => {
  it('is what jsPDF lists, and follows a font added later', () => {
    const doc = documentWithFont()
    const listed = doc.getFontList()
    rememberFontList(doc)
    expect(doc.getFontList()).toEqual(listed)
    expect(doc.getFontList()).toBe(doc.getFontList())
    expect(doc.getFontList()[FONT]).toEqual(['normal', 'bold'])
    expect(Object.isFrozen(doc.getFontList()[FONT])).toBe(true)
    const regular = '@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf'
    addParsedFont(doc, `${FONT}-normal.ttf`, 'Заголовки', 'normal', regular, () =>
      readFileSync(createRequire(import.meta.url).resolve(regular))
    )
    expect(doc.getFontList()['Заголовки']).toEqual(['normal'])
  })
})
