// Listens to every key before the page does (window, capture phase) and lets the burst detector pick out a USB
// scanner's code wherever the focus is. Characters of a possible scan are held back from the field; a person's
// characters come back to it a few tens of milliseconds later, as if typed, through the browser's own editing
// (so v-model, undo and maxlength behave as for any typing).
import { onBeforeUnmount, onMounted } from 'vue'
import {
  BurstDetector,
  type HeldChar,
  type LineReport,
  type ScannerThresholds
} from '../features/scan/burst-detector'

export interface ScannerInputOptions {
  /** Checked at every key: off on the lock screen, behind another modal dialog, or for a role that cannot scan. */
  enabled: () => boolean
  thresholds: () => ScannerThresholds
  onScan: (text: string, report: LineReport) => void
  onLine?: (report: LineReport) => void
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'email', 'url', 'password', 'number', ''])

export function isTextEntry(target: EventTarget | null): target is HTMLElement {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement) return !target.readOnly && !target.disabled
  if (target instanceof HTMLInputElement)
    return TEXT_INPUT_TYPES.has(target.type) && !target.readOnly && !target.disabled
  return false
}

// True while our own insertText runs, so that its beforeinput is not taken for someone else's edit.
let givingBack = false

/** Types text into the field it was meant for, the way a keystroke would have. */
export function typeInto(target: EventTarget | null, text: string): void {
  if (!isTextEntry(target) || !target.isConnected) return
  if (document.activeElement === target) {
    givingBack = true
    try {
      if (document.execCommand('insertText', false, text)) return
    } finally {
      givingBack = false
    }
  }
  // The focus moved on within those milliseconds (a click): put the text at that field's caret all the same.
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
    try {
      target.setRangeText(
        text,
        target.selectionStart ?? target.value.length,
        target.selectionEnd ?? target.value.length,
        'end'
      )
    } catch {
      // type=number and email have no selection API.
      target.value += text
    }
    target.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }))
  }
}

function giveBack(chars: HeldChar<EventTarget | null>[]): void {
  // Consecutive characters for the same field go in one edit.
  let i = 0
  while (i < chars.length) {
    let j = i
    while (j < chars.length && chars[j].target === chars[i].target) j++
    typeInto(
      chars[i].target,
      chars
        .slice(i, j)
        .map((c) => c.char)
        .join('')
    )
    i = j
  }
}

export function useScannerInput(options: ScannerInputOptions): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let handledAt = 0
  const detector = new BurstDetector<EventTarget | null>(options.thresholds, {
    release: giveBack,
    scan: options.onScan,
    line: (report) => options.onLine?.(report)
  })

  const onKey = (event: KeyboardEvent): void => {
    if (!options.enabled()) {
      detector.flush()
      return
    }
    const verdict = detector.key({
      key: event.key,
      time: event.timeStamp,
      repeat: event.repeat,
      withModifier: event.ctrlKey || event.altKey || event.metaKey,
      composing: event.isComposing,
      target: event.target,
      textEntry: isTextEntry(event.target)
    })
    handledAt = performance.now()
    if (verdict === 'swallow') {
      event.preventDefault()
      event.stopPropagation()
    }
    armTimer()
  }

  function armTimer(): void {
    clearTimeout(timer)
    if (!detector.holding) return
    // A little past the patience, so a key that is due is handled first.
    timer = setTimeout(() => {
      detector.timeout(performance.now() - handledAt)
      armTimer()
    }, detector.patienceMs + 5)
  }

  // Text that arrives without a key of its own (a paste, an input method, autofill) must land after what is held.
  // The browser has already placed that edit by the time this runs, so it is cancelled and redone after the held
  // characters; an edit that cannot be cancelled (composition) simply follows them.
  const onBeforeInput = (event: InputEvent): void => {
    if (givingBack || !detector.holding) return
    const text =
      event.inputType === 'insertText' || event.inputType === 'insertReplacementText'
        ? event.data
        : event.inputType.startsWith('insertFrom')
          ? (event.dataTransfer?.getData('text/plain') ?? null)
          : null
    const redo = event.cancelable && text !== null && isTextEntry(event.target)
    if (redo) event.preventDefault()
    detector.flush()
    if (redo) typeInto(event.target, text)
  }

  // Leaving the window (Alt+Tab) in the middle of typing must not eat the characters.
  const onBlur = (): void => detector.flush()

  onMounted(() => {
    window.addEventListener('keydown', onKey, { capture: true })
    window.addEventListener('beforeinput', onBeforeInput, { capture: true })
    window.addEventListener('blur', onBlur)
  })
  onBeforeUnmount(() => {
    clearTimeout(timer)
    detector.flush()
    window.removeEventListener('keydown', onKey, { capture: true })
    window.removeEventListener('beforeinput', onBeforeInput, { capture: true })
    window.removeEventListener('blur', onBlur)
  })
}
