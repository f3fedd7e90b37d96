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

/** Damerau–Levenshtein distance with adjacent transpositions, capped: enough to tell "one typo" apart. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1
  const cols = b.length + 1
  if (rows[0].length < cols)
    rows = [new Int32Array(cols * 2), new Int32Array(cols * 2), new Int32Array(cols * 2)]
  // prev2, prev and cur: rows i - 2, i - 1 and i of the table.
  let [prev2, prev, cur] = rows
  for (let j = 0; j < cols; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    let rowMin = i
    const ai = a.charCodeAt(i - 1)
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1)
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1))
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        v = Math.min(v, prev2[j - 2] + 1)
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > cap) return cap + 1
    ;[prev2, prev, cur] = [prev, cur, prev2]
  }
  return prev[b.length]
}
