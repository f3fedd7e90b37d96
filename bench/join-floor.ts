// The least work a new desk's join can do on this machine, measured on the records it has just taken: every row of
// the synced tables as a JSON line, parsed and inserted, 2,000 rows a transaction, into a new store encrypted as the
// desk's is, with the tables and their unique indexes and nothing else (the join defers the other indexes as well).
// No network, no server, no rules: only JSON.parse, SQLite and the cipher. The join row sets its own time against it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3-multiple-ciphers'
import { getTableName } from 'drizzle-orm'
import { newDatabaseKey, openDatabaseFile } from '../src-main/core/db/cipher'
import { LOAD_CACHE_KIB } from '../src-main/core/db/bulk-load'
import { entitySpecs } from '../src-main/core/sync/entities'

const PAGE = 2000

export interface JoinFloor {
  rows: number
  ms: number
}

/** The tables a snapshot fills: every synced entity's own and its children's. */
export function syncedTables(): string[] {
  const names = Object.values(entitySpecs).flatMap((spec) => [
    ...(spec.table ? [getTableName(spec.table)] : []),
    ...spec.children.map((child) => getTableName(child.table))
  ])
  return [...new Set(names)]
}

/** The tables' CREATE TABLE and CREATE UNIQUE INDEX statements, as the desk's store has them. */
function tableSchema(source: Database.Database, tables: string[]): string[] {
  const list = tables.map(() => '?').join(', ')
  return (
    source
      .prepare(
        `SELECT sql FROM sqlite_master WHERE tbl_name IN (${list}) AND sql IS NOT NULL
           AND (type = 'table' OR sql LIKE 'CREATE UNIQUE %') ORDER BY type = 'index'`
      )
      .pluck()
      .all(...tables) as string[]
  ).filter((sql) => !sql.startsWith('CREATE VIRTUAL'))
}

/** Copies the desk's synced rows into a fresh encrypted store through JSON; times only the parse and the writes. */
export function joinFloor(source: Database.Database): JoinFloor {
  const dir = mkdtempSync(join(tmpdir(), 'registrar-bench-floor-'))
  const target = openDatabaseFile(join(dir, 'floor.db'), { key: newDatabaseKey() })
  try {
    target.pragma('journal_mode = DELETE')
    target.pragma(`cache_size = -${LOAD_CACHE_KIB}`)
    target.pragma('foreign_keys = OFF')
    const tables = syncedTables()
    for (const sql of tableSchema(source, tables)) target.exec(sql)
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
    return { rows, ms }
  } finally {
    target.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
