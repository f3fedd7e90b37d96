// How ФИО is folded for search: lower case, ё as е, single spaces. Queries fold the same way.
export function foldForSearch(text: string): string {
  // toLowerCase, not toLocaleLowerCase('ru-RU'): Unicode has no Russian-specific casing (only Turkish, Azeri and
  // Lithuanian differ), so both give the same string for every character, and the locale-aware one costs ten times
  // as much on every keystroke.
  return text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim()
}

export function fullNameOf(p: { lastName: string; firstName: string; middleName: string | null }): string {
  return [p.lastName, p.firstName, p.middleName].filter((s) => s && s.trim()).join(' ')
}

export function searchTextOf(p: { lastName: string; firstName: string; middleName: string | null }): string {
  return foldForSearch(fullNameOf(p))
}

// Three rows of the distance table, reused: the one-typo search measures thousands of surnames per keystroke, and a
// fresh table for each was most of its time.
let rows: Int32Array[] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)]

/**
 * Damerau–Levenshtein distance with adjacent transpositions, capped: the exact distance up to `cap`, `cap + 1` for
 * anything farther. Only the band of cells within `cap` of the diagonal is computed: a cell off it is farther than
 * `cap` already, and the two-typo scan measures a hundred surnames per keystroke.
 */
export function editDistance(a: string, b: string, cap = 3): number {
  const far = cap + 1
  if (Math.abs(a.length - b.length) > cap) return far
  const cols = b.length + 1
  if (rows[0].length < cols + 1)
    rows = [new Int32Array(cols * 2), new Int32Array(cols * 2), new Int32Array(cols * 2)]
  // prev2, prev and cur: rows i - 2, i - 1 and i of the table, each cell at most `far`.
  let [prev2, prev, cur] = rows
  for (let j = 0; j < cols; j++) prev[j] = Math.min(j, far)
  prev[cols] = far
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - cap)
    const hi = Math.min(b.length, i + cap)
    cur[0] = Math.min(i, far)
    cur[lo - 1] = lo === 1 ? cur[0] : far
    let rowMin = cur[lo - 1]
    const ai = a.charCodeAt(i - 1)
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1)
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1))
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        v = Math.min(v, prev2[j - 2] + 1)
      if (v > far) v = far
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    // The next row reads one cell past this row's band.
    cur[hi + 1] = far
    if (rowMin > cap) return far
    ;[prev2, prev, cur] = [prev, cur, prev2]
  }
  return prev[b.length]
}
