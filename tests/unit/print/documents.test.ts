// Every paper document read back as a person would: its text with pdftotext, its QR from a rendered page.
import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { formatSnils } from '../../../src-main/contract/identifiers'
import { documentSignatures, medicalDocuments } from '../../../src-main/core/db/schema'
import { contentDigest } from '../../../src-main/core/print/content-digest'
import { extractContent } from '../../../src-main/core/print/extract-pdf'
import { extractData } from '../../../src-main/core/print/print-data'
import { printJobsOf } from '../../../src-main/core/print/print-jobs'
import { loadRequest } from '../../../src-main/core/requests/request-service'
import { demoCore } from '../support/core'
import {
  decodeQr,
  knownPatient,
  pdfPages,
  readyRequest,
  renderPage,
  visitPlan,
  type DemoCore
} from './fixtures'

const squeeze = (s: string) => s.replace(/\s+/g, ' ')

function expectEveryPage(pages: string[], documentNumber: string) {
  expect(pages.length).toBeGreaterThan(0)
  pages.forEach((page, i) => {
    expect(page).toContain(`Страница ${i + 1} из ${pages.length}`)
    expect(page).toContain(documentNumber)
  })
}

async function scanned(t: DemoCore, pdfBase64: string, page: number, dpi: number) {
  const codes = decodeQr(renderPage(pdfBase64, page, dpi))
  expect(codes).toHaveLength(1)
  return t.call('scan.process', { text: codes[0], source: 'camera' }, t.tokens.registrar)
}

describe('paper extract, form 027/у', () => {
  it('full: clinic, patient, visits of the period with diagnoses, services and advice, signatures, page x of y', async () => {
    const t = await demoCore(10)
    const p = await knownPatient(t)
    const request = await readyRequest(t, p.patientId)
    const job = await t.call('print.extract', { requestId: request.id }, t.tokens.registrar)
    expect(job).toMatchObject({ kind: 'extract', documentNumber: request.number, reprint: false })
    const pages = pdfPages(job.pdfBase64)
    expect(pages).toHaveLength(job.pages)
    const text = squeeze(pages.join('\n'))
    const settings = await t.call('settings.get', {}, t.tokens.registrar)
    for (const needle of [
      'Форма № 027/у',
      'ВЫПИСКА',
      'из медицинской карты пациента, получающего медицинскую помощь в амбулаторных условиях',
      `№ ${request.number} (полная)`,
      'за период с 01.01.2026 по 31.10.2026',
      `ОГРН ${settings.clinic.ogrn}`,
      settings.clinic.address,
      p.fullName,
      '12.04.1975',
      formatSnils(p.snils),
      p.enp,
      'г. Москва, ул. Профсоюзная, д. 12, кв. 45',
      'Лечащий врач',
      'Заведующий отделением',
      'М.П.',
      `Код проверки: ${job.verificationCode}`,
      'Всего обращений за период: 3.'
    ]) {
      expect(text).toContain(squeeze(needle))
    }
    expect(text).toContain(squeeze(settings.clinic.name).slice(0, 60))
    for (const v of visitPlan) {
      const inside = !v.marker.startsWith('ВНЕ')
      // Each visit's marker stands in its doctor, service, prescription and recommendation cells.
      expect(text.split(v.marker).length - 1, v.marker).toBe(inside ? 4 : 0)
      if (inside) expect(text).toContain(v.code)
    }
    for (const needle of ['Назначения: Назначение', 'Рекомендации: Рекомендация', 'B01.047.001 Приём']) {
      expect(text.split(needle).length - 1).toBe(3)
    }
    expect(text).not.toContain('Повторная печать')
    expectEveryPage(pages, request.number)
  })

  it('brief: dates, doctors and diagnoses only', async () => {
    const t = await demoCore(10)
    const p = await knownPatient(t)
    const request = await readyRequest(t, p.patientId, 'brief')
    const job = await t.call('print.extract', { requestId: request.id }, t.tokens.registrar)
    const text = squeeze(pdfPages(job.pdfBase64).join('\n'))
    expect(text).toContain(`№ ${request.number} (краткая)`)
    expect(text).toContain('Медицинская организация')
    for (const v of visitPlan.filter((v) => !v.marker.startsWith('ВНЕ'))) {
      expect(text).toContain(v.code)
      expect(text.split(v.marker).length - 1).toBe(1)
    }
    expect(text).not.toContain('Назначения:')
    expect(text).not.toContain('Рекомендации:')
    expect(text).not.toContain('B01.047.001')
    expect(text).not.toContain('ВНЕ-ПЕРИОДА')
  })

  it('carries a QR that decodes at 150 and 300 dpi and verifies as authentic', async () => {
    const t = await demoCore(10)
    const p = await knownPatient(t)
    const request = await readyRequest(t, p.patientId)
    const job = await t.call('print.extract', { requestId: request.id }, t.tokens.registrar)
    for (const dpi of [150, 300]) {
      const result = await scanned(t, job.pdfBase64, job.pages, dpi)
      expect(result).toMatchObject({
        kind: 'verification',
        status: 'authentic',
        documentNumber: request.number
      })
    }
  })

  it('carries its content digest as the PDF file id, the digest its QR was made for', async () => {
    const t = await demoCore(10)
    const p = await knownPatient(t)
    const request = await readyRequest(t, p.patientId)
    const job = await t.call('print.extract', { requestId: request.id }, t.tokens.registrar)
    const deps = await t.core.deps()
    const digest = contentDigest(extractContent(extractData(deps, loadRequest(deps, request.id))))
    const id = digest.slice(0, 32).toUpperCase()
    expect(Buffer.from(job.pdfBase64, 'base64').toString('latin1')).toContain(`/ID [ <${id}> <${id}> ]`)
    expect(printJobsOf(deps).get(job.jobId, t.clock.now().getTime()).contentSha256).toBe(digest)
  })

  it('a reprint says «Повторная печать» with the date on every page and keeps the same verification', async () => {
    const t = await demoCore(10)
    const p = await knownPatient(t)
    const request = await readyRequest(t, p.patientId)
    const first = await t.call('print.extract', { requestId: request.id }, t.tokens.registrar)
    t.clock.advance(24 * 3600_000)
    await t.call('auth.unlock', { password: 'demo1234' }, t.tokens.registrar)
    const again = await t.call('print.extract', { requestId: request.id, reprint: true }, t.tokens.registrar)
    expect(again.reprint).toBe(true)
    const pages = pdfPages(again.pdfBase64)
    expect(pages[0]).toContain('ПОВТОРНАЯ ПЕЧАТЬ 21.11.2026')
    for (const page of pages) expect(page).toContain('Повторная печать 21.11.2026')
    // Same content, same hash: the first paper still verifies after the reprint.
    const result = await scanned(t, first.pdfBase64, first.pages, 150)
    expect(result).toMatchObject({ kind: 'verification', status: 'authentic' })
  })

  it('is refused while the request is not yet approved', async () => {
    const t = await demoCore(10)
    const p = await knownPatient(t)
    const request = await t.call(
      'requests.create',
      {
        patientId: p.patientId,
        applicantKind: 'self',
        channel: 'in_person',
        kind: 'full',
        periodFrom: '2026-01-01',
        periodTo: '2026-10-31',
        purpose: 'для работы',
        delivery: 'in_person'
      },
      t.tokens.registrar
    )
    const error = await t.fail('print.extract', { requestId: request.id }, t.tokens.registrar)
    expect(error).toEqual({ code: 'INVALID_TRANSITION', message: expect.stringContaining('Принято') })
  })
})

describe('paper copy of an ЭМД', () => {
  it('has the document, a stamp per signature, «Копия верна», the registrar, date, seal and a verifying QR', async () => {
    const t = await demoCore(10)
    const p = await knownPatient(t)
    const job = await t.call('print.documentCopy', { documentId: p.emdId }, t.tokens.registrar)
    expect(job).toMatchObject({ kind: 'emd_copy', documentNumber: p.emdNumber })
    const pages = pdfPages(job.pdfBase64)
    const text = squeeze(pages.join('\n'))
    for (const needle of [
      'Выписной эпикриз',
      `№ ${p.emdNumber} от 20.06.2026`,
      'Петрова Анна Владимировна, врач-терапевт',
      'Заключительный диагноз: M54.5 Боль внизу спины.',
      p.fullName,
      formatSnils(p.snils),
      'Сертификат: 01D9A2B3C4E5F60718293A4B5C6D7E8F',
      'Владелец: Петрова Анна Владимировна',
      'Сертификат: 7F6E5D4C3B2A19080706050403020100',
      'Владелец: Сидоров Павел Игоревич',
      'Действителен: с 01.02.2026 по 01.05.2027',
      'Копия верна',
      'Регистратор',
      'Смирнова О. В.',
      'Дата: 20.11.2026',
      'М.П.'
    ]) {
      expect(text).toContain(needle)
    }
    expect(text.match(/Документ подписан электронной подписью/g)).toHaveLength(2)
    expectEveryPage(pages, p.emdNumber)
    const result = await scanned(t, job.pdfBase64, job.pages, 150)
    expect(result).toMatchObject({ kind: 'verification', status: 'authentic', documentNumber: p.emdNumber })
  })

  it('copies every ЭМД kind the demo store holds', async () => {
    const t = await demoCore(60)
    const deps = await t.core.deps()
    const docs = deps.store.db.select().from(medicalDocuments).all()
    const firstOfKind = [...new Map(docs.map((d) => [d.kindCode, d])).values()]
    expect(firstOfKind.length).toBeGreaterThan(3)
    for (const doc of firstOfKind) {
      const signatures = deps.store.db
        .select()
        .from(documentSignatures)
        .where(eq(documentSignatures.documentId, doc.id))
        .all()
      const job = await t.call('print.documentCopy', { documentId: doc.id }, t.tokens.registrar)
      const text = squeeze(pdfPages(job.pdfBase64).join('\n'))
      expect(text).toContain(squeeze(doc.title))
      expect(text.match(/Документ подписан электронной подписью/g)).toHaveLength(signatures.length)
    }
  })
})

describe('receipts', () => {
  it('request receipt: number, due date, what to bring, QR', async () => {
    const t = await demoCore(10)
    const p = await knownPatient(t)
    const request = await readyRequest(t, p.patientId)
    const job = await t.call('print.requestReceipt', { requestId: request.id }, t.tokens.registrar)
    const text = squeeze(pdfPages(job.pdfBase64).join('\n'))
    for (const needle of [
      'РАСПИСКА',
      'в приёме заявления на выдачу выписки из медицинской карты',
      request.number,
      `не позднее ${request.dueDate.split('-').reverse().join('.')}`,
      'При получении выписки предъявите:',
      'Паспорт или иной документ, удостоверяющий личность пациента',
      'Заявление принял(а)',
      'Страница 1 из 1'
    ]) {
      expect(text).toContain(needle)
    }
    const result = await scanned(t, job.pdfBase64, 1, 150)
    expect(result).toMatchObject({
      kind: 'verification',
      status: 'authentic',
      documentNumber: `${request.number}-Р`
    })
  })
})
