// How a patient's identifiers read on screen.
import { formatSnils } from '@contract/identifiers'

export function showSnils(snils: string | null | undefined): string {
  return snils ? formatSnils(snils) : ''
}

/** ЕНП in groups of four, the way it is printed on the policy. */
export function showEnp(enp: string | null | undefined): string {
  if (!enp) return ''
  return /^\d{16}$/.test(enp) ? enp.replace(/(\d{4})(?=\d)/g, '$1 ') : enp
}

/** Age in full years on a given day, from ISO dates. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number)
  const [ty, tm, td] = today.split('-').map(Number)
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0)
}
