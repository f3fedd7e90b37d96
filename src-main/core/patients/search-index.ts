// The search's derived data — the trigram index patients_fts and the surname counts patient_surnames — is kept in
// step row by row by triggers (drizzle/0001). A bulk load suspends the insert triggers and rebuilds both at once:
// one pass over the table instead of a million trigger runs.
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
  sqlite.exec(
    `INSERT INTO patient_surnames (surname, len, n)
       SELECT ${SURNAME}, length(${SURNAME}), count(*) FROM patients GROUP BY 1`
  )
}
