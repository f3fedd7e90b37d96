// Turns a schema failure into one Russian sentence a registrar can act on.
import { z } from 'zod'
import { AppError } from './errors'

z.config(z.locales.ru())

const typeNames: Record<string, string> = {
  string: 'текст',
  number: 'число',
  int: 'целое число',
  boolean: 'да или нет',
  object: 'объект',
  array: 'список',
  null: 'пустое значение',
  date: 'дата',
  bigint: 'число',
  literal: 'точное значение'
}

function typeOfInput(input: unknown): string {
  if (input === null) return typeNames.null
  if (Array.isArray(input)) return typeNames.array
  if (typeof input === 'number' && !Number.isFinite(input)) return 'не конечное число'
  return typeNames[typeof input] ?? 'другое значение'
}

// The Russian locale still names JS types in English ("ожидалось string, получено undefined"); a registrar
// should read Russian words, and a missing field should say it is missing.
z.config({
  customError: (issue) => {
    if (issue.code !== 'invalid_type') return undefined
    if (issue.input === undefined) return 'Обязательное поле не заполнено'
    return `Ожидалось ${typeNames[issue.expected] ?? 'другое значение'}, получено ${typeOfInput(issue.input)}`
  }
})

const fieldLabels: Record<string, string> = {
  lastName: 'Фамилия',
  firstName: 'Имя',
  middleName: 'Отчество',
  birthDate: 'Дата рождения',
  sex: 'Пол',
  snils: 'СНИЛС',
  enp: 'ЕНП',
  docSeries: 'Серия документа',
  docNumber: 'Номер документа',
  address: 'Адрес',
  phone: 'Телефон',
  email: 'Электронная почта',
  fullName: 'ФИО',
  relation: 'Основание',
  poaNumber: 'Номер доверенности',
  poaDate: 'Дата доверенности',
  poaValidUntil: 'Срок доверенности',
  periodFrom: 'Начало периода',
  periodTo: 'Конец периода',
  purpose: 'Цель',
  representativeId: 'Представитель',
  login: 'Логин',
  password: 'Пароль',
  role: 'Роль',
  name: 'Название',
  shortName: 'Краткое название',
  ogrn: 'ОГРН',
  regionCode: 'Регион',
  reason: 'Причина',
  query: 'Строка поиска'
}

export function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const key = [...issue.path].reverse().find((p) => typeof p === 'string' && Object.hasOwn(fieldLabels, p))
    const label = typeof key === 'string' ? fieldLabels[key] : undefined
    return label && !issue.message.startsWith(label) ? `${label}: ${issue.message}` : issue.message
  })
  const more = error.issues.length > 3 ? ` (и ещё ${error.issues.length - 3})` : ''
  return parts.join('; ') + more
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new AppError('VALIDATION', describeIssues(parsed.error))
  return parsed.data
}
