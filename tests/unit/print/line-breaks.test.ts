// Remembered line breaks: the same lines as jsPDF breaks text into, for every font, size and width asked, whether
// the paragraphs come together or one by one, and a fresh array each time.
import { jsPDF } from 'jspdf'
import { describe, expect, it } from 'vitest'
import { FONT, useDocumentFont } from '../../../src-main/core/print/fonts'
import { rememberLineBreaks } from '../../../src-main/core/print/line-breaks'

function documentWithFont(): jsPDF {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true })
  useDocumentFont(doc)
  return doc
}

const texts = [
  'Соколова А. В.\nврач-офтальмолог\nГП № 240 ДЗМ (амбулаторно)',
  'B01.029.001 Прием (осмотр, консультация) врача-офтальмолога первичный',
  'Назначения: Соблюдать режим, контроль давления утром и вечером,  дневник самоконтроля.\r\n\r\nРекомендации: —',
  'Оченьдлинноесловобезпробеловкотороенепомещаетсявстрокуникакихпереносовнет',
  '',
  '   пробелы по краям   '
]

describe('remembered line breaks', () => {
  it("are jsPDF's own, for each font, size and width, asked again and again", () => {
    const plain = documentWithFont()
    const remembering = documentWithFont()
    rememberLineBreaks(remembering)
    for (let round = 0; round < 2; round++) {
      for (const bold of [false, true]) {
        for (const size of [6.5, 8, 10]) {
          for (const width of [20, 31.55, 36.5, 178]) {
            for (const doc of [plain, remembering]) {
              doc.setFont(FONT, bold ? 'bold' : 'normal')
              doc.setFontSize(bold ? 9 : 10)
            }
            for (const text of texts) {
              const asked = `${bold} ${size} ${width} ${JSON.stringify(text)}`
              const expected = plain.splitTextToSize(text, width, { fontSize: size }) as string[]
              expect(remembering.splitTextToSize(text, width, { fontSize: size }), asked).toEqual(expected)
              // Autotable hands over a cell's text as an array of paragraphs; jsPDF's typings know only strings.
              const paragraphs = text.split(/\r?\n/) as unknown as string
              expect(remembering.splitTextToSize(paragraphs, width, { fontSize: size }), asked).toEqual(
                plain.splitTextToSize(paragraphs, width, { fontSize: size })
              )
              // Without a size the document's own is used.
              expect(remembering.splitTextToSize(text, width), asked).toEqual(
                plain.splitTextToSize(text, width)
              )
            }
          }
        }
      }
    }
  })

  it('tell apart fonts that break the same text differently', () => {
    const doc = documentWithFont()
    rememberLineBreaks(doc)
    const text = 'Приём (осмотр, консультация) врача-терапевта участкового первичный, повторный'
    doc.setFont(FONT, 'normal')
    const normal = doc.splitTextToSize(text, 31, { fontSize: 12 }) as string[]
    doc.setFont(FONT, 'bold')
    const bold = doc.splitTextToSize(text, 31, { fontSize: 12 }) as string[]
    const fresh = documentWithFont()
    fresh.setFont(FONT, 'bold')
    expect(bold).toEqual(fresh.splitTextToSize(text, 31, { fontSize: 12 }))
    expect(bold).not.toEqual(normal)
  })

  it('give a new array each time, and leave options they do not know to jsPDF', () => {
    const doc = documentWithFont()
    rememberLineBreaks(doc)
    const text =
      'Выписка из медицинской карты пациента, получающего медицинскую помощь в амбулаторных условиях'
    const first = doc.splitTextToSize(text, 50, { fontSize: 10 }) as string[]
    first.push('изменено')
    expect(doc.splitTextToSize(text, 50, { fontSize: 10 })).toEqual(first.slice(0, -1))
    const indent = { fontSize: 10, textIndent: 30 }
    const indented = doc.splitTextToSize(text, 50, indent) as string[]
    expect(indented).toEqual(documentWithFont().splitTextToSize(text, 50, indent))
    expect(indented).not.toEqual(first.slice(0, -1))
  })
})
