// Shortcuts that work on every screen once signed in: F2 search, Alt+N new patient, Alt+L lock, Esc back.
import { nextTick } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useSessionStore } from '../stores/session'
import { useShortcut } from './use-shortcut'

export const SEARCH_INPUT_ID = 'desk-search'

export function useGlobalShortcuts(): void {
  const router = useRouter()
  const route = useRoute()
  const session = useSessionStore()
  const active = (): boolean => session.session !== null && !session.locked && !route.meta.public

  useShortcut({ code: 'F2' }, async () => {
    if (!active() || !session.can('readPatients')) return
    if (route.name !== 'desk') await router.push({ name: 'desk' })
    await nextTick()
    const input = document.getElementById(SEARCH_INPUT_ID) as HTMLInputElement | null
    input?.focus()
    input?.select()
  })

  useShortcut({ code: 'KeyN', alt: true }, () => {
    if (active() && session.can('editPatients')) void router.push({ name: 'patient-new' })
  })

  useShortcut({ code: 'KeyL', alt: true }, () => {
    if (active()) void session.lock()
  })

  // Esc goes back one screen; fields and dialogs that use Esc themselves mark the event as handled first.
  useShortcut({ code: 'Escape', inFields: true }, () => {
    if (!active() || route.name === 'desk') return
    const state = window.history.state as { back?: string | null } | null
    if (state?.back) router.back()
    else void router.push({ name: 'desk' })
  })
}
