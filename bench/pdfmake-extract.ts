// The same extract drawn by pdfmake, the other library a team would reach for: the same header, patient block,
// visits table (header on every page, rows never split), closing block with the verification QR, and footers with
// "page N of M", in the same PT Sans. Used only to compare pages per second.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import pdfmake from 'pdfmake'
import { extractTitle, type ExtractData } from '../src-main/core/print/extract-pdf'
import { careKindNames, plainText, ruDate, snilsText } from '../src-main/core/print/format'

const require = createRequire(import.meta.url)
const MM = 72 / 25.4

let fontsReady = false

function useFonts(): void {
  if (fontsReady) return
  const read = (id: string) => readFileSync(require.resolve(id))
  pdfmake.virtualfs.writeFileSync(
    'PTSans-normal.ttf',
    read('@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf')
  )
  pdfmake.virtualfs.writeFileSync(
    'PTSans-bold.ttf',
    read('@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf')
  )
  pdfmake.setFonts({
    PTSans: {
      normal: 'PTSans-normal.ttf',
      bold: 'PTSans-bold.ttf',
      italics: 'PTSans-normal.ttf',
      bolditalics: 'PTSans-bold.ttf'
    }
  })
  // Nothing outside the virtual file system is read: the fonts are already there.
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy(() => false)
  fontsReady = true
}

function visitRow(data: ExtractData, i: number): string[] {
  const v = data.visits[i]
  const care = careKindNames[v.careKind] ?? v.careKind
  const services = v.services.map((s) => `${s.code} ${s.name}${s.quantity > 1 ? ` × ${s.quantity}` : ''}`)
  const advice = [
    v.prescriptions ? `Назначения: ${plainText(v.prescriptions)}` : '',
    v.recommendations ? `Рекомендации: ${plainText(v.recommendations)}` : ''
  ].filter(Boolean)
  return [
    String(i + 1),
    ruDate(v.date),
    `${v.doctorName}\n${v.specialty}\n${v.organisationName} (${care})`,
    `${v.diagnosisCode} ${v.diagnosisText}`,
    services.join('\n') || '—',
    advice.join('\n') || '—'
  ]
}

function definition(data: ExtractData, qr: { payload: string; code: string }, onPages: (n: number) => void) {
  const p = data.patient
  const grid = {
    hLineWidth: () => 0.2 * MM,
    vLineWidth: () => 0.2 * MM,
    paddingLeft: () => 4,
    paddingRight: () => 4
  }
  return {
    pageSize: 'A4',
    pageMargins: [20 * MM, 14 * MM, 12 * MM, 20 * MM],
    info: { title: extractTitle(data.kind), author: data.clinic.name, subject: data.number },
    defaultStyle: { font: 'PTSans', fontSize: 10, lineHeight: 1.0 },
    footer: (page: number, pages: number) => {
      onPages(pages)
      return {
        margin: [20 * MM, 4 * MM, 12 * MM, 0],
        columns: [
          { text: `Выписка № ${data.number}`, fontSize: 8 },
          { text: `Страница ${page} из ${pages}`, fontSize: 8, alignment: 'right' }
        ]
      }
    },
    content: [
      {
        columns: [
          {
            width: 105 * MM,
            stack: [
              { text: data.clinic.name, bold: true, fontSize: 9 },
              { text: data.clinic.address, fontSize: 8.5 },
              { text: `ОГРН ${data.clinic.ogrn}, тел. ${data.clinic.phone ?? ''}`, fontSize: 8.5 }
            ]
          },
          {
            alignment: 'right',
            fontSize: 8,
            stack: [
              'Медицинская документация',
              { text: 'Форма № 027/у', bold: true, fontSize: 9.5 },
              'Утверждена приказом Минздрава СССР',
              'от 04.10.1980 № 1030'
            ]
          }
        ]
      },
      { text: 'ВЫПИСКА', bold: true, fontSize: 14, alignment: 'center', margin: [0, 12, 0, 0] },
      {
        text: 'из медицинской карты пациента, получающего медицинскую помощь в амбулаторных условиях',
        bold: true,
        fontSize: 11,
        alignment: 'center'
      },
      { text: `№ ${data.number} (полная)`, fontSize: 11, alignment: 'center' },
      {
        text: `за период с ${ruDate(data.periodFrom)} по ${ruDate(data.periodTo)}`,
        fontSize: 10.5,
        alignment: 'center',
        margin: [0, 0, 0, 8]
      },
      {
        layout: 'noBorders',
        table: {
          widths: [55 * MM, '*'],
          body: [
            ['1. Фамилия, имя, отчество', { text: p.fullName, bold: true }],
            [
              '2. Дата рождения',
              { text: `${ruDate(p.birthDate)}, пол: ${p.sex === 'F' ? 'женский' : 'мужской'}`, bold: true }
            ],
            ['3. СНИЛС', { text: snilsText(p.snils), bold: true }],
            ['4. Полис ОМС (ЕНП)', { text: [p.enp, p.insurer].filter(Boolean).join(', '), bold: true }],
            ['5. Адрес места жительства', { text: p.address ?? 'не указан', bold: true }],
            ['6. Выписка выдана для', { text: data.purpose, bold: true }]
          ]
        }
      },
      {
        text: 'Сведения об обращениях за медицинской помощью',
        bold: true,
        fontSize: 11,
        margin: [0, 8, 0, 3]
      },
      {
        layout: grid,
        fontSize: 8,
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [8, 17, 39, 38, 34, 42].map((w) => w * MM - 8.4),
          body: [
            [
              '№',
              'Дата',
              'Врач, медицинская организация',
              'Диагноз (МКБ-10)',
              'Оказанные услуги',
              'Назначения и рекомендации'
            ].map((text) => ({ text, bold: true, alignment: 'center', fillColor: '#ebebeb' })),
            ...data.visits.map((_, i) => visitRow(data, i))
          ]
        }
      },
      { text: `Всего обращений за период: ${data.visits.length}.`, fontSize: 9.5, margin: [0, 6, 0, 6] },
      {
        unbreakable: true,
        columns: [
          {
            width: '*',
            fontSize: 9.5,
            stack: [
              { text: `Дата выдачи: ${ruDate(data.periodTo)}`, fontSize: 10, margin: [0, 0, 0, 10] },
              'Лечащий врач ______________ (подпись) ______________________ (фамилия, инициалы)',
              { text: ' ', margin: [0, 8] },
              'Заведующий отделением ______________ (подпись) ______________________ (фамилия, инициалы)',
              { text: 'М.П.', bold: true, fontSize: 10, margin: [30, 16, 0, 0] }
            ]
          },
          {
            width: 38 * MM,
            stack: [
              { qr: qr.payload, fit: 32 * MM, eccLevel: 'M' },
              { text: `Код проверки: ${qr.code}`, bold: true, fontSize: 8, alignment: 'center' },
              {
                text: 'Подлинность документа проверяется по QR-коду в медицинской организации',
                fontSize: 6.5,
                alignment: 'center'
              }
            ]
          }
        ]
      }
    ]
  }
}

export async function buildExtractWithPdfmake(
  data: ExtractData,
  qr: { payload: string; code: string }
): Promise<{ pdf: Buffer; pages: number }> {
  useFonts()
  let pages = 0
  const pdf = await pdfmake.createPdf(definition(data, qr, (n) => (pages = n))).getBuffer()
  return { pdf, pages }
}
