// The least work a new desk's join can do on this machine, measured on the records it has just taken: every row of
// the synced tables as a JSON line, parsed and inserted, 2,000 rows a transaction, into a new store encrypted as the
// desk's is, with the tables' unique indexes in place and their other indexes built at the end, as the join does.
// No network, no server, no rules, no search index: only JSON.parse, SQLite and the cipher. The join row sets its own
// time against it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3-multiple-ciphers'
import { newDatabaseKey, openDatabaseFile } from '../src-main/core/db/cipher'
import { LOAD_CACHE_KIB } from '../src-main/core/db/bulk-load'
import { syncedTableNames } from '../src-main/core/sync/entities'

const PAGE = 2000

export interface JoinFloor {
  rows: number
  ms: number
}

/**
 * The tables' schema as the desk's store has it: CREATE TABLE with the unique indexes, which a join keeps in place,
 * and apart the other indexes, which it builds once at the end.
 */
function tableSchema(source: Database.Database, tables: string[]): { tables: string[]; indexes: string[] } {
  const list = tables.map(() => '?').join(', ')
  const all = source
    .prepare(
      `SELECT type, sql FROM sqlite_master WHERE tbl_name IN (${list}) AND type IN ('table', 'index') AND sql IS NOT NULL
         ORDER BY type = 'index'`
    )
    .all(...tables) as { type: string; sql: string }[]
  const later = (r: { type: string; sql: string }) => r.type === 'index' && !r.sql.startsWith('CREATE UNIQUE')
  return {
    tables: all.filter((r) => !later(r)).map((r) => r.sql),
    indexes: all.filter(later).map((r) => r.sql)
  }
}

/** Copies the desk's synced rows into a fresh encrypted store through JSON; times only the parse and the writes. */
export function joinFloor(source: Database.Database): JoinFloor {
  const dir = mkdtempSync(join(tmpdir(), 'registrar-bench-floor-'))
  const target = openDatabaseFile(join(dir, 'floor.db'), { key: newDatabaseKey() })
  try {
    target.pragma('journal_mode = DELETE')
    target.pragma(`cache_size = -${LOAD_CACHE_KIB}`)
    target.pragma('foreign_keys = OFF')
    const tables = syncedTableNames()
    const schema = tableSchema(source, tables)
    for (const sql of schema.tables) target.exec(sql)
    let rows = 0
    let ms = 0
    for (const table of tables) {
      const columns = source.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]
      const insert = target.prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
      )
      const write = target.transaction((lines: string[]) => {
        for (const line of lines) {
          const row = JSON.parse(line) as Record<string, unknown>
          const values = new Array<unknown>(columns.length)
          for (let i = 0; i < columns.length; i++) values[i] = row[columns[i]] ?? null
          insert.run(values)
        }
      })
      let page: string[] = []
      const flush = () => {
        const started = performance.now()
        write(page)
        ms += performance.now() - started
        rows += page.length
        page = []
      }
      for (const row of source.prepare(`SELECT * FROM "${table}"`).iterate()) {
        page.push(JSON.stringify(row))
        if (page.length === PAGE) flush()
      }
      if (page.length > 0) flush()
    }
    const started = performance.now()
    target.transaction(() => {
      for (const sql of schema.indexes) target.exec(sql)
    })()
    ms += performance.now() - started
    return { rows, ms }
  } finally {
    target.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
