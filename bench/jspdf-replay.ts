// "jsPDF alone on the same pages": our builder's drawing calls are recorded once, then replayed on a bare jsPDF
// document with the same font. The replay draws exactly the same pages with none of our layout work (measuring
// text, breaking lines and pages, autotable's cell sizing, the QR code), so the two times differ by what our layer
// adds on top of jsPDF.
import { jsPDF } from 'jspdf'
import { useDocumentFont } from '../src-main/core/print/fonts'

type Call = [method: string, args: unknown[]]

/** The calls that put something on a page or change how the next thing is drawn; getters and measuring are left out. */
const drawing = new Set([
  'addPage',
  'setPage',
  'setFont',
  'setFontSize',
  'setTextColor',
  'setDrawColor',
  'setFillColor',
  'setLineWidth',
  'setLineHeightFactor',
  'setLineCap',
  'setLineJoin',
  'setLineDashPattern',
  'text',
  'line',
  'lines',
  'rect',
  'roundedRect',
  'circle',
  'ellipse',
  'triangle',
  'setProperties',
  'setCreationDate',
  'setFileId'
])

let recording: Call[][] | null = null

type Doc = Record<string, unknown>

// jsPDF announces each new document to plugins; while recording, its drawing methods are wrapped. Calls jsPDF makes
// to itself inside a call (depth > 0) are part of that call and not recorded twice.
;(jsPDF as unknown as { API: { events: unknown[] } }).API.events.push([
  'initialized',
  function (this: Doc) {
    if (!recording) return
    const calls: Call[] = []
    recording.push(calls)
    let depth = 0
    for (const name of drawing) {
      const original = this[name]
      if (typeof original !== 'function') continue
      this[name] = function (this: Doc, ...args: unknown[]) {
        if (depth === 0) calls.push([name, args.map(copy)])
        depth++
        try {
          return (original as (...a: unknown[]) => unknown).apply(this, args)
        } finally {
          depth--
        }
      }
    }
  }
])

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy)
  // Plain option objects only: a Date (setCreationDate) must stay a Date.
  if (value && Object.getPrototypeOf(value) === Object.prototype) return { ...(value as object) }
  return value
}

/** Records the drawing calls of the last document `build` makes (a builder may lay a document out twice). */
export function recordDrawing(build: () => unknown): Call[] {
  recording = []
  try {
    build()
    const last = recording[recording.length - 1]
    if (!last) throw new Error('the builder made no jsPDF document')
    return last
  } finally {
    recording = null
  }
}

/** Draws the recorded pages on a bare A4 document with PT Sans and returns the PDF bytes. */
export function replayDrawing(calls: readonly Call[]): { pdf: ArrayBuffer; pages: number } {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true })
  useDocumentFont(doc)
  const api = doc as unknown as Record<string, (...args: unknown[]) => unknown>
  for (const [name, args] of calls) api[name].apply(doc, args)
  return { pdf: doc.output('arraybuffer'), pages: doc.getNumberOfPages() }
}
