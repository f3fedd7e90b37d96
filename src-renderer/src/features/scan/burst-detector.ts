// A USB scanner in keyboard mode types the code far faster than a person and ends it with Enter. This decides, key
// by key, whether typing is such a burst. It knows nothing of the DOM: the caller feeds it keys with their times
// and carries out what it asks (swallow the key, give held characters back to their field, act on a scan), which
// keeps it testable in Node.

export interface ScannerThresholds {
  /** A scan has at least this many characters before its Enter. */
  minLength: number
  /** and no gap between two keys (or before the Enter) longer than this. */
  maxGapMs: number
}

export const DEFAULT_THRESHOLDS: ScannerThresholds = { minLength: 8, maxGapMs: 40 }
export const THRESHOLD_LIMITS = {
  minLength: { min: 4, max: 64 },
  maxGapMs: { min: 5, max: 150 }
} as const

export interface KeyInput<T> {
  /** KeyboardEvent.key */
  key: string
  /** KeyboardEvent.timeStamp: when the key was pressed, not when the page got round to it. */
  time: number
  repeat: boolean
  /** Ctrl, Alt or Meta held: a shortcut, never part of a code. */
  withModifier: boolean
  composing: boolean
  /** Where the key was aimed, to give a held character back to it. */
  target: T
  /** The target takes typed text. Elsewhere a lone key passes at once (Space on a button must still press it). */
  textEntry: boolean
}

export interface HeldChar<T> {
  char: string
  target: T
}

/** A line of typing that ended with Enter, scanned or not: what the «Проверьте сканер» box shows. */
export interface LineReport {
  text: string
  length: number
  /** The longest gap between two keys of the line (and before its Enter), in ms; 0 for a single key. */
  longestGapMs: number
  recognised: boolean
}

export interface DetectorHooks<T> {
  /** Characters held back that turned out to be a person's typing: put them where they were aimed. */
  release(chars: HeldChar<T>[]): void
  scan(text: string, report: LineReport): void
  line?(report: LineReport): void
}

/** What the caller does with the key event: let it be, or stop it (preventDefault, stopPropagation). */
export type KeyVerdict = 'pass' | 'swallow'

const MODIFIER_KEYS = new Set(['Shift', 'CapsLock'])
/** Four keys each within the threshold are a scanner already: no person keeps that up past three. */
const CONFIDENT_AFTER = 4
/** How long a confident burst waits for its next key when the page is busy and keys arrive late. */
const LATE_KEY_MS = 300

function isPrintable(key: string): boolean {
  return [...key].length === 1
}

export class BurstDetector<T> {
  private held: (HeldChar<T> & { passed: boolean })[] = []
  private lastTime = 0
  private heldLongestGap = 0
  // The line since the last Enter, for the report; independent of what is held.
  private line = ''
  private lineLastTime = 0
  private lineLongestGap = 0

  constructor(
    private readonly thresholds: () => ScannerThresholds,
    private readonly hooks: DetectorHooks<T>
  ) {}

  /** Whether characters are being held back now (the caller arms a timer to call `timeout`). */
  get holding(): boolean {
    return this.held.some((h) => !h.passed)
  }

  /**
   * How long, with no key arriving, before what is held is given back as a person's typing. One or two keys: the
   * threshold itself, so a person's letters appear at once. A run that already looks like a scanner waits longer: on
   * a busy computer the scanner's next key can reach the page late (its time stamp still says when it was pressed,
   * and that is what `key` judges), and breaking a 240-character code in two would spill it into the field.
   */
  get patienceMs(): number {
    const { maxGapMs } = this.thresholds()
    return this.held.length >= CONFIDENT_AFTER ? Math.max(LATE_KEY_MS, maxGapMs) : maxGapMs
  }

  key(input: KeyInput<T>): KeyVerdict {
    const { maxGapMs, minLength } = this.thresholds()
    if (input.key === 'Enter' && !input.withModifier && !input.repeat) {
      const report = this.endLine(input.time)
      const finalGap = input.time - this.lastTime
      if (this.held.length >= minLength && finalGap <= maxGapMs) {
        const text = this.held.map((h) => h.char).join('')
        const scanned: LineReport = {
          text,
          length: this.held.length,
          longestGapMs: Math.round(Math.max(this.heldLongestGap, finalGap)),
          recognised: true
        }
        this.held = []
        this.hooks.line?.(scanned)
        this.hooks.scan(text, scanned)
        return 'swallow'
      }
      this.flush()
      this.hooks.line?.(report)
      return 'pass'
    }
    // Shift between the characters is how a scanner types capitals: it neither breaks nor joins a burst.
    if (MODIFIER_KEYS.has(input.key)) return 'pass'
    if (!isPrintable(input.key) || input.repeat || input.withModifier || input.composing) {
      // Backspace, arrows, Tab, a shortcut, a held-down key: whatever was held goes to its field first, in order.
      this.flush()
      this.resetLine()
      return 'pass'
    }
    if (this.held.length > 0 && input.time - this.lastTime > maxGapMs) this.flush()
    this.noteLine(input.key, input.time)
    const passed = this.held.length === 0 && !input.textEntry
    this.heldLongestGap =
      this.held.length === 0 ? 0 : Math.max(this.heldLongestGap, input.time - this.lastTime)
    this.held.push({ char: input.key, target: input.target, passed })
    this.lastTime = input.time
    return passed ? 'pass' : 'swallow'
  }

  /**
   * No key has reached the page for `idleMs`: past the patience, what is held was typed by a person. Counted from
   * when the last key was handled, not from its time stamp, so keys that are late to arrive (a busy page) but were
   * pressed in one quick burst still join it when they come.
   */
  timeout(idleMs: number): void {
    if (this.held.length > 0 && idleMs > this.patienceMs) this.flush()
  }

  /** Give back whatever is held (the detector is being switched off, or the page is going away). */
  flush(): void {
    const back = this.held.filter((h) => !h.passed).map(({ char, target }) => ({ char, target }))
    this.held = []
    if (back.length > 0) this.hooks.release(back)
  }

  private noteLine(char: string, time: number): void {
    if (this.line.length > 0) this.lineLongestGap = Math.max(this.lineLongestGap, time - this.lineLastTime)
    this.line += char
    this.lineLastTime = time
  }

  private endLine(time: number): LineReport {
    const gap = this.line.length > 0 ? Math.max(this.lineLongestGap, time - this.lineLastTime) : 0
    const report = {
      text: this.line,
      length: [...this.line].length,
      longestGapMs: Math.round(gap),
      recognised: false
    }
    this.resetLine()
    return report
  }

  private resetLine(): void {
    this.line = ''
    this.lineLongestGap = 0
  }
}
