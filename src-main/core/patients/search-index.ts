// The search's derived data — the trigram index patients_fts, the surname counts patient_surnames and their
// deletions patient_surname_deletions — is kept in step row by row by triggers (drizzle/0001, 0013). A bulk load
// suspends the patients' insert triggers and rebuilds it all at once: one pass over the table instead of a million
// trigger runs.
import type Database from 'better-sqlite3-multiple-ciphers'

/** The triggers that write derived search data when a patient is inserted. */
export const searchInsertTriggers = ['patients_fts_ai', 'patient_surnames_ai'] as const

/** The surname is the folded ФИО's first word: the same expression the triggers use. */
const SURNAME = `substr(search_text, 1, instr(search_text || ' ', ' ') - 1)`

export function rebuildSearchIndex(sqlite: Database.Database): void {
  sqlite.exec(`INSERT INTO patients_fts(patients_fts) VALUES ('rebuild')`)
  // One b-tree per trigram instead of the segments a rebuild leaves behind: fewer pages read per query.
  sqlite.exec(`INSERT INTO patients_fts(patients_fts) VALUES ('optimize')`)
  sqlite.exec(`DELETE FROM patient_surnames`)
  // The surnames' deletions come back with them, one insert trigger per surname (drizzle/0013).
  sqlite.exec(`DELETE FROM patient_surname_deletions`)
  sqlite.exec(
    `INSERT INTO patient_surnames (surname, len, n)
       SELECT ${SURNAME}, length(${SURNAME}), count(*) FROM patients GROUP BY 1`
  )
}

/**
 * Runs `write` with the insert triggers set aside, then indexes the patients it inserted in two statements: the
 * trigram index and the surname counts. A new card in a pulled page went in in 33 µs instead of 55–60. The triggers
 * come back in the same transaction, which the caller holds; should it fail, SQLite puts everything back as it was.
 *
 * Only for a write that inserts patients and does not change them again: the update triggers take the old values
 * out of the index, and a card inserted meanwhile has none there. The caller says so (`insertsOnly`); without it,
 * or with the triggers already set aside (a new desk's snapshot), `write` runs with the triggers as they are.
 */
export function withSearchIndexedAfter<T>(
  sqlite: Database.Database,
  insertsOnly: boolean,
  write: () => T
): T {
  if (!insertsOnly || !sqlite.inTransaction) return write()
  const names = searchInsertTriggers.map(() => '?').join(', ')
  const triggers = sqlite
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${names})`)
    .pluck()
    .all(...searchInsertTriggers) as string[]
  if (triggers.length !== searchInsertTriggers.length) return write()
  const before = sqlite.prepare('SELECT coalesce(max(rowid), 0) FROM patients').pluck().get() as number
  for (const name of searchInsertTriggers) sqlite.exec(`DROP TRIGGER "${name}"`)
  const result = write()
  // Patients are never deleted, so every card inserted by `write` has a rowid past the largest before it.
  sqlite
    .prepare(
      'INSERT INTO patients_fts (rowid, search_text) SELECT rowid, search_text FROM patients WHERE rowid > ?'
    )
    .run(before)
  sqlite
    .prepare(
      `INSERT INTO patient_surnames (surname, len, n)
         SELECT ${SURNAME}, length(${SURNAME}), count(*) FROM patients WHERE rowid > ? GROUP BY 1
         ON CONFLICT (surname) DO UPDATE SET n = n + excluded.n`
    )
    .run(before)
  for (const sql of triggers) sqlite.exec(sql)
  return result
}
