// jspdf-autotable sizes its columns by measuring the text of every cell, twice (the whole text and its longest word),
// and styles the cell each time, which asks jsPDF for its list of fonts; the list is rebuilt from jsPDF's font map on
// every call. Our tables give most columns a width, and a column with a width is never sized by what is in it, so
// measuring its cells is work thrown away: with the font list rebuilt each time, a quarter of the CPU time our builder
// takes for a ten-page extract. __createTable and __drawTable are the two halves of autoTable, exported by autotable
// (as experimental) so that a table can be laid out apart from being drawn; the tests hold them to autoTable.
import type { jsPDF } from 'jspdf'
import { __createTable, __drawTable, type CellHookData, type Table, type UserOptions } from 'jspdf-autotable'

type FontList = ReturnType<jsPDF['getFontList']>

/**
 * The document answers getFontList from a copy made once, and again after each font it adds. The copy is frozen:
 * a caller that changed it would otherwise change what the next caller sees.
 */
export function rememberFontList(doc: jsPDF): void {
  const build = doc.getFontList.bind(doc)
  const addFont = doc.addFont.bind(doc)
  let list: FontList | null = null
  doc.getFontList = () => {
    if (!list) {
      const built = build()
      for (const styles of Object.values(built)) Object.freeze(styles)
      list = Object.freeze(built)
    }
    return list
  }
  doc.addFont = ((...args: Parameters<jsPDF['addFont']>) => {
    list = null
    return addFont(...args)
  }) as jsPDF['addFont']
}

/** A cell whose width is given: autotable then makes its column that wide, whatever the cells hold. */
const hasGivenWidth = (cell: CellHookData['cell']) =>
  typeof cell.styles.cellWidth === 'number' && cell.styles.cellWidth > 0

/** Overflows that never measure text: 'ellipsize', 'hidden' and a function of ours may. */
const measuresNothing = (cell: CellHookData['cell']) =>
  cell.styles.overflow === 'linebreak' || cell.styles.overflow === 'visible'

/**
 * autoTable, except that autotable measures only the cells whose width it has to find. While it lays the table out,
 * it calls didParseCell for each cell just before measuring that cell, and measures nowhere else unless a cell's
 * overflow asks it to shorten text; so from the hook of a cell with a given width to the next hook, the document's
 * getTextWidth answers 0. What autotable measures there sizes only columns without a given width, so the table
 * comes out the same. Drawing is left alone, with the real getTextWidth back.
 */
export function autoTableMeasuringFreeCells(doc: jsPDF, options: UserOptions): void {
  const measure = doc.getTextWidth
  const own = options.didParseCell
  let skip = false
  // Once a cell may measure while text is fitted (after the last hook), nothing is skipped any more.
  let fittingMeasures = false
  doc.getTextWidth = function (this: jsPDF, text: string) {
    return skip ? 0 : measure.call(this, text)
  }
  let table: Table
  try {
    table = __createTable(doc, {
      ...options,
      didParseCell: (data) => {
        own?.(data)
        if (!measuresNothing(data.cell)) fittingMeasures = true
        skip = !fittingMeasures && hasGivenWidth(data.cell)
      }
    })
  } finally {
    doc.getTextWidth = measure
  }
  __drawTable(doc, table)
}
