// A complaint's paper read back as a person would: the receipt's text with pdftotext and its two QR codes from a
// rendered page (the bare number opens the complaint, the other verifies the paper); the letter's addressee, text,
// signatures and seal; and who may print them.
import { describe, expect, it } from 'vitest'
import { formatSnils } from '../../../src-main/contract/identifiers'
import { demoCore } from '../support/core'
import { decodeQr, knownPatient, pdfPages, renderPage, type DemoCore } from './fixtures'

const squeeze = (s: string) => s.replace(/\s+/g, ' ')

function expectAll(text: string, needles: string[]) {
  for (const needle of needles) expect(text, needle).toContain(squeeze(needle))
}

async function missingFromDonetsk(t: DemoCore, patientId: string) {
  return t.call(
    'complaints.fileMissing',
    {
      patientId,
      documentKindCode: 'discharge-summary',
      visitDate: '2026-10-05',
      regionCode: '93',
      organisationId: 'dnr-donetsk-gp-9',
      contacts: '+7 949 123-45-67, дочь',
      comment: 'Выписной эпикриз не пришёл на портал'
    },
    t.tokens.registrar
  )
}

describe('complaint receipt', () => {
  it('says what was reported, when it is due and how to ask, and carries the complaint number as a QR that opens it', async () => {
    const t = await demoCore(10)
    const p = await knownPatient(t)
    const c = await t.call(
      'complaints.fileMissing',
      {
        patientId: p.patientId,
        documentKindCode: 'protocol-lab',
        visitDate: '2026-11-02',
        regionCode: '77',
        organisationId: 'msk-gp-240',
        contacts: '+7 900 111-22-33'
      },
      t.tokens.registrar
    )
    const job = await t.call('print.complaintReceipt', { complaintId: c.id }, t.tokens.registrar)
    expect(job).toMatchObject({ kind: 'complaint_receipt', documentNumber: `${c.number}-Р`, pages: 1 })
    const pages = pdfPages(job.pdfBase64)
    expect(pages).toHaveLength(1)
    const text = squeeze(pages[0])
    const { clinic } = await t.call('settings.get', {}, t.tokens.registrar)
    expectAll(text, [
      'РАСПИСКА',
      'в приёме жалобы пациента',
      `№ ${c.number}`,
      `ОГРН ${clinic.ogrn}`,
      `${p.fullName}, 12.04.1975 г. р.`,
      'Медицинский документ не поступил',
      'Протокол лабораторного исследования',
      '02.11.2026',
      c.regionName!,
      c.organisationName!,
      '+7 900 111-22-33',
      'электронно, через систему обмена медицинскими данными',
      `не позднее ${c.dueDate.split('-').reverse().join('.')}`,
      `позвоните по телефону ${clinic.phone}`,
      `назовите номер жалобы ${c.number}`,
      `Номер жалобы: ${c.number}`,
      'Жалобу принял(а)',
      `Код проверки: ${job.verificationCode}`,
      `Расписка № ${c.number}-Р`,
      'Страница 1 из 1'
    ])
    expect(text).not.toContain('Повторная печать')

    for (const dpi of [150, 300]) {
      const codes = decodeQr(renderPage(job.pdfBase64, 1, dpi))
      expect(codes, `QR codes at ${dpi} dpi`).toHaveLength(2)
      expect(codes).toContain(c.number)
      const opened = await t.call('scan.process', { text: c.number, source: 'camera' }, t.tokens.registrar)
      expect(opened).toEqual({ kind: 'complaint', complaintId: c.id, patientId: p.patientId })
      const verification = codes.find((code) => code !== c.number)!
      expect(
        await t.call('scan.process', { text: verification, source: 'camera' }, t.tokens.registrar)
      ).toMatchObject({ kind: 'verification', status: 'authentic', documentNumber: `${c.number}-Р` })
    }
  })

  it('for a discrepancy names the disputed ЭМД, what differs and what the paper says', async () => {
    const t = await demoCore(10)
    const p = await knownPatient(t)
    const c = await t.call(
      'complaints.fileDiscrepancy',
      {
        documentId: p.emdId,
        field: 'diagnosis',
        paperValue: 'M54.2 Цервикалгия',
        description: 'На бумаге другой диагноз'
      },
      t.tokens.registrar
    )
    const job = await t.call('print.complaintReceipt', { complaintId: c.id }, t.tokens.registrar)
    const text = squeeze(pdfPages(job.pdfBase64).join('\n'))
    expectAll(text, [
      'Бумажная и электронная версии документа различаются',
      `Выписной эпикриз № ${p.emdNumber} от 20.06.2026`,
      'Что различается Диагноз',
      'На бумаге указано M54.2 Цервикалгия',
      'На бумаге другой диагноз',
      `Номер жалобы: ${c.number}`
    ])
  })

  it('is marked as a reprint when asked, and is refused to the auditor', async () => {
    const t = await demoCore(10)
    const p = await knownPatient(t)
    const c = await missingFromDonetsk(t, p.patientId)
    const again = await t.call(
      'print.complaintReceipt',
      { complaintId: c.id, reprint: true },
      t.tokens.senior
    )
    expect(again.reprint).toBe(true)
    expect(pdfPages(again.pdfBase64)[0]).toContain('ПОВТОРНАЯ ПЕЧАТЬ 20.11.2026')
    for (const name of ['print.complaintReceipt', 'print.complaintLetter'] as const) {
      expect((await t.fail(name, { complaintId: c.id }, t.tokens.auditor)).code).toBe('FORBIDDEN')
    }
  })
})

describe('complaint letter', () => {
  it('goes to the issuing organisation with the complaint, the patient, signatures, «М.П.» and a verification QR', async () => {
    const t = await demoCore(10)
    const p = await knownPatient(t)
    const c = await missingFromDonetsk(t, p.patientId)
    expect(c.route).toBe('paper')
    const job = await t.call('print.complaintLetter', { complaintId: c.id }, t.tokens.registrar)
    expect(job).toMatchObject({ kind: 'complaint_letter', documentNumber: `${c.number}-П`, reprint: false })
    const text = squeeze(pdfPages(job.pdfBase64).join('\n'))
    const { clinic } = await t.call('settings.get', {}, t.tokens.registrar)
    expectAll(text, [
      'Руководителю',
      '283048, Донецкая Народная Республика, г. Донецк',
      'ОГРН 1229399124404',
      'в Государственное бюджетное учреждение «Городская поликлиника № 9 города Донецка» не поступил.',
      `Исх. № ${c.number}-П`,
      'от 20.11.2026',
      'О жалобе пациента',
      `№ ${c.number} от 20.11.2026`,
      'Уважаемые коллеги!',
      `обратилась пациентка ${p.fullName}, 12.04.1975 г. р. (СНИЛС ${formatSnils(p.snils)}`,
      'медицинский документ «Выписной эпикриз» по обращению за медицинской помощью 05.10.2026',
      'Выписной эпикриз не пришёл на портал',
      `сообщить о результатах в срок до ${c.dueDate.split('-').reverse().join('.')}`,
      `Ответ просим направить по адресу: ${clinic.address}`,
      `указав номер жалобы ${c.number}`,
      'Главный врач',
      'Исполнитель (регистратор)',
      'М.П.',
      `Код проверки: ${job.verificationCode}`,
      `Письмо № ${c.number}-П`
    ])
    const codes = decodeQr(renderPage(job.pdfBase64, job.pages, 150))
    expect(codes).toHaveLength(1)
    expect(
      await t.call('scan.process', { text: codes[0], source: 'camera' }, t.tokens.registrar)
    ).toMatchObject({ kind: 'verification', status: 'authentic', documentNumber: `${c.number}-П` })

    // Once the letter is marked as sent, printing it again makes a marked copy.
    await t.call('complaints.markSentOnPaper', { id: c.id }, t.tokens.registrar)
    const copy = await t.call('print.complaintLetter', { complaintId: c.id }, t.tokens.registrar)
    expect(copy.reprint).toBe(true)
    expect(pdfPages(copy.pdfBase64)[0]).toContain('ПОВТОРНАЯ ПЕЧАТЬ')
  })

  it('for a discrepancy asks for a corrected version of the ЭМД', async () => {
    const t = await demoCore(10)
    const p = await knownPatient(t)
    const deps = await t.core.deps()
    // The known patient's ЭМД comes from the first organisation of the directory; move it to a region without
    // portal data so that the complaint goes on paper.
    deps.store.sqlite
      .prepare('UPDATE medical_documents SET organisation_id = ? WHERE id = ?')
      .run('lnr-lugansk-gp-11', p.emdId)
    const c = await t.call(
      'complaints.fileDiscrepancy',
      { documentId: p.emdId, field: 'full_name', paperValue: 'Елкина Наталья Сергеевна' },
      t.tokens.registrar
    )
    expect(c.route).toBe('paper')
    const job = await t.call('print.complaintLetter', { complaintId: c.id }, t.tokens.registrar)
    const text = squeeze(pdfPages(job.pdfBase64).join('\n'))
    expectAll(text, [
      '(ОГРН 1229499131575)',
      `на расхождение бумажной и электронной версий медицинского документа «Выписной эпикриз» № ${p.emdNumber} от 20.06.2026: не совпадает ФИО пациента.`,
      'На бумажном экземпляре указано: «Елкина Наталья Сергеевна».',
      'сформировать исправленную версию электронного медицинского документа взамен ошибочной'
    ])
  })

  it('is refused for a complaint that goes electronically and for a closed one; printing is audited against the complaint', async () => {
    const t = await demoCore(10)
    const p = await knownPatient(t)
    const electronic = await t.call(
      'complaints.fileMissing',
      {
        patientId: p.patientId,
        documentKindCode: 'protocol-lab',
        visitDate: '2026-11-02',
        regionCode: '77',
        organisationId: 'msk-gp-240'
      },
      t.tokens.registrar
    )
    expect(await t.fail('print.complaintLetter', { complaintId: electronic.id }, t.tokens.registrar)).toEqual(
      { code: 'CONFLICT', message: 'Эта жалоба отправляется электронно, письмо не нужно' }
    )

    const paper = await missingFromDonetsk(t, p.patientId)
    await t.call('print.complaintLetter', { complaintId: paper.id }, t.tokens.registrar)
    await t.call(
      'complaints.transition',
      { id: paper.id, to: 'rejected', note: 'Пациент отозвал жалобу' },
      t.tokens.registrar
    )
    expect(await t.fail('print.complaintLetter', { complaintId: paper.id }, t.tokens.registrar)).toEqual({
      code: 'INVALID_TRANSITION',
      message: 'Жалоба в статусе «Отклонена» закрыта: письмо не нужно'
    })
    const deps = await t.core.deps()
    const printed = deps.store.sqlite
      .prepare(
        "SELECT count(*) FROM audit_events WHERE action = 'print.prepare' AND entity = 'complaint' AND entity_id = ?"
      )
      .pluck()
      .get(paper.id)
    expect(printed).toBe(1)
  })
})
