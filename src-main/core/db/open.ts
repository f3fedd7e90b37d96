// Opening the local store: the desk's key (a plain store from before encryption is encrypted first), pragmas that
// make a crash lose nothing acknowledged, then migrations.
import type Database from 'better-sqlite3-multiple-ciphers'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { copyFileSync, renameSync, rmSync } from 'node:fs'
import { rebuildSearchIndex } from '../patients/search-index'
import { isPlainDatabaseFile, openDatabaseFile, type KeyChoice } from './cipher'
import { encryptPlainStore, settleInterruptedEncryption } from './encrypt-in-place'
import * as schema from './schema'
import { restoreSchema } from './suspended-schema'

export type Db = BetterSQLite3Database<typeof schema>

/** What another thread needs to open the store file exactly as it is opened here. */
export interface StoreAccess {
  file: string
  key: KeyChoice
  nativeBinding?: string
}

export interface Store {
  /** The live connection; replaced (never mutated) when a backup is restored, so read it at each use. */
  readonly sqlite: Database.Database
  readonly db: Db
  readonly access: StoreAccess
  /** A consistent copy of the store in a new file, encrypted with the same key. */
  copyTo(file: string): void
  /** Opens another file of this store's kind (a backup) read-only, with the same key and native build. */
  openCopy(file: string): Database.Database
  /** Puts a proven copy in place of the store file and reopens on it. */
  replaceWith(file: string): void
  close(): void
}

export interface OpenStoreOptions {
  file: string
  migrationsDir: string
  /** The desk's key; 'unencrypted' only where a test or benchmark says so. */
  key: KeyChoice
  /** Path of a native build for the running runtime (Electron); absent means Node's own build. */
  nativeBinding?: string
}

function connect(options: OpenStoreOptions): { sqlite: Database.Database; db: Db } {
  const sqlite = openDatabaseFile(options.file, { key: options.key, nativeBinding: options.nativeBinding })
  try {
    sqlite.pragma('journal_mode = WAL')
    // FULL: a committed transaction survives power loss too, not only a crash of the process.
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    // A new desk's snapshot that stopped halfway left its indexes and search set aside: back before any use, and
    // before migrations, which expect the schema they last left.
    restoreSchema(sqlite, () => rebuildSearchIndex(sqlite))
    const db = drizzle(sqlite, { schema })
    migrate(db, { migrationsFolder: options.migrationsDir })
    return { sqlite, db }
  } catch (error) {
    sqlite.close()
    throw error
  }
}

function opensWithKey(options: OpenStoreOptions): boolean {
  try {
    const probe = openDatabaseFile(options.file, {
      key: options.key,
      nativeBinding: options.nativeBinding,
      readonly: true,
      fileMustExist: true
    })
    const ok = probe.pragma('quick_check', { simple: true }) === 'ok'
    probe.close()
    return ok
  } catch {
    return false
  }
}

export function openStore(options: OpenStoreOptions): Store {
  const { file, key, nativeBinding } = options
  if (key !== 'unencrypted') {
    settleInterruptedEncryption(file, () => opensWithKey(options), nativeBinding)
    if (isPlainDatabaseFile(file)) encryptPlainStore({ file, key, nativeBinding })
  }
  let live = connect(options)
  return {
    get sqlite() {
      return live.sqlite
    },
    get db() {
      return live.db
    },
    access: { file, key, nativeBinding },
    copyTo(target) {
      // VACUUM INTO writes a snapshot through this connection's cipher, so the copy carries the same key; the
      // online backup API cannot, because it opens the target on a connection without one.
      live.sqlite.prepare('VACUUM INTO ?').run(target)
    },
    openCopy(source) {
      return openDatabaseFile(source, { key, nativeBinding, readonly: true, fileMustExist: true })
    },
    replaceWith(source) {
      const staged = `${file}.restoring`
      const previous = `${file}.before-restore`
      copyFileSync(source, staged)
      live.sqlite.pragma('wal_checkpoint(TRUNCATE)')
      live.sqlite.close()
      // A WAL left beside the new file would be replayed onto it: the old store's sidecars go with it.
      for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
      renameSync(file, previous)
      renameSync(staged, file)
      try {
        live = connect(options)
      } catch (error) {
        rmSync(file, { force: true })
        renameSync(previous, file)
        live = connect(options)
        throw error
      }
      rmSync(previous, { force: true })
    },
    close: () => {
      if (live.sqlite.open) live.sqlite.close()
    }
  }
}
