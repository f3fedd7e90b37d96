// Streams are deflated by Node's zlib in jsPDF's place: every byte comes back, other filters are jsPDF's own, and a
// document written this way reads back in pdftotext.
import { jsPDF } from 'jspdf'
import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { flateEncode } from '../../../src-main/core/print/native-flate'
import { PdfWriter } from '../../../src-main/core/print/pdf-writer'
import { pdfPages } from './fixtures'

const api = jsPDF.API as unknown as {
  processDataByFilters(data: string, filters: string | string[]): { data: string; reverseChain: string }
}

/**
 * Every byte value, then page content as jsPDF keeps it, one byte per character: long enough that fflate and zlib,
 * which compress a few hundred bytes alike, tell apart here.
 */
const content = Array.from({ length: 2000 }, (_, i) => `BT ${(i * 7.3) % 500} Td (Строка ${i * i}) Tj ET\n`)
const binary = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i)) + content.join('')

const inflated = (data: string) => inflateSync(Buffer.from(data, 'latin1')).toString('latin1')

describe('streams deflated by Node', () => {
  it('give every byte back, a character above 255 as its low byte, as jsPDF does', () => {
    const out = flateEncode(binary)
    expect(out.reverseChain).toBe('/FlateDecode')
    expect(inflated(out.data)).toBe(
      binary.replace(/[^\0-\xff]/g, (c) => String.fromCharCode(c.charCodeAt(0) & 0xff))
    )
    expect(inflated(flateEncode('').data)).toBe('')
  })

  it('are what jsPDF uses for FlateEncode, alone or named with its slash; other filters stay its own', () => {
    for (const filters of [['FlateEncode'], '/FlateEncode']) {
      expect(api.processDataByFilters(binary, filters)).toEqual(flateEncode(binary))
    }
    expect(api.processDataByFilters('AB', ['ASCIIHexEncode'])).toEqual({
      data: '4142>',
      reverseChain: '/ASCIIHexDecode'
    })
    const chained = api.processDataByFilters(binary, ['FlateEncode', 'ASCIIHexEncode'])
    expect(chained.reverseChain).toBe('/ASCIIHexDecode /FlateDecode')
    expect(inflated(api.processDataByFilters(chained.data, ['ASCIIHexDecode']).data)).toBe(
      inflated(flateEncode(binary).data)
    )
  })

  it('make a document that pdftotext reads', () => {
    const writer = new PdfWriter({
      documentNumber: 'В-2026-12-000001',
      footerLabel: 'Выписка',
      reprintOn: null,
      title: 'Проба',
      author: 'Регистратура',
      printedAt: new Date('2026-12-07T10:00:00Z'),
      contentSha256: 'ab'.repeat(32)
    })
    writer.text('Выписка из медицинской карты амбулаторного больного', { size: 14, bold: true })
    writer.text('Пациент: Иванова Мария Петровна, 12.04.1975')
    const pdf = new Uint8Array(writer.doc.output('arraybuffer'))
    expect(Buffer.from(pdf).toString('latin1')).toContain('/FlateDecode')
    const [page] = pdfPages(pdf)
    expect(page).toContain('Выписка из медицинской карты амбулаторного больного')
    expect(page).toContain('Пациент: Иванова Мария Петровна, 12.04.1975')
  })
})
