// A long extract: 200 visits of uneven length. Every visit is printed exactly once, each row whole on one page, the
// table header repeated on every page, and every page numbered.
import { describe, expect, it } from 'vitest'
import { contentDigest } from '../../../src-main/core/print/content-digest'
import { buildExtractPdf, extractContent, type ExtractData } from '../../../src-main/core/print/extract-pdf'
import { pdfPages } from './fixtures'

const clinic = {
  name: 'Государственное бюджетное учреждение здравоохранения «Городская поликлиника № 7»',
  shortName: 'ГП № 7',
  address: '101000, г. Москва, ул. Мясницкая, д. 7',
  ogrn: '1027700000018',
  regionCode: '77',
  phone: ''
}

function longExtract(count: number, kind: 'full' | 'brief'): ExtractData {
  const visits = Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0')
    // Every seventh visit has long advice, so rows differ in height and page breaks fall in odd places.
    const advice =
      i % 7 === 0
        ? ' Соблюдать режим, контроль давления утром и вечером, дневник самоконтроля.'.repeat(4)
        : ''
    return {
      date: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      organisationName: 'ГП № 7',
      doctorName: `Начало${n} Иванова Е. К.`,
      specialty: 'врач-терапевт участковый',
      careKind: 'outpatient',
      diagnosisCode: 'I10',
      diagnosisText: `Эссенциальная (первичная) гипертензия Конец${n}`,
      services: [{ code: 'B01.047.001', name: 'Приём врача-терапевта', quantity: 1 }],
      prescriptions: 'Лозартан 50 мг утром',
      recommendations: `Повторный приём через месяц.${advice} Конец${n}`
    }
  })
  return {
    number: 'В-2026-01-000777',
    kind,
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    purpose: 'для МСЭ',
    clinic,
    patient: {
      fullName: 'Кузьмин Олег Петрович',
      sex: 'M',
      birthDate: '1950-01-01',
      snils: '11223344595',
      enp: null,
      insurer: null,
      address: null
    },
    visits
  }
}

const verification = {
  payload: 'RWS1|V|test|В-2026-01-000777|AAAAAAAAAAAAAAAAAAAAAA|0|sig',
  code: 'TEST-0001'
}

describe('a 200-visit extract', () => {
  for (const kind of ['full', 'brief'] as const) {
    it(`${kind}: every visit once, no row split, header on every page, page x of y`, () => {
      const data = longExtract(200, kind)
      const built = buildExtractPdf(data, {
        printedAt: new Date('2026-11-20T09:00:00Z'),
        reprintOn: null,
        verification
      })
      const pages = pdfPages(built.pdf)
      expect(pages).toHaveLength(built.pages)
      expect(built.pages).toBeGreaterThan(kind === 'full' ? 15 : 5)
      for (let i = 1; i <= 200; i++) {
        const n = String(i).padStart(3, '0')
        const starts = pages.flatMap((p, at) => (p.includes(`Начало${n}`) ? [at] : []))
        const ends = pages.flatMap((p, at) => (p.includes(`Конец${n}`) ? [at] : []))
        expect(starts, `visit ${n}`).toHaveLength(1)
        expect(pages[starts[0]].split(`Начало${n}`).length - 1, `visit ${n}`).toBe(1)
        // A brief extract has no recommendations column: its row ends with the diagnosis.
        expect(ends, `visit ${n} ends on the page it starts on`).toEqual(starts)
      }
      pages.forEach((page, i) => {
        expect(page).toContain(`Страница ${i + 1} из ${pages.length}`)
        expect(page).toContain('Выписка № В-2026-01-000777')
        if (/Начало\d{3}/.test(page)) expect(page).toContain('Диагноз (МКБ-10)')
      })
      expect(pages[pages.length - 1]).toContain('Всего обращений за период: 200.')
      expect(pages[pages.length - 1]).toContain('М.П.')
    })
  }

  it('has the same content digest however often it is built, and another when a visit changes', () => {
    const data = longExtract(3, 'full')
    const digest = contentDigest(extractContent(data))
    expect(contentDigest(extractContent(longExtract(3, 'full')))).toBe(digest)
    data.visits[1].diagnosisCode = 'I11'
    expect(contentDigest(extractContent(data))).not.toBe(digest)
  })
})
