// Watches the registrar's keyboard and mouse: activity restarts the idle clock (and now and then tells the core);
// silence longer than the clinic's idle time locks the desk. Timers go through the page's clock, which is what
// lets an end-to-end test fast-forward time instead of waiting.
import { onBeforeUnmount, onMounted } from 'vue'
import { useSessionStore } from '../stores/session'

const CHECK_EVERY_MS = 5_000
// 'input' too: text from an input method or a paste arrives without a keydown for each character.
const ACTIVITY_EVENTS = ['keydown', 'input', 'mousedown', 'pointermove', 'wheel', 'touchstart'] as const

export function useIdleLock(): void {
  const session = useSessionStore()
  let timer: ReturnType<typeof setInterval> | undefined
  const onActivity = (): void => session.noteActivity()

  onMounted(() => {
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { capture: true, passive: true })
    timer = setInterval(() => session.checkIdle(), CHECK_EVERY_MS)
  })

  onBeforeUnmount(() => {
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true })
    clearInterval(timer)
  })
}
