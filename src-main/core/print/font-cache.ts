// jsPDF parses a TrueType font for every document that adds it, and rebuilds the embedded subset byte by byte for
// every document it writes: together some 15 ms a style, more than drawing a page. Both depend on the font file
// alone (and the subset on the set of glyphs drawn), so each font is parsed once per process and every document
// gets a view of it that holds only the document's own state (glyphs used, widths, the ToUnicode map); subsets are
// remembered by glyph set, which repeats for reprints and for documents that draw the same letters, and a new one is
// written by font-subset.ts, the same bytes as jsPDF's in a twentieth of the time.
import { jsPDF } from 'jspdf'
import { encodeFontFile, encodeGlyphTable } from './font-subset'

interface TtfFont {
  toUnicode: Record<number, number>
  subset: { encode(glyphIds: number[], indexToLocFormat: number): unknown }
  glyf: { encode: typeof encodeGlyphTable }
  directory: { scalarType: number; encode: (tables: Record<string, ArrayLike<number>>) => Uint8Array }
}

interface TtfApi {
  TTFFont: { open(file: Uint8Array | string): TtfFont }
}

const api = jsPDF.API as unknown as TtfApi
const parseFont = api.TTFFont.open.bind(api.TTFFont)

/**
 * What jsPDF finds in its file store for a font we add: the TrueType magic number alone, so it skips decoding the
 * file, hands it to TTFFont.open, and our hook answers with the parsed font.
 */
export const PARSED_FONT_MARK = '\x00\x01\x00\x00'

const parsed = new Map<string, TtfFont>()
const subsets = new Map<string, unknown>()
const MAX_SUBSETS = 8
let handing: TtfFont | null = null

api.TTFFont.open = (file) => {
  const font = handing
  handing = null
  return font ?? parseFont(file)
}

function sharedFont(key: string, bytes: () => Uint8Array): TtfFont {
  let font = parsed.get(key)
  if (!font) {
    font = parseFont(bytes())
    font.glyf.encode = encodeGlyphTable
    const { directory } = font
    directory.encode = (tables) => encodeFontFile(directory.scalarType, tables)
    const encode = font.subset.encode.bind(font.subset)
    font.subset.encode = (glyphIds, indexToLocFormat) => {
      const ids = [...new Set(glyphIds)].sort((a, b) => a - b)
      const subsetKey = `${key}|${indexToLocFormat}|${ids.join(',')}`
      let encoded = subsets.get(subsetKey)
      if (encoded === undefined) {
        encoded = encode(ids, indexToLocFormat)
        if (subsets.size >= MAX_SUBSETS) subsets.delete(subsets.keys().next().value!)
        subsets.set(subsetKey, encoded)
      }
      return encoded
    }
    parsed.set(key, font)
  }
  return font
}

/**
 * Adds a font to one document from the process's parsed copy. `key` names the font file; `bytes` reads it, once.
 * The caller has put PARSED_FONT_MARK in the document's file store under `file`.
 */
export function addParsedFont(
  doc: jsPDF,
  file: string,
  name: string,
  style: string,
  key: string,
  bytes: () => Uint8Array
): void {
  const shared = sharedFont(key, bytes)
  // A shallow copy: the parsed tables are shared and only read; jsPDF tests some of them as own properties.
  const view = Object.assign(Object.create(Object.getPrototypeOf(shared) as object) as TtfFont, shared)
  // The only state jsPDF keeps in the parsed font itself; widths and glyphs used it sets on its own copy.
  view.toUnicode = {}
  handing = view
  try {
    doc.addFont(file, name, style)
  } finally {
    handing = null
  }
}
