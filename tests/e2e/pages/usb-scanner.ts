import type { CDPSession, Page } from '@playwright/test'

/**
 * A USB scanner in keyboard mode, as the browser sees one: real key events (DevTools' Input.dispatchKeyEvent, the
 * path Playwright's keyboard takes too), each stamped by the "device" a few milliseconds after the last, then Enter.
 * They are sent in one go rather than with keyboard.type({ delay: 5 }): on this two-core machine under the other
 * tests' load, that type()'s gaps measured 20 ms at the median, 60 ms at p90 and 200 ms at p99 — a scanner slower
 * than a person. The page sees the device's gaps in event.timeStamp, as it would from a real scanner.
 */
export class UsbScanner {
  constructor(
    readonly page: Page,
    readonly gapMs = 5
  ) {}

  /** A code, then Enter. */
  async scan(text: string): Promise<void> {
    await this.send(text, true)
  }

  /** Keys as quick as a scanner's but no Enter: what a person's fingers manage on two or three keys at once. */
  async quickKeys(text: string): Promise<void> {
    await this.send(text, false)
  }

  private async send(text: string, enter: boolean): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page)
    try {
      const keys = [...text].map(keyOf)
      if (enter) keys.push({ key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' })
      // Stamped in the recent past, so that every key is already "pressed" when the page gets to it.
      const start = Date.now() / 1000 - (keys.length * this.gapMs) / 1000
      await Promise.all(keys.flatMap((k, i) => press(cdp, k, start + (i * this.gapMs) / 1000)))
    } finally {
      await cdp.detach()
    }
  }
}

interface Key {
  key: string
  code: string
  windowsVirtualKeyCode: number
  text: string
}

function keyOf(ch: string): Key {
  if (/^[0-9]$/.test(ch))
    return { key: ch, code: `Digit${ch}`, windowsVirtualKeyCode: ch.charCodeAt(0), text: ch }
  if (/^[A-Za-z]$/.test(ch))
    return {
      key: ch,
      code: `Key${ch.toUpperCase()}`,
      windowsVirtualKeyCode: ch.toUpperCase().charCodeAt(0),
      text: ch
    }
  // Punctuation and Cyrillic: what matters to the page is the character the key produced.
  return { key: ch, code: '', windowsVirtualKeyCode: 0, text: ch }
}

function press(cdp: CDPSession, k: Key, timestamp: number): Promise<unknown>[] {
  return [
    cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...k, unmodifiedText: k.text, timestamp }),
    cdp.send('Input.dispatchKeyEvent', {
      type: 'keyUp',
      key: k.key,
      code: k.code,
      windowsVirtualKeyCode: k.windowsVirtualKeyCode,
      timestamp: timestamp + 0.001
    })
  ]
}
