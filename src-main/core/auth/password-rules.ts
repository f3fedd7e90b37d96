// Password rules after NIST SP 800-63B: length over composition, and no password from the lists attackers try first.
import { AppError } from '../../contract/errors'

const common = new Set([
  '12345678',
  '123456789',
  '1234567890',
  '11111111',
  '00000000',
  '87654321',
  'password',
  'password1',
  'qwertyui',
  'qwerty123',
  'qwertyuiop',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'йцукенгш',
  'йцукенгшщз',
  'пароль123',
  'parol123',
  'admin123',
  'administrator',
  'registrator',
  'регистратор',
  'поликлиника',
  'iloveyou',
  'abcdefgh',
  'abc12345',
  'zaq12wsx'
])

export const MAX_FAILED_SIGN_INS = 5
export const LOCKOUT_MINUTES = 15

export function passwordProblem(password: string, login: string): string | null {
  if (password.length < 8) return 'Пароль не короче 8 символов'
  const folded = password.toLocaleLowerCase('ru-RU')
  if (common.has(folded)) return 'Этот пароль слишком распространён: придумайте другой'
  if (/^(.)\1+$/.test(password)) return 'Пароль из одного повторяющегося символа слишком прост'
  if (login && folded.includes(login.toLowerCase())) return 'Пароль не должен содержать логин'
  return null
}

export function assertPasswordAcceptable(password: string, login: string): void {
  const problem = passwordProblem(password, login)
  if (problem) throw new AppError('VALIDATION', problem)
}

/** When an account locks after this failure, or null while it may still try. */
export function lockoutAfterFailure(failuresSoFar: number, now: Date): string | null {
  return failuresSoFar + 1 >= MAX_FAILED_SIGN_INS
    ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString()
    : null
}
