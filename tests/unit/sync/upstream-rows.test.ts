// The upstream endpoint judges items by the desk importer's own row rules: an item with a bad СНИЛС checksum, a
// diagnosis outside the МКБ-10 directory, a signature outside its certificate, a date in the future or an unknown
// organisation waits in review with the desk's Russian reason, and reaches no desk; a good item beside them applies.
import { isNotNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { patients } from '../../../src-main/core/db/schema'
import { rawRequest } from './support/raw-device'
import { seedDesk, startTestServer } from './support/sync-env'

describe('upstream import row checks', () => {
  it('refuses what the desk importer refuses, with the same reasons', async () => {
    const server = await startTestServer()
    const desk = await seedDesk(server, 10)
    const patient = desk.deps.store.db.select().from(patients).where(isNotNull(patients.enp)).get()!
    const code = await server.createCode('Региональная МИС', 'upstream')
    const enrolled = await rawRequest(server, '/v1/enrol', {
      body: { code, deviceId: 'mis-region-77', name: 'Региональная МИС', clinic: null }
    })
    const token = (enrolled.body as { token: string }).token
    const visit = (externalId: string, changes: Record<string, unknown>) => ({
      type: 'visit',
      externalId,
      patient: { enp: patient.enp },
      date: '2026-11-10',
      regionCode: '77',
      organisation: { organisationOgrn: '1027799045185' },
      doctorName: 'Петров Пётр Петрович',
      specialty: 'терапевт',
      careKind: 'outpatient',
      diagnosisCode: 'J06.9',
      diagnosisText: 'Острая инфекция верхних дыхательных путей',
      services: [],
      ...changes
    })
    const signature = {
      signerName: 'Петров Пётр Петрович',
      signerRole: 'врач-терапевт',
      certificateSerial: '01AB23CD',
      validFrom: '2026-01-01',
      validTo: '2026-06-01',
      signedAt: '2026-11-10T10:00:00+03:00'
    }
    const items = [
      visit('v-good', {}),
      visit('v-snils', { patient: { snils: '12345678900' } }),
      visit('v-icd', { diagnosisCode: 'Q99.9' }),
      visit('v-future', { date: '2026-11-25' }),
      visit('v-org', { organisation: { organisationId: 'no-such-clinic' } }),
      visit('v-region', { regionCode: '00' }),
      {
        type: 'document',
        externalId: 'd-signed-late',
        patient: { enp: patient.enp },
        kindCode: 'referral-consultation',
        number: 'НК-3001',
        date: '2026-11-10',
        organisation: { organisationOgrn: '1027799045185' },
        authorName: 'Петров Пётр Петрович',
        authorRole: 'врач-терапевт',
        title: 'Направление на консультацию',
        content: 'Направляется на консультацию к кардиологу.',
        signatures: [signature]
      },
      {
        type: 'request',
        externalId: 'portal-future',
        number: 'В-2026-900777',
        patient: { enp: patient.enp },
        kind: 'brief',
        periodFrom: '2026-12-01',
        periodTo: '2026-12-31',
        purpose: 'для работы',
        delivery: 'portal',
        registeredOn: '2026-11-19'
      }
    ]
    const answer = await rawRequest(server, '/v1/import', { token, body: { source: 'mis77', items } })
    expect(answer.status).toBe(200)
    const results = (
      answer.body as { results: { externalId: string; status: string; message: string | null }[] }
    ).results
    expect(results.map((r) => [r.externalId, r.status])).toEqual(
      items.map((i) => [i.externalId, i.externalId === 'v-good' ? 'applied' : 'review'])
    )
    const reason = (id: string) => results.find((r) => r.externalId === id)!.message
    expect(reason('v-snils')).toMatch(/^Пациент: .*СНИЛС/)
    expect(reason('v-icd')).toBe('Диагноз (МКБ-10): код «Q99.9» не найден в справочнике МКБ-10')
    expect(reason('v-future')).toBe('Дата посещения: не может быть в будущем')
    expect(reason('v-org')).toBe('Организация: id «no-such-clinic» не найдена в справочнике организаций')
    expect(reason('v-region')).toBe('Регион: код «00» не найден в справочнике регионов')
    expect(reason('d-signed-late')).toBe('Подпись №1: документ подписан вне срока действия сертификата')
    expect(reason('portal-future')).toBe('Начало периода: не может быть в будущем')

    // Only the good visit travels to the desk.
    await desk.sync()
    const card = await desk.call('patients.get', { id: patient.id }, desk.token)
    const imported = card.visits.filter((v) => v.doctorName === 'Петров Пётр Петрович')
    expect(imported).toHaveLength(1)
    expect(imported[0]).toMatchObject({ date: '2026-11-10', diagnosisCode: 'J06.9' })
    expect(card.documents.map((d) => d.number)).not.toContain('НК-3001')
    expect(card.requests.map((r) => r.number)).not.toContain('В-2026-900777')
  })
})
