// The date fields take the Russian way of writing a date (05.03.1980), typed straight from a document; the model
// holds ISO (1980-03-05). Text that is not a real date yet stays as typed, so validation can say what is wrong.
import { isRealIsoDate } from '@contract/schemas'

export const DATE_PLACEHOLDER = 'дд.мм.гггг'

export function isoFromDisplay(text: string): string {
  const trimmed = text.trim()
  if (trimmed === '') return ''
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed)
  if (m) {
    const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`
    if (isRealIsoDate(iso)) return iso
  }
  return trimmed
}

export function displayFromIso(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  return m ? `${m[3]}.${m[2]}.${m[1]}` : value
}

/** While typing forward: 05031980 → 05.03.1980, dots appear after the day and the month. */
export function withDots(text: string): string {
  if (!/^[\d.]*$/.test(text)) return text
  const digits = text.replace(/\./g, '').slice(0, 8)
  if (digits.length <= 2) return text.length > digits.length && digits.length === 2 ? `${digits}.` : digits
  if (digits.length <= 4) return `${digits.slice(0, 2)}.${digits.slice(2)}`
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4)}`
}

export function isIsoDate(value: string): boolean {
  return isRealIsoDate(value)
}
