// jsPDF runs every string it draws or measures through its Arabic shaper, which rebuilds the string letter by letter:
// a tenth of the time of a ten-page extract. For a string without a letter in the Arabic blocks the shaper returns
// the string unchanged (its letter forms and ligatures are all in those blocks), so such strings skip it. Text with
// Arabic letters in it is still shaped as before.
import { jsPDF } from 'jspdf'

type Shaper = (input: string | { text: unknown }) => unknown

interface ShapingApi {
  processArabic?: Shaper
  events: [string, unknown][]
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/

function needsShaping(text: unknown): boolean {
  if (typeof text === 'string') return ARABIC.test(text)
  if (Array.isArray(text)) return text.some((part) => needsShaping(Array.isArray(part) ? part[0] : part))
  return true
}

const api = jsPDF.API as unknown as ShapingApi
const shape = api.processArabic

if (shape) {
  const guarded: Shaper = (input) =>
    needsShaping(typeof input === 'string' ? input : input.text) ? shape(input) : input
  api.processArabic = guarded
  // Documents copy their text hooks from this list when they are made, so the entry is swapped, not added.
  for (const entry of api.events) if (entry[0] === 'preProcessText' && entry[1] === shape) entry[1] = guarded
}
