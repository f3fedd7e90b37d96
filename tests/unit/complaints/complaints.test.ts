import { describe, expect, it } from 'vitest'
import { demoCore } from '../support/core'

async function setup(now?: string) {
  const t = await demoCore(30, now)
  const token = t.tokens.registrar
  const patient = await t.call(
    'patients.create',
    { draft: { lastName: 'Жалобина', firstName: 'Вера', sex: 'F', birthDate: '1970-07-07' } },
    token
  )
  const refs = await t.call('reference.list', {}, t.tokens.registrar)
  return { t, token, patient, refs }
}

describe('complaints', () => {
  it('files a missing-document complaint with a 30-business-day due date and sends it electronically for our own document', async () => {
    const { t, token, patient } = await setup('2026-10-01T10:00:00+03:00')
    const c = await t.call(
      'complaints.fileMissing',
      {
        patientId: patient.id,
        documentKindCode: 'protocol-lab',
        visitDate: '2026-09-20',
        regionCode: '77',
        organisationId: 'msk-gp-240',
        contacts: '+7 900 111-22-33'
      },
      token
    )
    expect(c).toMatchObject({
      status: 'registered',
      route: 'electronic',
      addressee: null,
      kind: 'missing_document',
      number: expect.stringMatching(/^Ж-2026-01-\d{6}$/)
    })
    // From Thu 1 Oct 2026, 30 business days: 21 more in October, then November with the 4th off: Fri 13 Nov.
    expect(c.dueDate).toBe('2026-11-13')
    const deps = await t.core.deps()
    const out = deps.store.sqlite
      .prepare("SELECT count(*) FROM outbox WHERE entity = 'complaint' AND entity_id = ?")
      .pluck()
      .get(c.id)
    expect(out).toBe(1)
  })

  it('routes a complaint about a document from a region without portal data to a paper letter', async () => {
    const { t, token, patient } = await setup()
    const c = await t.call(
      'complaints.fileMissing',
      {
        patientId: patient.id,
        documentKindCode: 'discharge-summary',
        visitDate: '2026-10-01',
        regionCode: '93',
        organisationId: 'dnr-donetsk-gp-9'
      },
      token
    )
    expect(c.route).toBe('paper')
    expect(c.addressee).toContain('Донецка')
    const sent = await t.call('complaints.markSentOnPaper', { id: c.id }, token)
    expect(sent.status).toBe('forwarded')
    expect(sent.sentOnPaperAt).not.toBeNull()
    expect((await t.fail('complaints.markSentOnPaper', { id: c.id }, token)).code).toBe('CONFLICT')
  })

  it('accepts an organisation typed with a valid ОГРН and refuses a wrong one', async () => {
    const { t, token, patient } = await setup()
    const bad = await t.fail(
      'complaints.fileMissing',
      {
        patientId: patient.id,
        documentKindCode: 'protocol-lab',
        visitDate: '2026-10-01',
        regionCode: '50',
        organisationId: null,
        organisationName: 'ООО «Клиника»',
        organisationOgrn: '1027700132194'
      },
      token
    )
    expect(bad.message).toMatch(/ОГРН/)
    const ok = await t.call(
      'complaints.fileMissing',
      {
        patientId: patient.id,
        documentKindCode: 'protocol-lab',
        visitDate: '2026-10-01',
        regionCode: '50',
        organisationId: null,
        organisationName: 'ООО «Клиника»',
        organisationOgrn: '1027700132195'
      },
      token
    )
    expect(ok).toMatchObject({ organisationName: 'ООО «Клиника»', route: 'paper' })
  })

  it('shows a document that arrives as a match and resolves the complaint in one step', async () => {
    const { t, token, patient } = await setup()
    const c = await t.call(
      'complaints.fileMissing',
      {
        patientId: patient.id,
        documentKindCode: 'protocol-lab',
        visitDate: '2026-11-02',
        regionCode: '77',
        organisationId: 'msk-gp-240'
      },
      token
    )
    expect(c.matches).toEqual([])
    const wrongKind = await t.call(
      'documents.register',
      {
        patientId: patient.id,
        kindCode: 'protocol-consultation',
        number: 'L-1',
        date: '2026-11-02',
        organisationId: 'msk-gp-240',
        authorName: 'Иванова А. А.',
        authorRole: 'врач КЛД',
        title: 'Консультация',
        content: '…'
      },
      token
    )
    expect(wrongKind.answersComplaints).toEqual([])
    const arrived = await t.call(
      'documents.register',
      {
        patientId: patient.id,
        kindCode: 'protocol-lab',
        number: 'L-2',
        date: '2026-11-04',
        organisationId: 'msk-gp-240',
        authorName: 'Иванова А. А.',
        authorRole: 'врач КЛД',
        title: 'Общий анализ крови',
        content: 'Гемоглобин 130 г/л'
      },
      token
    )
    expect(arrived.answersComplaints).toEqual([c.id])
    const view = await t.call('complaints.get', { id: c.id }, token)
    expect(view.matches.map((m) => m.documentId)).toEqual([arrived.document.id])
    const resolved = await t.call('complaints.resolve', { id: c.id, documentId: arrived.document.id }, token)
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolvedDocumentId: arrived.document.id,
      matches: []
    })
    expect((await t.fail('complaints.transition', { id: c.id, to: 'in_review' }, token)).code).toBe(
      'INVALID_TRANSITION'
    )
  })

  it('resolves a discrepancy when a corrected version of the disputed document arrives', async () => {
    const { t, token, patient } = await setup()
    const original = await t.call(
      'documents.register',
      {
        patientId: patient.id,
        kindCode: 'protocol-consultation',
        number: 'K-1',
        date: '2026-11-10',
        organisationId: 'msk-gp-240',
        authorName: 'Петров П. П.',
        authorRole: 'врач-невролог',
        title: 'Консультация невролога',
        content: 'Диагноз: M54.5'
      },
      token
    )
    const c = await t.call(
      'complaints.fileDiscrepancy',
      { documentId: original.document.id, field: 'diagnosis', paperValue: 'M54.2 Цервикалгия' },
      token
    )
    expect(c.dueDate).toBe('2026-11-27')
    const fixed = await t.call(
      'documents.register',
      {
        patientId: patient.id,
        kindCode: 'protocol-consultation',
        number: 'K-1/2',
        date: '2026-11-20',
        organisationId: 'msk-gp-240',
        authorName: 'Петров П. П.',
        authorRole: 'врач-невролог',
        title: 'Консультация невролога (исправлено)',
        content: 'Диагноз: M54.2',
        replacesId: original.document.id
      },
      token
    )
    expect(fixed.answersComplaints).toEqual([c.id])
    expect(
      (await t.call('complaints.resolve', { id: c.id, documentId: fixed.document.id }, token)).status
    ).toBe('resolved')
  })

  it('lists overdue complaints first and opens a complaint by its scanned number', async () => {
    const { t, token, patient } = await setup('2026-09-01T10:00:00+03:00')
    const c = await t.call(
      'complaints.fileDiscrepancy',
      {
        documentId: (
          await t.call(
            'documents.register',
            {
              patientId: patient.id,
              kindCode: 'protocol-lab',
              number: 'Z-1',
              date: '2026-08-20',
              organisationId: 'msk-gp-240',
              authorName: 'А',
              authorRole: 'врач',
              title: 'Анализ',
              content: '…'
            },
            token
          )
        ).document.id,
        field: 'lab_results',
        paperValue: 'другие цифры'
      },
      token
    )
    t.clock.set('2026-09-20T10:00:00+03:00')
    await t.call('auth.unlock', { password: 'demo1234' }, token)
    const queue = await t.call('complaints.queue', {}, token)
    expect(queue[0]).toMatchObject({ id: c.id, overdue: true })
    expect(await t.call('scan.process', { text: c.number, source: 'scanner' }, token)).toEqual({
      kind: 'complaint',
      complaintId: c.id,
      patientId: patient.id
    })
  })

  it('needs a reason to reject and refuses the auditor', async () => {
    const { t, token, patient } = await setup()
    const c = await t.call(
      'complaints.fileMissing',
      {
        patientId: patient.id,
        documentKindCode: 'protocol-lab',
        visitDate: '2026-11-02',
        regionCode: '77',
        organisationId: 'msk-gp-240'
      },
      token
    )
    expect((await t.fail('complaints.transition', { id: c.id, to: 'rejected' }, token)).message).toBe(
      'Укажите причину отклонения'
    )
    expect(
      (await t.fail('complaints.transition', { id: c.id, to: 'forwarded' }, t.tokens.auditor)).code
    ).toBe('FORBIDDEN')
    expect(
      (
        await t.call(
          'complaints.transition',
          { id: c.id, to: 'rejected', note: 'документ не создавался' },
          token
        )
      ).resolution
    ).toBe('документ не создавался')
  })
})
