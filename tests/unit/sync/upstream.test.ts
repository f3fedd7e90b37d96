// Upstream import: documents, provided services and portal requests from the portal or a regional МИС reach every
// desk through the log; an item is keyed by the sender's id, so sending it again changes nothing.
import { eq, isNotNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { patients } from '../../../src-main/core/db/schema'
import { readDeskToken } from '../../../src-main/core/sync/state'
import { rawRequest } from './support/raw-device'
import { joinDesk, seedDesk, startTestServer } from './support/sync-env'

describe('upstream import', () => {
  it('takes visits, documents and portal requests, once, and they reach every desk', async () => {
    const server = await startTestServer()
    const a = await seedDesk(server, 10)
    const patient = a.deps.store.db.select().from(patients).where(isNotNull(patients.enp)).get()!
    const code = await server.createCode('Региональная МИС', 'upstream')
    const enrolled = await rawRequest(server, '/v1/enrol', {
      body: { code, deviceId: 'mis-region-77', name: 'Региональная МИС', clinic: null }
    })
    const token = (enrolled.body as { token: string }).token
    const body = {
      source: 'mis77',
      items: [
        {
          type: 'visit',
          externalId: 'v-1001',
          patient: { enp: patient.enp },
          date: '2026-11-10',
          regionCode: '77',
          organisation: { organisationOgrn: '1027799045185' },
          doctorName: 'Петров Пётр Петрович',
          specialty: 'терапевт',
          careKind: 'outpatient',
          diagnosisCode: 'J06.9',
          diagnosisText: 'Острая инфекция верхних дыхательных путей',
          costKopecks: 154_000,
          services: [{ code: 'B01.047.001', name: 'Приём врача-терапевта', quantity: 1 }]
        },
        {
          type: 'document',
          externalId: 'd-2001',
          patient: { enp: patient.enp },
          kindCode: 'referral-consultation',
          number: 'НК-2001',
          date: '2026-11-10',
          organisation: { organisationOgrn: '1027799045185' },
          authorName: 'Петров Пётр Петрович',
          authorRole: 'врач-терапевт',
          title: 'Направление на консультацию',
          content: 'Направляется на консультацию к кардиологу.',
          visitExternalId: 'v-1001',
          signatures: [
            {
              signerName: 'Петров Пётр Петрович',
              signerRole: 'врач-терапевт',
              certificateSerial: '01AB23CD',
              validFrom: '2026-01-01',
              validTo: '2027-01-01',
              signedAt: '2026-11-10T10:00:00+03:00'
            }
          ]
        },
        {
          type: 'request',
          externalId: 'portal-5001',
          number: 'В-2026-900001',
          patient: { enp: patient.enp },
          kind: 'brief',
          periodFrom: '2026-01-01',
          periodTo: '2026-11-01',
          purpose: 'для работы',
          delivery: 'portal',
          registeredOn: '2026-11-19'
        },
        {
          type: 'visit',
          externalId: 'v-unknown',
          patient: { snils: '00000000000' },
          date: '2026-11-10',
          regionCode: '77',
          organisation: { organisationOgrn: '1027799045185' },
          doctorName: 'Петров П. П.',
          specialty: 'терапевт',
          careKind: 'outpatient',
          diagnosisCode: 'J06.9',
          diagnosisText: 'ОРВИ',
          services: []
        }
      ]
    }
    const first = await rawRequest(server, '/v1/import', { token, body })
    expect(first.status).toBe(200)
    const results = (
      first.body as { results: { externalId: string; status: string; message: string | null }[] }
    ).results
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'review'])
    expect(results[3].message).toContain('Пациент с такими СНИЛС или ЕНП не найден')
    const again = await rawRequest(server, '/v1/import', {
      token,
      body: { ...body, items: body.items.slice(0, 3) }
    })
    const replay = (again.body as { results: { status: string }[] }).results
    expect(replay.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate'])
    const fromDesk = await rawRequest(server, '/v1/import', { token: readDeskToken(a.deps)!, body })
    expect(fromDesk).toMatchObject({ status: 403 })

    await a.sync()
    const b = await joinDesk(server, 'Окно 2')
    for (const d of [a, b]) {
      const card = await d.call('patients.get', { id: patient.id }, d.token)
      const visit = card.visits.find((v) => v.diagnosisText.startsWith('Острая инфекция'))
      expect(visit).toMatchObject({ costKopecks: 154_000, services: [{ code: 'B01.047.001', quantity: 1 }] })
      const doc = card.documents.find((x) => x.number === 'НК-2001')
      expect(doc?.signatures).toHaveLength(1)
      const request = card.requests.find((r) => r.number === 'В-2026-900001')
      expect(request).toMatchObject({ status: 'accepted', channel: 'portal_qr', registeredOn: '2026-11-19' })
      expect(request?.dueDate).toBe('2026-11-24')
      expect(request?.history).toHaveLength(1)
    }
    expect(a.deps.store.db.select().from(patients).where(eq(patients.id, patient.id)).all()).toHaveLength(1)
  })
})
