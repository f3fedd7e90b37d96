// The one table: a row per measure with our figure, the comparison taken in the same run, their ratio and the goal.

export interface Row {
  what: string
  /** Our figure, already formatted: '0.21 / 0.48 ms' (median / p99) or '95 pages/s'. */
  ours: string
  /** What we are compared with and its figure: 'raw PK lookup 0.05 ms'; '—' when the goal is absolute. */
  comparison: string
  /** '4.2×' or '—'. */
  ratio: string
  goal: string
  met: boolean
}

export const ms = (value: number) =>
  value >= 100 ? `${value.toFixed(0)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`

/** A clinic's size as the rows name it: 10k, 100k, 1M. */
export const label = (patients: number) =>
  patients >= 1_000_000 ? `${patients / 1_000_000}M` : `${Math.round(patients / 1000)}k`

export const medianP99 = (s: { median: number; p99: number }) => `${ms(s.median)} / ${ms(s.p99)}`

export const times = (ratio: number) => (ratio >= 10 ? `${ratio.toFixed(0)}×` : `${ratio.toFixed(2)}×`)

const cell = (text: string) => text.replace(/\|/g, '\\|')

export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| Measure | Ours: median / p99 | Comparison, same run | Ratio | Goal | Met |',
    '| --- | --- | --- | --- | --- | :-: |'
  ]
  for (const r of rows)
    lines.push(
      `| ${[r.what, r.ours, r.comparison, r.ratio, r.goal, r.met ? '✓' : '✗'].map(cell).join(' | ')} |`
    )
  return lines.join('\n')
}
