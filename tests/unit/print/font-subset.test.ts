// The subset writers give jsPDF's own bytes: the same glyf table and offsets, and the same font file, for the
// glyphs of Russian, Latin and typographic text, for every glyph of the font, and for none.
import { jsPDF } from 'jspdf'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import '../../../src-main/core/print/font-cache'
import { encodeFontFile, encodeGlyphTable } from '../../../src-main/core/print/font-subset'

interface ParsedFont {
  characterToGlyph(code: number): number
  maxp: { numGlyphs: number }
  glyf: { encode: typeof encodeGlyphTable }
  directory: { scalarType: number; encode(tables: Record<string, ArrayLike<number>>): ArrayLike<number> }
  subset: { encode(glyphIds: number[], indexToLocFormat: number): ArrayLike<number> }
}

const require = createRequire(import.meta.url)
const files = [
  '@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf',
  '@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf'
]

/** A font parsed afresh, with jsPDF's writers or, with `ours`, with ours in their place. */
function parsed(file: string, ours: boolean): ParsedFont {
  const api = jsPDF.API as unknown as { TTFFont: { open(bytes: Uint8Array): ParsedFont } }
  const font = api.TTFFont.open(new Uint8Array(readFileSync(require.resolve(file))))
  if (ours) {
    font.glyf.encode = encodeGlyphTable
    font.directory.encode = (tables) => encodeFontFile(font.directory.scalarType, tables)
  }
  return font
}

const texts = [
  'Выписка из медицинской карты пациента № В-2026-09-000001, ЁЖЗЩЫЮЯ ёжзщыюя',
  'Код проверки: ABCD-EFGH 0123456789 «М.П.» — Повторная печать 14.03.2026 × ½ § ©',
  'The quick brown fox jumps over the lazy dog; fi fl ffi'
]

describe('font subsets written in one pass', () => {
  for (const file of files) {
    it(`are jsPDF's bytes for ${file.split('/').pop()}`, () => {
      const theirs = parsed(file, false)
      const ours = parsed(file, true)
      const glyphSets = texts.map((text) => [...text].map((c) => theirs.characterToGlyph(c.charCodeAt(0))))
      glyphSets.push(
        Array.from({ length: theirs.maxp.numGlyphs }, (_, id) => id),
        []
      )
      for (const ids of glyphSets) {
        for (const indexToLocFormat of [0, 1]) {
          const expected = Array.from(theirs.subset.encode(ids, indexToLocFormat))
          expect(expected.length).toBeGreaterThan(1000)
          expect(Array.from(ours.subset.encode(ids, indexToLocFormat))).toEqual(expected)
        }
      }
    })
  }
})
