// The USB scanner detector on its own: keys with times in, verdicts and released characters out.
import { describe, expect, it } from 'vitest'
import {
  BurstDetector,
  type HeldChar,
  type LineReport,
  type ScannerThresholds
} from '../../../src-renderer/src/features/scan/burst-detector'

interface Harness {
  detector: BurstDetector<string>
  released: HeldChar<string>[][]
  scans: string[]
  lines: LineReport[]
  verdicts: string[]
  /** Types text starting at `start` ms, one key every `gap` ms, into `target`; returns the time after the last key. */
  type(text: string, start: number, gap: number, target?: string, textEntry?: boolean): number
  enter(time: number): string
}

function harness(thresholds: ScannerThresholds = { minLength: 8, maxGapMs: 40 }): Harness {
  const released: HeldChar<string>[][] = []
  const scans: string[] = []
  const lines: LineReport[] = []
  const verdicts: string[] = []
  const detector = new BurstDetector<string>(() => thresholds, {
    release: (chars) => released.push(chars),
    scan: (text) => scans.push(text),
    line: (report) => lines.push(report)
  })
  const key = (k: string, time: number, target = 'search', textEntry = true): string =>
    detector.key({ key: k, time, repeat: false, withModifier: false, composing: false, target, textEntry })
  return {
    detector,
    released,
    scans,
    lines,
    verdicts,
    type(text, start, gap, target = 'search', textEntry = true) {
      let time = start
      for (const ch of text) {
        verdicts.push(key(ch, time, target, textEntry))
        time += gap
      }
      return time - gap
    },
    enter: (time) => key('Enter', time)
  }
}

describe('BurstDetector', () => {
  it('takes a fast burst ending in Enter as a scan and keeps every character from the field', () => {
    const h = harness()
    const last = h.type('7700000000001231', 1000, 6)
    expect(h.enter(last + 6)).toBe('swallow')
    expect(h.scans).toEqual(['7700000000001231'])
    expect(h.verdicts.every((v) => v === 'swallow')).toBe(true)
    expect(h.released).toEqual([])
    expect(h.lines.at(-1)).toMatchObject({ recognised: true, length: 16, longestGapMs: 6 })
  })

  it('gives slow typing back to its field in order, and lets its Enter through', () => {
    const h = harness()
    let time = 1000
    for (const ch of 'Petrov') {
      h.type(ch, time, 0)
      // The page's timer fires once the gap is past the threshold.
      h.detector.timeout(45)
      time += 150
    }
    expect(h.released.map((r) => r.map((c) => c.char).join('')).join('')).toBe('Petrov')
    expect(h.released.every((r) => r.every((c) => c.target === 'search'))).toBe(true)
    expect(h.enter(time)).toBe('pass')
    expect(h.scans).toEqual([])
    expect(h.lines.at(-1)).toMatchObject({ recognised: false, length: 6 })
  })

  it('releases a short fast burst when Enter comes, before the Enter goes on', () => {
    const h = harness()
    const last = h.type('ab', 1000, 5)
    expect(h.enter(last + 5)).toBe('pass')
    expect(h.released).toEqual([
      [
        { char: 'a', target: 'search' },
        { char: 'b', target: 'search' }
      ]
    ])
    expect(h.lines.at(-1)).toMatchObject({ recognised: false, length: 2 })
  })

  it('does not take a burst whose Enter comes late', () => {
    const h = harness()
    const last = h.type('12345678901', 1000, 5)
    expect(h.enter(last + 200)).toBe('pass')
    expect(h.scans).toEqual([])
    expect(
      h.released
        .flat()
        .map((c) => c.char)
        .join('')
    ).toBe('12345678901')
  })

  it('starts a new burst after a slow key and still finds the scan that follows a person’s typing', () => {
    const h = harness()
    h.type('x', 1000, 0)
    const last = h.type('11223344595', 1300, 8)
    expect(h.enter(last + 8)).toBe('swallow')
    expect(h.released.flat().map((c) => c.char)).toEqual(['x'])
    expect(h.scans).toEqual(['11223344595'])
  })

  it('lets Shift between capitals pass without breaking the burst', () => {
    const h = harness()
    let time = 1000
    for (const ch of 'RWS1ABCDEF') {
      if (ch >= 'A' && ch <= 'Z')
        expect(
          h.detector.key({
            key: 'Shift',
            time,
            repeat: false,
            withModifier: false,
            composing: false,
            target: 's',
            textEntry: true
          })
        ).toBe('pass')
      h.type(ch, time + 1, 0)
      time += 7
    }
    h.enter(time)
    expect(h.scans).toEqual(['RWS1ABCDEF'])
  })

  it('flushes held characters before Backspace, a shortcut or a held-down key', () => {
    const h = harness()
    h.type('ab', 1000, 5)
    const verdict = h.detector.key({
      key: 'Backspace',
      time: 1012,
      repeat: false,
      withModifier: false,
      composing: false,
      target: 'search',
      textEntry: true
    })
    expect(verdict).toBe('pass')
    expect(
      h.released
        .flat()
        .map((c) => c.char)
        .join('')
    ).toBe('ab')
    h.type('c', 1100, 0)
    h.detector.key({
      key: 'c',
      time: 1105,
      repeat: true,
      withModifier: false,
      composing: false,
      target: 'search',
      textEntry: true
    })
    expect(
      h.released
        .flat()
        .map((c) => c.char)
        .join('')
    ).toBe('abc')
  })

  it('outside text fields lets the first key pass at once (Space still presses a button)', () => {
    const h = harness()
    h.type(' ', 1000, 0, 'button', false)
    expect(h.verdicts).toEqual(['pass'])
    h.detector.timeout(100)
    expect(h.released).toEqual([])
    const last = h.type('7700000000001231', 2000, 5, 'button', false)
    expect(h.enter(last + 5)).toBe('swallow')
    expect(h.scans).toEqual(['7700000000001231'])
  })

  it('follows the thresholds it is given', () => {
    const h = harness({ minLength: 20, maxGapMs: 10 })
    let last = h.type('7700000000001231', 1000, 5)
    h.enter(last + 5)
    expect(h.scans).toEqual([])
    last = h.type('77000000000012317700', 2000, 12)
    h.enter(last + 5)
    expect(h.scans).toEqual([])
    expect(h.lines.at(-1)).toMatchObject({ recognised: false, longestGapMs: 12 })
  })

  it('gives back one or two held keys after the threshold, but waits longer for a run that looks like a scanner', () => {
    const h = harness()
    h.type('ab', 1000, 5)
    h.detector.timeout(45)
    expect(
      h.released
        .flat()
        .map((c) => c.char)
        .join('')
    ).toBe('ab')
    const last = h.type('7700', 2000, 5)
    h.detector.timeout(200)
    expect(h.released).toHaveLength(1)
    h.type('000000001231', last + 5, 5)
    expect(h.enter(last + 65)).toBe('swallow')
    expect(h.scans).toEqual(['7700000000001231'])
    h.type('7700', 5000, 5)
    h.detector.timeout(301)
    expect(h.released).toHaveLength(2)
  })

  it('keeps a burst whose keys were pressed quickly but reached the page late', () => {
    const h = harness()
    let time = 1000
    for (const ch of '7700000000001231') {
      h.type(ch, time, 0)
      // The page was busy: 30 ms pass between handling two keys, yet they were pressed 5 ms apart.
      h.detector.timeout(30)
      time += 5
    }
    expect(h.enter(time)).toBe('swallow')
    expect(h.scans).toEqual(['7700000000001231'])
    expect(h.released).toEqual([])
  })
})
