import { describe, expect, it } from 'vitest'
import { startCore } from '../support/core'

const clinic = {
  name: 'ГБУЗ «Городская поликлиника № 1 г. Мелитополя»',
  shortName: 'ГП № 1 Мелитополь',
  address: 'г. Мелитополь, ул. Ленина, д. 1',
  ogrn: '1027700132195',
  regionCode: '90'
}

describe('first run', () => {
  it('lists the shipped directories before setup, so the new-clinic form can pick a region', async () => {
    const t = startCore()
    const lists = await t.call('reference.list', {})
    expect(lists.regions.find((r) => r.code === '90')).toEqual({
      code: '90',
      name: 'Запорожская область',
      portalData: false
    })
    expect(lists.documentKinds.length).toBeGreaterThan(10)
    expect((await t.fail('patients.search', { query: 'ив' })).code).toBe('UNAUTHENTICATED')
    expect((await t.fail('auth.signIn', { login: 'admin', password: 'x' })).code).toBe('NOT_INITIALIZED')
  })

  it('creates a new clinic with its administrator once, and checks the ОГРН', async () => {
    const t = startCore()
    const admin = { login: 'chief', fullName: 'Главный Администратор', password: 'надёжный-пароль' }
    const bad = await t.fail('system.setupClinic', {
      clinic: { ...clinic, ogrn: '1027700132194' },
      workstationName: 'Окно 2',
      admin
    })
    expect(bad.message).toMatch(/ОГРН/)
    const status = await t.call('system.setupClinic', { clinic, workstationName: 'Окно 2', admin })
    expect(status).toMatchObject({
      initialized: true,
      clinicName: 'ГП № 1 Мелитополь',
      regionName: 'Запорожская область',
      portalData: false
    })
    const session = await t.call('auth.signIn', { login: 'chief', password: 'надёжный-пароль' })
    expect(session.user.role).toBe('admin')
    expect((await t.fail('system.setupDemo', {})).code).toBe('ALREADY_INITIALIZED')
    expect((await t.call('keys.list', {}, session.token)).filter((k) => k.own)).toHaveLength(1)
  })
})
