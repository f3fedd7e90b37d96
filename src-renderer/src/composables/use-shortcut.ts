// Keyboard shortcuts by physical key (KeyboardEvent.code), so Alt+N works the same with the Russian layout on,
// where the key types «т». Only keys that neither Chromium nor Electron reserve are used (not Ctrl+L/K/T/W, F1,
// F3, F5–F7, F10–F12, Alt+D/E/F).
import { onBeforeUnmount, onMounted } from 'vue'

export interface ShortcutSpec {
  /** KeyboardEvent.code, e.g. 'KeyN', 'F2', 'Escape' */
  code: string
  alt?: boolean
  /** Also when focus is in a text field (the default for Alt and F-keys; plain keys would eat typing). */
  inFields?: boolean
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

export function matches(event: KeyboardEvent, spec: ShortcutSpec): boolean {
  if (event.code !== spec.code) return false
  if (!!spec.alt !== event.altKey || event.ctrlKey || event.metaKey) return false
  const inFields = spec.inFields ?? (spec.alt || spec.code.startsWith('F'))
  return inFields || !isTextField(event.target)
}

/** A modal dialog or the lock screen owns the keyboard while it is open. */
export function keyboardIsCaptured(): boolean {
  return (
    document.querySelector('dialog[open]') !== null || document.querySelector('[data-lock-screen]') !== null
  )
}

export function useShortcut(spec: ShortcutSpec, handler: (event: KeyboardEvent) => void): void {
  const listener = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || keyboardIsCaptured() || !matches(event, spec)) return
    event.preventDefault()
    handler(event)
  }
  onMounted(() => window.addEventListener('keydown', listener))
  onBeforeUnmount(() => window.removeEventListener('keydown', listener))
}
