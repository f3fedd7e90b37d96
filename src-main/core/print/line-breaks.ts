// Breaking text into lines is most of laying out a table: autotable breaks every cell, and jsPDF measures it word by
// word, letter by letter. An extract repeats itself (the same doctor, organisation and service on many visits), so
// each paragraph is broken once per document for a given font, size and width, and reused after that.
import type { jsPDF } from 'jspdf'

type Split = (text: string | string[], maxlen: number, options?: Record<string, unknown>) => string[]

/** What jsPDF itself reads to break a line: the current font, size and spacing. */
interface Internal {
  getFont(): { id: string }
  getFontSize(): number
  getCharSpace(): number
}

/** The options splitTextToSize may be given that the remembered lines still hold for. */
const REMEMBERED_OPTIONS = new Set(['fontSize'])

/**
 * The document remembers how it broke each paragraph. jsPDF breaks the paragraphs of a text one by one, with nothing
 * carried from one to the next, so breaking them apart gives the same lines as breaking them together.
 */
export function rememberLineBreaks(doc: jsPDF): void {
  const split = doc.splitTextToSize.bind(doc) as Split
  const internal = doc.internal as unknown as Internal
  const known = new Map<string, string[]>()
  const remembering: Split = (text, maxlen, options) => {
    if (options && Object.keys(options).some((key) => !REMEMBERED_OPTIONS.has(key))) {
      return split(text, maxlen, options)
    }
    const paragraphs = Array.isArray(text) ? text : String(text).split(/\r?\n/)
    const size = (options?.fontSize as number | undefined) || internal.getFontSize()
    const style = `${internal.getFont().id} ${size} ${internal.getCharSpace()} ${maxlen}`
    const lines: string[] = []
    for (const paragraph of paragraphs) {
      const key = `${style} ${paragraph}`
      let broken = known.get(key)
      if (!broken) {
        broken = split([paragraph], maxlen, options)
        known.set(key, broken)
      }
      lines.push(...broken)
    }
    return lines
  }
  doc.splitTextToSize = remembering as jsPDF['splitTextToSize']
}
