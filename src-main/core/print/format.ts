// How dates, names and identifiers read on paper: the Russian conventions a registrar and a patient expect.
import { ruDate as calendarDate } from '../../contract/dates'
import { formatSnils } from '../../contract/identifiers'
import { localDate } from '../clock'

/** '2026-11-20' → '20.11.2026'; a dash on paper where there is no date. */
export function ruDate(iso: string | null | undefined): string {
  return calendarDate(iso, '—')
}

/** The desk's local date of a moment: '20.11.2026'. */
export function ruDay(at: Date): string {
  return ruDate(localDate(at))
}

/** A moment in the desk's local time: '20.11.2026 09:05'. */
export function ruDateTime(at: Date): string {
  const hh = String(at.getHours()).padStart(2, '0')
  const mm = String(at.getMinutes()).padStart(2, '0')
  return `${ruDay(at)} ${hh}:${mm}`
}

/** A recorded timestamp as it was written, in the signer's own time: '2025-03-12T10:15:00+03:00' → '12.03.2025 10:15'. */
export function ruRecordedTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso)
  return m ? `${ruDate(m[1])} ${m[2]}` : ruDate(iso)
}

export function snilsText(snils: string | null): string {
  return snils ? formatSnils(snils) : 'не указан'
}

const PERSON_NAME = /^[А-ЯЁ][а-яё'-]+(?:-[А-ЯЁ][а-яё'-]+)?(?:\s+[А-ЯЁ][а-яё'-]+){1,2}$/

/**
 * 'Смирнова Ольга Викторовна' → 'Смирнова О. В.', the way a name stands next to a signature. Anything that is not
 * a person's full name (already initials, an organisation signing with its own key) stays as it is.
 */
export function initials(fullName: string): string {
  const name = fullName.trim().replace(/\s+/g, ' ')
  if (!PERSON_NAME.test(name)) return name
  const [last, ...rest] = name.split(' ')
  return [last, ...rest.map((p) => `${p[0]}.`)].join(' ')
}

export function capitalised(text: string): string {
  return text ? text[0].toLocaleUpperCase('ru-RU') + text.slice(1) : text
}

export function plainText(value: string | null | undefined): string {
  return (value ?? '').replace(/\r\n?/g, '\n').trim()
}

export const careKindNames: Record<string, string> = {
  outpatient: 'амбулаторно',
  inpatient: 'стационарно',
  day_hospital: 'дневной стационар',
  emergency: 'скорая помощь'
}
