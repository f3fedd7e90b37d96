// Opening the local store: pragmas that make a crash lose nothing acknowledged, then migrations.
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema>

export interface Store {
  sqlite: Database.Database
  db: Db
  close(): void
}

export interface OpenStoreOptions {
  file: string
  migrationsDir: string
  /** Path of a better_sqlite3.node built for the running runtime (Electron); absent means Node's own build. */
  nativeBinding?: string
}

export function openStore(options: OpenStoreOptions): Store {
  const sqlite = new Database(
    options.file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : undefined
  )
  sqlite.pragma('journal_mode = WAL')
  // FULL: a committed transaction survives power loss too, not only a crash of the process.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = drizzle(sqlite, { schema })
  migrate(db, { migrationsFolder: options.migrationsDir })
  return {
    sqlite,
    db,
    close: () => {
      if (sqlite.open) sqlite.close()
    }
  }
}
