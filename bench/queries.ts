// What registrars type, drawn from the clinic itself: identifiers of real cards, surname prefixes with and without
// the start of a first name, and surnames with one typo (a letter changed, dropped, doubled or two letters swapped).
import type Database from 'better-sqlite3-multiple-ciphers'
import { seededRandom, type Random } from '../src-main/core/demo/random'

export interface PatientKey {
  id: string
  snils: string
  enp: string
  searchText: string
}

export function samplePatients(sqlite: Database.Database, count: number, seed: number): PatientKey[] {
  const max = sqlite.prepare('SELECT max(rowid) FROM patients').pluck().get() as number
  const stmt = sqlite.prepare(
    'SELECT id, snils, enp, search_text AS searchText FROM patients WHERE rowid >= ? AND snils IS NOT NULL LIMIT 1'
  )
  const rnd = seededRandom(seed)
  const out: PatientKey[] = []
  while (out.length < count) {
    const row = stmt.get(rnd.int(1, max)) as PatientKey | undefined
    if (row) out.push(row)
  }
  return out
}

const LETTERS = 'абвгдежзийклмнопрстуфхцчшщыэюя'

function typo(word: string, rnd: Random): string {
  // Not the first letter: people rarely get it wrong, and the search does not promise to forgive it.
  const at = rnd.int(1, word.length - 2)
  switch (rnd.int(0, 3)) {
    case 0: {
      let letter = word[at]
      while (letter === word[at]) letter = LETTERS[rnd.int(0, LETTERS.length - 1)]
      return word.slice(0, at) + letter + word.slice(at + 1)
    }
    case 1:
      return word.slice(0, at) + word.slice(at + 1)
    case 2:
      return word.slice(0, at) + word[at] + word.slice(at)
    default:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
  }
}

/** "иван", "ивано ал", "смирнова": a surname's start, sometimes with the start of the first name. */
export function prefixQueries(people: readonly PatientKey[], seed: number): string[] {
  const rnd = seededRandom(seed)
  return people.map((p) => {
    const [surname, first] = p.searchText.split(' ')
    const head = surname.slice(0, rnd.int(Math.min(3, surname.length), surname.length))
    return first && rnd.chance(0.5) ? `${head} ${first.slice(0, rnd.int(2, 4))}` : head
  })
}

/** A whole surname with one typo, half the time followed by the first name's start. */
export function typoQueries(people: readonly PatientKey[], seed: number): string[] {
  const rnd = seededRandom(seed)
  return people
    .filter((p) => p.searchText.split(' ')[0].length >= 5)
    .map((p) => {
      const [surname, first] = p.searchText.split(' ')
      const wrong = typo(surname, rnd)
      return first && rnd.chance(0.5) ? `${wrong} ${first.slice(0, rnd.int(2, 4))}` : wrong
    })
}
