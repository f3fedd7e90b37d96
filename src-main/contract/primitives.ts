// The building blocks of the contract's schemas: dates, bounded text, names, СНИЛС and ЕНП, roles.
import { z } from 'zod'
import { checkEnp, checkSnils } from './identifiers'

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/

export function isRealIsoDate(value: string): boolean {
  if (!isoDatePattern.test(value)) return false
  const [y, m, d] = value.split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

export const IsoDate = z
  .string()
  .max(10)
  .refine(isRealIsoDate, { message: 'Дата должна быть настоящей датой в формате ГГГГ-ММ-ДД' })

export const IsoDateTime = z.string().max(40)

export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Не длиннее ${max} символов` })
export const requiredText = (max: number, what: string) => text(max).min(1, { message: `Укажите ${what}` })

export const namePart = (what: string) =>
  requiredText(60, what).regex(/^[А-Яа-яЁёA-Za-z][А-Яа-яЁёA-Za-z' .-]*$/, {
    message: `${what[0].toUpperCase()}${what.slice(1)}: только буквы, пробел, дефис и апостроф`
  })

/** СНИЛС in any formatting; normalised to 11 digits. Empty means "not given". */
export const SnilsInput = z
  .string()
  .max(20)
  .transform((raw, ctx) => {
    if (raw.trim() === '') return null
    const check = checkSnils(raw)
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.message })
      return z.NEVER
    }
    return check.value
  })

/** ЕНП (единый номер полиса ОМС): 16 digits with a Luhn check. */
export const EnpInput = z
  .string()
  .max(24)
  .transform((raw, ctx) => {
    if (raw.trim() === '') return null
    const check = checkEnp(raw)
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.message })
      return z.NEVER
    }
    return check.value
  })

export const Role = z.enum(['registrar', 'senior_registrar', 'admin', 'auditor'])
export type Role = z.infer<typeof Role>

export const Sex = z.enum(['M', 'F'])
export const DocKind = z.enum(['passport', 'birth_certificate', 'foreign_passport', 'other'])
