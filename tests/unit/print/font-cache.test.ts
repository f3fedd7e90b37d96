// Fonts parsed once per process: each document still embeds only what it drew and reads back as its own text, and
// the Arabic shaper, skipped for Russian text, still shapes Arabic.
import { jsPDF } from 'jspdf'
import { describe, expect, it } from 'vitest'
import '../../../src-main/core/print/arabic-fast-path'
import { FONT, useDocumentFont } from '../../../src-main/core/print/fonts'
import { pdfPages } from './fixtures'

function documentWith(lines: { text: string; bold?: boolean }[]): Uint8Array {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true })
  useDocumentFont(doc)
  lines.forEach((line, i) => {
    doc.setFont(FONT, line.bold ? 'bold' : 'normal')
    doc.text(line.text, 20, 20 + i * 10)
  })
  return new Uint8Array(doc.output('arraybuffer'))
}

describe('document fonts', () => {
  it('gives every document its own glyphs and text from one parsed font', () => {
    const first = documentWith([
      { text: 'Выписка из медицинской карты: ЁЖЗЩЫЮЯ абвгдеёжзийклмнопрстуфхцчшщъыьэюя' }
    ])
    const bold = documentWith([{ text: 'Обычный' }, { text: 'Жирный заголовок', bold: true }])
    const second = documentWith([{ text: 'Справка 42' }])
    const again = documentWith([{ text: 'Справка 42' }])
    expect(pdfPages(first)[0]).toMatch(/Выписка из медицинской карты: ЁЖЗЩЫЮЯ абвгд/)
    expect(pdfPages(bold)[0]).toMatch(/Обычный[\s\S]*Жирный заголовок/)
    expect(pdfPages(second)[0].trim()).toBe('Справка 42')
    // The second document drew a few letters, the first nearly the whole alphabet: had they shared what jsPDF keeps
    // of the glyphs drawn, the second would embed the first one's letters too.
    expect(second.length).toBeLessThan(first.length - 5000)
    expect(again.length).toBe(second.length)
    expect(pdfPages(again)[0].trim()).toBe('Справка 42')
  })

  it('still shapes Arabic text and leaves other text as it is', () => {
    const api = jsPDF.API as unknown as { processArabic(text: string): string }
    expect(api.processArabic('Иванов Иван')).toBe('Иванов Иван')
    const arabic = 'سلام'
    expect(api.processArabic(arabic)).not.toBe(arabic)
  })
})
