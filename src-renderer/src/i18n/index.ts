// Russian is the only language shown; vue-i18n keeps the words out of the components and handles plurals.
import { createI18n } from 'vue-i18n'
import { ru } from './ru'

/** Russian plural forms: 1, 21 → form 0; 2–4, 22–24 → form 1; 0, 5–20, 25… → form 2. */
export function russianPlural(choice: number, choicesLength: number): number {
  const n = Math.abs(choice) % 100
  const last = n % 10
  if (choicesLength < 3) return choice === 1 ? 0 : 1
  if (n > 10 && n < 20) return 2
  if (last === 1) return 0
  if (last >= 2 && last <= 4) return 1
  return 2
}

export const i18n = createI18n({
  legacy: false,
  locale: 'ru',
  fallbackLocale: 'ru',
  messages: { ru },
  pluralRules: { ru: russianPlural },
  missingWarn: import.meta.env.DEV,
  fallbackWarn: false
})
