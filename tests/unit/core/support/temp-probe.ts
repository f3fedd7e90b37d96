// Run as its own process with SQLITE_TMPDIR set (SQLite reads it once, when it starts): opens an encrypted store as
// the desk does, sorts more rows than its page cache holds, and prints how many files under that directory SQLite
// held open while it read the sorted rows back.
import { readdirSync, readlinkSync } from 'node:fs'
import { openDatabaseFile, parseDatabaseKey } from '../../../../src-main/core/db/cipher'

const [file, keyText] = process.argv.slice(2)
const tempDir = process.env.SQLITE_TMPDIR!
const db = openDatabaseFile(file, { key: parseDatabaseKey(keyText)! })
db.pragma('cache_size = 20')
db.exec('CREATE TABLE rows (text TEXT NOT NULL)')
const insert = db.prepare('INSERT INTO rows VALUES (?)')
db.transaction(() => {
  for (let i = 0; i < 20_000; i++) insert.run(`Фамилия ${(i * 7919) % 20_000} `.repeat(12))
})()
db.function('open_temp_files', { deterministic: false }, () => {
  let n = 0
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`).startsWith(tempDir)) n++
    } catch {
      // A descriptor closed while the directory was listed.
    }
  }
  return n
})
const held = db
  .prepare('SELECT max(open_temp_files()) FROM (SELECT text FROM rows ORDER BY text)')
  .pluck()
  .get()
db.close()
console.log(JSON.stringify({ held }))
