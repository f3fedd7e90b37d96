import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateEnp, generateSnils } from '../../../src-main/contract/identifiers'
import { makeVerificationCode } from '../../../src-main/core/qr/verification'
import { loadDemoPortalKey, signRequestPayload } from '../../../src-main/core/qr/request-issuer'
import { generateSigningKey } from '../../../src-main/core/qr/keys'
import { demoCore, projectRoot } from '../support/core'

const portal = loadDemoPortalKey(join(projectRoot, 'resources'))
const snils = generateSnils('555666777')
const enp = generateEnp('770000000055566')

function requestQr(overrides: Partial<Parameters<typeof signRequestPayload>[1]> = {}, key = portal) {
  return signRequestPayload(key, {
    number: 'В-2026-004242',
    snils,
    enp,
    lastName: 'Ёлкина',
    firstName: 'Мария',
    middleName: 'Ивановна',
    birthDate: '1985-06-15',
    extractKind: 'brief',
    periodFrom: '2025-06-01',
    periodTo: '2026-11-15',
    issuedAt: '2026-11-18T08:00:00.000Z',
    expiresOn: '2026-12-18',
    ...overrides
  })
}

describe('what a scan does', () => {
  it('registers a request offline from its QR for a patient found by СНИЛС, and opens it on the next scan', async () => {
    const t = await demoCore(20)
    const token = t.tokens.registrar
    const patient = await t.call(
      'patients.create',
      {
        draft: {
          lastName: 'Ёлкина',
          firstName: 'Мария',
          middleName: 'Ивановна',
          sex: 'F',
          birthDate: '1985-06-15',
          snils,
          enp
        }
      },
      token
    )
    const first = await t.call('scan.process', { text: requestQr(), source: 'camera' }, token)
    expect(first).toMatchObject({ kind: 'request', patientId: patient.id, registered: true })
    const request = await t.call(
      'requests.get',
      { id: first.kind === 'request' ? first.requestId : '' },
      token
    )
    expect(request).toMatchObject({
      number: 'В-2026-004242',
      channel: 'portal_qr',
      kind: 'brief',
      status: 'accepted',
      dueDate: '2026-11-25'
    })
    const again = await t.call('scan.process', { text: requestQr(), source: 'scanner' }, token)
    expect(again).toMatchObject({ kind: 'request', requestId: request.id, registered: false })
  })

  it('offers to create the patient from the code when the card index has no one with its identifiers', async () => {
    const t = await demoCore(20)
    const token = t.tokens.registrar
    const text = requestQr()
    const result = await t.call('scan.process', { text, source: 'camera' }, token)
    expect(result.kind).toBe('requestNeedsPatient')
    if (result.kind !== 'requestNeedsPatient') return
    expect(result.candidates).toEqual([])
    expect(result.request).toMatchObject({
      fullName: 'Ёлкина Мария Ивановна',
      snils,
      issuerName: expect.stringContaining('Демо-портал')
    })
    const draft = {
      lastName: 'Ёлкина',
      firstName: 'Мария',
      middleName: 'Ивановна',
      sex: 'F' as const,
      birthDate: '1985-06-15',
      snils,
      enp
    }
    const made = await t.call('scan.registerRequest', { text, patientId: null, newPatient: draft }, token)
    const card = await t.call('patients.get', { id: made.patientId }, token)
    expect(card.requests.map((r) => r.number)).toEqual(['В-2026-004242'])
    expect(
      (await t.fail('scan.registerRequest', { text, patientId: made.patientId, newPatient: null }, token))
        .code
    ).toBe('CONFLICT')
  })

  it('refuses forged, untrusted, expired and revoked request codes, registering nothing', async () => {
    const t = await demoCore(20)
    const token = t.tokens.registrar
    const forged = requestQr().replace('Мария', 'Марина')
    expect((await t.fail('scan.process', { text: forged, source: 'camera' }, token)).code).toBe('QR_FORGED')
    const stranger = requestQr({}, generateSigningKey('portal').key)
    expect((await t.fail('scan.process', { text: stranger, source: 'camera' }, token)).code).toBe(
      'QR_UNTRUSTED'
    )
    const expired = await t.fail(
      'scan.process',
      { text: requestQr({ expiresOn: '2026-11-19' }), source: 'camera' },
      token
    )
    expect(expired).toEqual({ code: 'QR_EXPIRED', message: expect.stringContaining('19.11.2026') })
    await t.call('keys.revoke', { keyId: portal.keyId }, t.tokens.admin)
    expect((await t.fail('scan.process', { text: requestQr(), source: 'camera' }, token)).code).toBe(
      'QR_REVOKED'
    )
    const deps = await t.core.deps()
    expect(
      deps.store.sqlite
        .prepare("SELECT count(*) FROM extract_requests WHERE number = 'В-2026-004242'")
        .pluck()
        .get()
    ).toBe(0)
    const refused = deps.store.sqlite
      .prepare("SELECT count(*) FROM audit_events WHERE action = 'scan' AND details LIKE '%refused%'")
      .pluck()
      .get()
    expect(refused).toBe(4)
  })

  it('tells authentic, altered, unknown and revoked paper apart', async () => {
    const t = await demoCore(20)
    const token = t.tokens.registrar
    const deps = await t.core.deps()
    const sha = 'ab'.repeat(32)
    const { payload, code } = await makeVerificationCode(deps, {
      documentNumber: 'ВП-2026-01-000001',
      contentSha256: sha,
      title: 'Выписка'
    })
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    const authentic = await t.call('scan.process', { text: payload, source: 'camera' }, token)
    expect(authentic).toMatchObject({
      kind: 'verification',
      status: 'authentic',
      documentNumber: 'ВП-2026-01-000001'
    })
    const fields = payload.split('|')
    fields[4] = 'A'.repeat(22)
    const altered = await t.call('scan.process', { text: fields.join('|'), source: 'camera' }, token)
    expect(altered).toMatchObject({ status: 'altered' })
    await makeVerificationCode(deps, { documentNumber: 'ВП-2026-01-000001', contentSha256: 'cd'.repeat(32) })
    expect(await t.call('scan.process', { text: payload, source: 'camera' }, token)).toMatchObject({
      status: 'altered'
    })
    const foreign = generateSigningKey('clinic').key
    const unknownText = payload.replace(/\|clinic-[0-9a-f]{10}\|/, `|${foreign.keyId}|`)
    expect(await t.call('scan.process', { text: unknownText, source: 'camera' }, token)).toMatchObject({
      status: 'unknown'
    })
    const own = (await t.call('keys.list', {}, t.tokens.admin)).find((k) => k.own)!
    await t.call('keys.revoke', { keyId: own.keyId }, t.tokens.admin)
    expect(await t.call('scan.process', { text: payload, source: 'camera' }, token)).toMatchObject({
      status: 'revoked'
    })
  })

  it('opens a patient by a bare ЕНП or СНИЛС and a request by its number', async () => {
    const t = await demoCore(40)
    const token = t.tokens.registrar
    const p = await t.call(
      'patients.create',
      { draft: { lastName: 'Тест', firstName: 'Скан', sex: 'M', birthDate: '1990-01-01', snils, enp } },
      token
    )
    expect(await t.call('scan.process', { text: `${enp}\n`, source: 'scanner' }, token)).toMatchObject({
      kind: 'patient',
      patientId: p.id
    })
    expect(await t.call('scan.process', { text: snils, source: 'scanner' }, token)).toMatchObject({
      kind: 'patient',
      patientId: p.id
    })
    const queue = await t.call('requests.queue', {}, token)
    expect(await t.call('scan.process', { text: queue[0].number, source: 'scanner' }, token)).toMatchObject({
      kind: 'request',
      requestId: queue[0].id
    })
    expect((await t.fail('scan.process', { text: 'hello world', source: 'scanner' }, token)).code).toBe(
      'QR_UNKNOWN_FORMAT'
    )
  })

  it('keeps the clinic’s private key in an owner-only file and trusts its public half', async () => {
    const t = await demoCore(10)
    const { statSync } = await import('node:fs')
    const mode = statSync(join(t.dir, 'keys', 'clinic-signing-key.pem')).mode & 0o777
    expect(mode).toBe(0o600)
    const keys = await t.call('keys.list', {}, t.tokens.admin)
    expect(keys.filter((k) => k.own)).toHaveLength(1)
    expect(keys.some((k) => k.issuerKind === 'portal')).toBe(true)
    expect(JSON.stringify(keys)).not.toContain('PRIVATE')
  })

  it('lets an auditor read a request QR but not register it', async () => {
    const t = await demoCore(20)
    await t.call(
      'patients.create',
      {
        draft: {
          lastName: 'Ёлкина',
          firstName: 'Мария',
          middleName: 'Ивановна',
          sex: 'F',
          birthDate: '1985-06-15',
          snils,
          enp
        }
      },
      t.tokens.registrar
    )
    const seen = await t.call('scan.process', { text: requestQr(), source: 'camera' }, t.tokens.auditor)
    expect(seen).toMatchObject({
      kind: 'requestNeedsPatient',
      reason: 'Зарегистрировать заявление может только регистратор'
    })
    const deps = await t.core.deps()
    expect(
      deps.store.sqlite
        .prepare("SELECT count(*) FROM extract_requests WHERE number = 'В-2026-004242'")
        .pluck()
        .get()
    ).toBe(0)
  })
})
