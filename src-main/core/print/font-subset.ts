// Writing a font subset, as jsPDF's TTFFont does, in time linear in its size. jsPDF appends each glyph to the glyf
// table with concat, copying the table so far once per glyph, then assembles the file a byte at a time through a
// cursor object, concatenating table after table: for a ten-page extract most of the time of embedding its two
// fonts, paid again whenever the set of glyphs differs from the documents before (a new patient, a new verification
// code): some 20 ms a font. These write the same bytes in a few; font-cache.ts puts them in place of jsPDF's on each
// parsed font.

/** A glyph of the parsed font, as jsPDF's TTFFont keeps it: `encode` gives its bytes for the subset. */
interface Glyph {
  encode(old2new: unknown): number[]
}

export interface GlyphTable {
  /** The table's bytes. */
  table: Uint8Array
  /** Where each glyph of `mapping` starts in `table`, and the table's end. */
  offsets: number[]
}

/**
 * GlyfTable.encode of jsPDF: the glyphs of `mapping` (old ids in the order of the new ones; jsPDF passes them as
 * strings, the keys of an object), each glyph's bytes in turn.
 */
export function encodeGlyphTable(
  glyphs: Readonly<Record<string, Glyph | undefined>>,
  mapping: readonly (number | string)[],
  old2new: unknown
): GlyphTable {
  const parts: number[][] = []
  const offsets: number[] = []
  let length = 0
  for (const id of mapping) {
    const glyph = glyphs[id]
    offsets.push(length)
    if (!glyph) continue
    const bytes = glyph.encode(old2new)
    parts.push(bytes)
    length += bytes.length
  }
  offsets.push(length)
  const table = new Uint8Array(length)
  let at = 0
  for (const bytes of parts) {
    table.set(bytes, at)
    at += bytes.length
  }
  return { table, offsets }
}

/** The TrueType checksum jsPDF's Directory takes: big-endian 32-bit words summed, kept to 32 bits (signed). */
function checksum(view: DataView, start: number, paddedLength: number): number {
  let sum = 0
  for (let at = start; at < start + paddedLength; at += 4) sum += view.getUint32(at)
  return sum & 0xffffffff
}

const padded = (length: number) => Math.ceil(length / 4) * 4

/**
 * Directory.encode of jsPDF: the table directory, then the tables in the order given, each padded to 4 bytes, and
 * head's checkSumAdjustment set for the whole file. jsPDF's own arithmetic, entrySelector included, is kept. The
 * bytes are written into one buffer of the file's size; jsPDF reads the result by index and length only (to make the
 * font's stream), so the buffer is handed back as it is, where jsPDF made an array of numbers.
 */
export function encodeFontFile(
  scalarType: number,
  tables: Readonly<Record<string, ArrayLike<number>>>
): Uint8Array {
  const tags = Object.keys(tables)
  const log2 = Math.log(2)
  const searchRange = Math.floor(Math.log(tags.length) / log2) * 16
  let length = 12 + tags.length * 16
  for (const tag of tags) length += padded(tables[tag].length)
  const file = new Uint8Array(length)
  const view = new DataView(file.buffer)
  view.setUint32(0, scalarType >>> 0)
  view.setUint16(4, tags.length & 0xffff)
  view.setUint16(6, searchRange & 0xffff)
  view.setUint16(8, Math.floor(searchRange / log2) & 0xffff)
  view.setUint16(10, (tags.length * 16 - searchRange) & 0xffff)
  let entry = 12
  let offset = 12 + tags.length * 16
  let headOffset = 0
  for (const tag of tags) {
    const table = tables[tag]
    for (let i = 0; i < 4; i++) file[entry + i] = tag.charCodeAt(i)
    file.set(table, offset)
    view.setUint32(entry + 4, checksum(view, offset, padded(table.length)) >>> 0)
    view.setUint32(entry + 8, offset)
    view.setUint32(entry + 12, table.length)
    if (tag === 'head') headOffset = offset
    entry += 16
    offset += padded(table.length)
  }
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(view, 0, length)) >>> 0)
  return file
}
