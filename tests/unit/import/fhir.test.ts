import { describe, expect, it } from 'vitest'
import { SIGNATURE_EXTENSIONS } from '../../../src-main/core/import/fhir-values'
import { sourceFromChunks } from '../../../src-main/core/import/import-source'
import { runImport } from '../../../src-main/core/import/importer'
import { enpOf, snilsOf } from './fixtures'
import { importCore } from './support'

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

/** What an МИС exporting RuCoreIG-style resources sends: one patient, a visit, a protocol, an epicrisis. */
function bundle() {
  const entry = (id: string, resource: Record<string, unknown>) => ({ fullUrl: `urn:uuid:${id}`, resource })
  return {
    resourceType: 'Bundle',
    type: 'collection',
    meta: { source: 'https://mis.gp240.example/fhir' },
    timestamp: '2026-11-19T18:00:00+03:00',
    entry: [
      entry('org-1', {
        resourceType: 'Organization',
        id: 'org-1',
        identifier: [{ system: 'urn:oid:1.2.643.100.1', value: '1027799045185' }],
        name: 'ГП № 240'
      }),
      entry('pat-1', {
        resourceType: 'Patient',
        id: 'pat-1',
        identifier: [
          { system: 'https://fhir.ru/ig/core/systems/snils', value: snilsOf(901) },
          { system: 'urn:oid:1.2.643.2.69.1.1.1.6.228', value: enpOf(901) }
        ],
        name: [{ use: 'official', family: 'Сидорова', given: ['Мария', 'Ивановна'] }],
        gender: 'female',
        birthDate: '1985-05-05',
        telecom: [{ system: 'phone', value: '+7 900 555-55-55' }],
        address: [{ text: 'г. Москва, ул. Садовая, д. 1' }]
      }),
      entry('pat-2', { resourceType: 'Patient', id: 'pat-2', gender: 'male', birthDate: '1990-01-01' }),
      entry('prac-1', {
        resourceType: 'Practitioner',
        id: 'prac-1',
        name: [{ family: 'Петрова', given: ['Анна', 'Викторовна'] }],
        qualification: [{ code: { text: 'врач-терапевт участковый' } }]
      }),
      entry('cond-1', {
        resourceType: 'Condition',
        id: 'cond-1',
        code: { coding: [{ system: 'urn:oid:1.2.643.5.1.13.13.11.1005', code: 'J06.9' }] }
      }),
      entry('enc-1', {
        resourceType: 'Encounter',
        id: 'enc-1',
        status: 'finished',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
        subject: { reference: 'urn:uuid:pat-1' },
        period: { start: '2026-03-12T10:00:00+03:00' },
        serviceProvider: { reference: 'urn:uuid:org-1' },
        participant: [{ individual: { reference: 'urn:uuid:prac-1' } }],
        diagnosis: [{ condition: { reference: 'urn:uuid:cond-1' } }]
      }),
      entry('doc-1', {
        resourceType: 'DocumentReference',
        id: 'doc-1',
        status: 'current',
        masterIdentifier: { value: 'ЭМД-2026-000777' },
        type: { coding: [{ system: 'urn:oid:1.2.643.5.1.13.13.11.1522', code: '5' }] },
        subject: { reference: 'urn:uuid:pat-1' },
        date: '2026-03-12T12:00:00+03:00',
        author: [{ reference: 'urn:uuid:prac-1' }],
        custodian: { reference: 'urn:uuid:org-1' },
        description: 'Протокол консультации терапевта',
        content: [
          { attachment: { contentType: 'text/plain; charset=utf-8', data: base64('Жалобы на кашель.') } }
        ],
        context: { encounter: [{ reference: 'urn:uuid:enc-1' }] }
      }),
      entry('comp-1', {
        resourceType: 'Composition',
        id: 'comp-1',
        status: 'final',
        identifier: { value: 'ЭМД-2026-000778' },
        type: { coding: [{ code: 'outpatient-summary' }] },
        subject: { reference: 'urn:uuid:pat-1' },
        date: '2026-03-13',
        author: [{ reference: 'urn:uuid:prac-1' }],
        title: 'Эпикриз',
        custodian: { reference: 'Organization/msk-gp-240' },
        section: [
          {
            title: 'Заключение',
            text: {
              div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Здорова &amp; трудоспособна.</p></div>'
            }
          }
        ]
      }),
      entry('prov-1', {
        resourceType: 'Provenance',
        target: [{ reference: 'urn:uuid:doc-1' }],
        recorded: '2026-03-12T12:30:00+03:00',
        signature: [
          {
            type: [{ system: 'urn:iso-astm:E1762-95:2013', code: '1.2.840.10065.1.12.1.1' }],
            when: '2026-03-12T12:30:00+03:00',
            who: { reference: 'urn:uuid:prac-1' },
            extension: [
              { url: SIGNATURE_EXTENSIONS.certificateSerial, valueString: '01DA0777' },
              { url: SIGNATURE_EXTENSIONS.validFrom, valueDate: '2025-06-01' },
              { url: SIGNATURE_EXTENSIONS.validTo, valueDate: '2026-06-01' }
            ]
          }
        ]
      })
    ]
  }
}

describe('FHIR R4 bundles', () => {
  it('imports Patient, Encounter, DocumentReference and Composition onto one card, signatures included', async () => {
    const t = await importCore()
    const options = { kindByNsiCode: new Map([['5', 'protocol-consultation']]) }
    const source = sourceFromChunks([JSON.stringify(bundle())], options)
    expect(source).toMatchObject({ format: 'fhir-r4', system: 'mis-gp240-example' })
    const report = await runImport(t.deps, t.actor, source, { dryRun: false })
    expect(report.errors.map((e) => e.text)).toEqual([
      'Пациент №2 (МИС id pat-2): Фамилия: не заполнено; Имя: не заполнено'
    ])
    expect(report.sections).toMatchObject({
      patients: { new: 1, rejected: 1 },
      visits: { new: 1 },
      documents: { new: 2 }
    })
    const hit = await t.call('patients.search', { query: snilsOf(901) }, t.tokens.senior)
    const card = await t.call('patients.get', { id: hit[0].id }, t.tokens.senior)
    expect(card.patient).toMatchObject({
      fullName: 'Сидорова Мария Ивановна',
      enp: enpOf(901),
      phone: '+7 900 555-55-55'
    })
    expect(card.visits).toEqual([
      expect.objectContaining({
        date: '2026-03-12',
        doctorName: 'Петрова Анна Викторовна',
        specialty: 'врач-терапевт участковый',
        careKind: 'outpatient',
        diagnosisCode: 'J06.9'
      })
    ])
    const byNumber = Object.fromEntries(card.documents.map((d) => [d.number, d]))
    expect(byNumber['ЭМД-2026-000777']).toMatchObject({
      kindCode: 'protocol-consultation',
      title: 'Протокол консультации терапевта',
      content: 'Жалобы на кашель.',
      signatures: [
        {
          signerName: 'Петрова Анна Викторовна',
          certificateSerial: '01DA0777',
          signedAt: '2026-03-12T12:30:00+03:00'
        }
      ]
    })
    expect(byNumber['ЭМД-2026-000778']).toMatchObject({
      kindCode: 'outpatient-summary',
      content: 'Заключение\nЗдорова & трудоспособна.',
      signatures: []
    })
    const again = await runImport(t.deps, t.actor, sourceFromChunks([JSON.stringify(bundle())], options), {
      dryRun: true
    })
    expect(again.totals).toEqual({ new: 0, updated: 0, unchanged: 4, rejected: 1 })
  })
})
