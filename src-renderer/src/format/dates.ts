// Dates cross the contract as ISO strings; the desk reads them the Russian way (calendar dates as text: see
// contract/dates.ts).
export { ruDate as formatDate } from '@contract/dates'

const dateTime = new Intl.DateTimeFormat('ru-RU', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit'
})

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d)
}

const longDate = new Intl.DateTimeFormat('ru-RU', {
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric'
})

export function formatLongDate(d: Date): string {
  return longDate.format(d)
}

/** Today on this computer's clock as YYYY-MM-DD (local, not UTC: at 01:00 in Москва it is already tomorrow). */
export function localIsoDate(d: Date = new Date()): string {
  const y = d.getFullYear()
  const m = String(d.getMonth() + 1).padStart(2, '0')
  const day = String(d.getDate()).padStart(2, '0')
  return `${y}-${m}-${day}`
}

export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number)
  // 29 February minus a year is 28 February, not 1 March.
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate()
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

export function formatRub(kopecks: number): string {
  return new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB' }).format(kopecks / 100)
}
