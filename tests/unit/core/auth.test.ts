import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from '../../../src-main/core/auth/passwords'
import { demoCore } from '../support/core'

describe('sign-in and sessions', () => {
  it('hashes with scrypt and verifies only the right password', async () => {
    const hash = await hashPassword('верный-пароль', 1024)
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/)
    expect(hash).not.toContain('верный')
    expect(await verifyPassword('верный-пароль', hash)).toBe(true)
    expect(await verifyPassword('неверный-пароль', hash)).toBe(false)
    expect(await verifyPassword('x', 'garbage')).toBe(false)
  })

  it('refuses a wrong password with one message for unknown logins and bad passwords', async () => {
    const t = await demoCore(10)
    const wrong = await t.fail('auth.signIn', { login: 'registrar', password: 'nope-nope' })
    const unknown = await t.fail('auth.signIn', { login: 'nobody', password: 'nope-nope' })
    expect(wrong).toEqual({ code: 'BAD_CREDENTIALS', message: 'Неверный логин или пароль' })
    expect(unknown).toEqual(wrong)
  })

  it('locks an idle session, keeps it locked for other commands, and unlocks with the password', async () => {
    const t = await demoCore(10)
    const token = t.tokens.registrar
    await t.call('auth.touch', {}, token)
    t.clock.advance(11 * 60_000)
    expect((await t.fail('patients.search', { query: 'ив' }, token)).code).toBe('SESSION_LOCKED')
    expect((await t.fail('auth.me', {}, token)).code).toBe('SESSION_LOCKED')
    expect((await t.fail('auth.unlock', { password: 'wrong-one' }, token)).code).toBe('BAD_CREDENTIALS')
    const session = await t.call('auth.unlock', { password: 'demo1234' }, token)
    expect(session.user.login).toBe('registrar')
    expect(await t.call('patients.search', { query: 'ив' }, token)).toBeInstanceOf(Array)
  })

  it('ends the session after five wrong unlock attempts', async () => {
    const t = await demoCore(10)
    const token = t.tokens.registrar
    await t.call('auth.lock', {}, token)
    for (let i = 0; i < 4; i++)
      expect((await t.fail('auth.unlock', { password: 'bad-bad' }, token)).code).toBe('BAD_CREDENTIALS')
    expect((await t.fail('auth.unlock', { password: 'bad-bad' }, token)).code).toBe('UNAUTHENTICATED')
    expect((await t.fail('auth.me', {}, token)).code).toBe('UNAUTHENTICATED')
  })

  it('ends sessions on sign-out and when the account is switched off', async () => {
    const t = await demoCore(10)
    await t.call('auth.signOut', {}, t.tokens.auditor)
    expect((await t.fail('auth.me', {}, t.tokens.auditor)).code).toBe('UNAUTHENTICATED')
    const users = await t.call('users.list', {}, t.tokens.admin)
    const registrar = users.find((u) => u.login === 'registrar')!
    await t.call(
      'users.update',
      { id: registrar.id, fullName: registrar.fullName, role: 'registrar', active: false },
      t.tokens.admin
    )
    expect((await t.fail('auth.me', {}, t.tokens.registrar)).code).toBe('UNAUTHENTICATED')
    expect((await t.fail('auth.signIn', { login: 'registrar', password: 'demo1234' })).message).toBe(
      'Учётная запись отключена'
    )
  })

  it('creates users with hashed passwords and refuses a taken login', async () => {
    const t = await demoCore(10)
    const user = await t.call(
      'users.create',
      { login: 'Ivanova', fullName: 'Иванова Анна Петровна', role: 'registrar', password: 'пароль-надёжный' },
      t.tokens.admin
    )
    expect(user.login).toBe('ivanova')
    expect((await t.call('auth.signIn', { login: 'ivanova', password: 'пароль-надёжный' })).user.role).toBe(
      'registrar'
    )
    expect(
      (
        await t.fail(
          'users.create',
          { login: 'ivanova', fullName: 'Другая', role: 'auditor', password: 'другой-пароль-1' },
          t.tokens.admin
        )
      ).code
    ).toBe('CONFLICT')
    expect(
      (
        await t.fail(
          'users.create',
          { login: 'x', fullName: 'Короткий', role: 'auditor', password: '123' },
          t.tokens.admin
        )
      ).message
    ).toMatch(/Логин/)
  })
})

describe('sign-in safety', () => {
  it('locks an account for 15 minutes after five wrong passwords, even for the right one', async () => {
    const t = await demoCore(10)
    for (let i = 0; i < 5; i++)
      expect((await t.fail('auth.signIn', { login: 'senior', password: `wrong-${i}` })).code).toBe(
        'BAD_CREDENTIALS'
      )
    const locked = await t.fail('auth.signIn', { login: 'senior', password: 'demo1234' })
    expect(locked.code).toBe('ACCOUNT_LOCKED')
    expect(locked.message).toMatch(/заблокирован до \d\d:\d\d/)
    t.clock.advance(16 * 60_000)
    expect((await t.call('auth.signIn', { login: 'senior', password: 'demo1234' })).user.login).toBe('senior')
  })

  it('refuses common passwords and passwords that contain the login', async () => {
    const t = await demoCore(10)
    const make = (login: string, password: string) =>
      t.fail(
        'users.create',
        { login, fullName: 'Новая Сотрудница', role: 'registrar', password },
        t.tokens.admin
      )
    expect((await make('petrova', '12345678')).message).toMatch(/распространён/)
    expect((await make('petrova', 'petrova2026')).message).toBe('Пароль не должен содержать логин')
    expect((await make('petrova', 'аааааааааа')).message).toMatch(/повторяющегося/)
    const users = await t.call('users.list', {}, t.tokens.admin)
    const registrar = users.find((u) => u.login === 'registrar')!
    expect(
      (await t.fail('users.resetPassword', { id: registrar.id, password: 'qwertyuiop' }, t.tokens.admin)).code
    ).toBe('VALIDATION')
  })

  it('ends the user’s sessions when an administrator resets the password', async () => {
    const t = await demoCore(10)
    const users = await t.call('users.list', {}, t.tokens.admin)
    const registrar = users.find((u) => u.login === 'registrar')!
    await t.call('users.resetPassword', { id: registrar.id, password: 'Новый-пароль-2026' }, t.tokens.admin)
    expect((await t.fail('auth.me', {}, t.tokens.registrar)).code).toBe('UNAUTHENTICATED')
  })
})
