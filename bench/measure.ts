// Timing: every figure in the table is a median or a p99 of many runs, and every goal that compares is a ratio of
// two figures taken in the same run. Absolute times move with the load on a shared machine; ratios hold better.
import { seededRandom } from '../src-main/core/demo/random'

export interface Sample {
  /** Milliseconds, one per run. */
  times: number[]
  median: number
  p99: number
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.ceil((p / 100) * sorted.length) - 1
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]
}

export function summarise(times: number[]): Sample {
  const sorted = [...times].sort((a, b) => a - b)
  return { times, median: percentile(sorted, 50), p99: percentile(sorted, 99) }
}

export interface RunOptions {
  /** Runs made before timing starts: JIT, statement cache, SQLite page cache. */
  warmup: number
  runs: number
}

/** Times fn once per input, cycling through the inputs; warm-up runs use the inputs too. */
export function timeEach<T>(inputs: readonly T[], options: RunOptions, fn: (input: T) => unknown): Sample {
  for (let i = 0; i < options.warmup; i++) fn(inputs[i % inputs.length])
  const times: number[] = []
  for (let i = 0; i < options.runs; i++) {
    const input = inputs[i % inputs.length]
    const started = performance.now()
    fn(input)
    times.push(performance.now() - started)
  }
  return summarise(times)
}

export async function timeEachAsync<T>(
  inputs: readonly T[],
  options: RunOptions,
  fn: (input: T) => Promise<unknown>
): Promise<Sample> {
  for (let i = 0; i < options.warmup; i++) await fn(inputs[i % inputs.length])
  const times: number[] = []
  for (let i = 0; i < options.runs; i++) {
    const input = inputs[i % inputs.length]
    const started = performance.now()
    await fn(input)
    times.push(performance.now() - started)
  }
  return summarise(times)
}

/** A deterministic sample of k items: the same queries on every run and every machine. */
export function sampleOf<T>(items: readonly T[], k: number, seed = 8): T[] {
  const rnd = seededRandom(seed)
  return Array.from({ length: k }, () => rnd.pick(items))
}
