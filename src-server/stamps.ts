// Field stamps as the records table keeps them. In memory a record carries one stamp per field; most fields of a
// record share a handful of stamps (every field of an insert has the same one), and writing that stamp again for
// each field made a card's stamps three times the size of its data, which PostgreSQL then had to parse on every
// push. Stored packed: the distinct stamps once, and each field the index of its own.
import type { Stamp } from '../src-main/core/sync/merge'

export interface PackedStamps {
  v: 2
  /** Distinct stamps as [hlc, seq, device]. */
  k: [string, number, string][]
  /** Field → index into k. */
  f: Record<string, number>
}

export function packStamps(stamps: Record<string, Stamp>): PackedStamps {
  const k: PackedStamps['k'] = []
  const index = new Map<Stamp, number>()
  const byValue = new Map<string, number>()
  const f: Record<string, number> = {}
  for (const [field, stamp] of Object.entries(stamps)) {
    let i = index.get(stamp)
    if (i === undefined) {
      const value = `${stamp.h}\u0000${stamp.s}\u0000${stamp.d}`
      i = byValue.get(value)
      if (i === undefined) {
        i = k.length
        k.push([stamp.h, stamp.s, stamp.d])
        byValue.set(value, i)
      }
      index.set(stamp, i)
    }
    f[field] = i
  }
  return { v: 2, k, f }
}

/** Either form: records written before stamps were packed keep one object per field until they next change. */
export function unpackStamps(stored: unknown): Record<string, Stamp> {
  const packed = stored as Partial<PackedStamps> | null
  if (!packed || packed.v !== 2 || !Array.isArray(packed.k) || typeof packed.f !== 'object') {
    return (stored ?? {}) as Record<string, Stamp>
  }
  const stamps = packed.k.map(([h, s, d]) => ({ h, s, d }))
  const out: Record<string, Stamp> = {}
  for (const [field, i] of Object.entries(packed.f!)) out[field] = stamps[i]
  return out
}
