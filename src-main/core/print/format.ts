// How dates, names and identifiers read on paper: the Russian conventions a registrar and a patient expect.
import { formatSnils } from '../../contract/identifiers'
import { localDate } from '../clock'

/** '2026-11-20' → '20.11.2026'; anything else comes back as it was. */
export function ruDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso
}

/** A moment in the desk's local time: '20.11.2026 09:05'. */
export function ruDateTime(at: Date): string {
  const hh = String(at.getHours()).padStart(2, '0')
  const mm = String(at.getMinutes()).padStart(2, '0')
  return `${ruDate(localDate(at))} ${hh}:${mm}`
}

export function snilsText(snils: string | null): string {
  return snils ? formatSnils(snils) : 'не указан'
}

/** 'Смирнова Ольга Викторовна' → 'Смирнова О. В.', the way a name stands next to a signature. */
export function initials(fullName: string): string {
  const [last, ...rest] = fullName.trim().split(/\s+/)
  if (!last) return ''
  return [last, ...rest.map((p) => `${p[0]}.`)].join(' ')
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
