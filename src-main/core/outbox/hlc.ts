// Hybrid logical clock: wall time when clocks behave, a counter when they don't, so that a desk's own changes are
// strictly ordered even if its clock jumps back. The server's sequence, not this clock, orders desks against each other.
export interface HlcTimestamp {
  ms: number
  counter: number
}

export interface Hlc {
  next(): string
  /** Merge a timestamp seen from elsewhere (a pulled change) so that later local ones sort after it. */
  observe(encoded: string): void
}

export function encodeHlc(t: HlcTimestamp, node: string): string {
  return `${t.ms.toString().padStart(15, '0')}:${t.counter.toString(36).padStart(5, '0')}:${node}`
}

export function decodeHlc(encoded: string): HlcTimestamp & { node: string } {
  const [ms, counter, node] = encoded.split(':')
  if (!ms || !counter || node === undefined) throw new Error(`Некорректная метка времени HLC: ${encoded}`)
  return { ms: Number(ms), counter: parseInt(counter, 36), node }
}

export function createHlc(node: () => string, wallClock: () => number, last?: string): Hlc {
  let state: HlcTimestamp = last ? decodeHlc(last) : { ms: 0, counter: 0 }
  return {
    next() {
      const wall = wallClock()
      state = wall > state.ms ? { ms: wall, counter: 0 } : { ms: state.ms, counter: state.counter + 1 }
      return encodeHlc(state, node())
    },
    observe(encoded) {
      const seen = decodeHlc(encoded)
      const wall = wallClock()
      const ms = Math.max(wall, state.ms, seen.ms)
      let counter = 0
      if (ms === state.ms && ms === seen.ms) counter = Math.max(state.counter, seen.counter) + 1
      else if (ms === state.ms) counter = state.counter + 1
      else if (ms === seen.ms) counter = seen.counter + 1
      state = { ms, counter }
    }
  }
}
