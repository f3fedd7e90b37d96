// Markup typed into a patient's fields or a request is printed as the characters typed: the PDFs are drawn as text,
// never through an HTML or template engine, and pdftotext reads the same characters back.
import { describe, expect, it } from 'vitest'
import { demoCore } from '../support/core'
import { pdfPages } from './fixtures'

const squeeze = (s: string) => s.replace(/\s+/g, ' ')

const markup = {
  middleName: '<img src=x onerror=alert(1)>',
  address: '<script>alert(2)</script> {{ 7*7 }} ул. Ленина',
  purpose: '<b>в санаторий</b> {{ 7*7 }} <script>alert(3)</script>',
  comment: '{{ constructor.constructor("alert(4)")() }} <iframe src=javascript:alert(5)>'
}

async function patientWithMarkup() {
  const t = await demoCore(10)
  const token = t.tokens.registrar
  const patient = await t.call(
    'patients.create',
    {
      draft: {
        lastName: 'Скриптов',
        firstName: 'Иван',
        middleName: markup.middleName,
        sex: 'M',
        birthDate: '1980-05-06',
        address: markup.address
      }
    },
    token
  )
  const request = await t.call(
    'requests.create',
    {
      patientId: patient.id,
      applicantKind: 'self',
      channel: 'in_person',
      kind: 'brief',
      periodFrom: '2026-01-01',
      periodTo: '2026-10-31',
      purpose: markup.purpose,
      delivery: 'in_person'
    },
    token
  )
  return { t, token, patient, request }
}

describe('markup in PDFs', () => {
  it('the request receipt shows ФИО with markup as typed', async () => {
    const { t, token, request } = await patientWithMarkup()
    const job = await t.call('print.requestReceipt', { requestId: request.id }, token)
    const text = squeeze(pdfPages(job.pdfBase64).join('\n'))
    expect(text).toContain(`Скриптов Иван ${markup.middleName}`)
  })

  it('the extract shows ФИО, address and purpose with markup as typed', async () => {
    const { t, token, request } = await patientWithMarkup()
    for (const to of ['processing', 'approved', 'ready'] as const) {
      await t.call('requests.transition', { id: request.id, to }, token)
    }
    const job = await t.call('print.extract', { requestId: request.id }, token)
    const text = squeeze(pdfPages(job.pdfBase64).join('\n'))
    expect(text).toContain(`Скриптов Иван ${markup.middleName}`)
    expect(text).toContain(markup.address)
    expect(text).toContain(markup.purpose)
    // Had a template engine seen the address, "{{ 7*7 }}" would read 49.
    expect(text).not.toContain('49 ул. Ленина')
  })

  it('the complaint receipt shows the comment as typed', async () => {
    const { t, token, patient } = await patientWithMarkup()
    const filed = await t.call(
      'complaints.fileMissing',
      {
        patientId: patient.id,
        documentKindCode: 'protocol-lab',
        visitDate: '2026-11-13',
        regionCode: '77',
        organisationId: 'msk-gp-240',
        contacts: '<a href=javascript:alert(6)>+7 916 555-12-34</a>',
        comment: markup.comment
      },
      token
    )
    const job = await t.call('print.complaintReceipt', { complaintId: filed.id }, token)
    const text = squeeze(pdfPages(job.pdfBase64).join('\n'))
    expect(text).toContain(`Скриптов Иван ${markup.middleName}`)
    expect(text).toContain('<a href=javascript:alert(6)>+7 916 555-12-34</a>')
  })
})
