// Encryption at rest: every SQLite file of the desk (the store, its backups) is opened through SQLite Multiple
// Ciphers with the desk's key. A wrong key, a key for a plain file, or a file that is not a database all surface as
// one Russian message: SQLite cannot tell them apart, and neither can the registrar.
import Database from 'better-sqlite3-multiple-ciphers'
import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, openSync, readSync } from 'node:fs'
import { AppError } from '../../contract/errors'

/** 32 random bytes as 64 lowercase hex digits; used as the SQLite Multiple Ciphers passphrase. */
export type DatabaseKey = string & { readonly __brand: 'DatabaseKey' }

/** What a caller opens a file with: the key, or an explicit choice to keep the file plain (tests, benchmarks). */
export type KeyChoice = DatabaseKey | 'unencrypted'

const KEY = /^[0-9a-f]{64}$/

export function parseDatabaseKey(text: string): DatabaseKey | null {
  const trimmed = text.trim()
  return KEY.test(trimmed) ? (trimmed as DatabaseKey) : null
}

export function newDatabaseKey(): DatabaseKey {
  return randomBytes(32).toString('hex') as DatabaseKey
}

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** A file that starts with SQLite's own header is readable by anyone: it has not been encrypted yet. */
export function isPlainDatabaseFile(file: string): boolean {
  if (!existsSync(file)) return false
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length)
    const read = readSync(fd, head, 0, head.length, 0)
    return read === head.length && head.equals(PLAIN_HEADER)
  } finally {
    closeSync(fd)
  }
}

export interface OpenFileOptions {
  key: KeyChoice
  /** Path of a native build for the running runtime (Electron); absent means Node's own build. */
  nativeBinding?: string
  readonly?: boolean
  fileMustExist?: boolean
}

export function wrongKeyError(file: string): AppError {
  return new AppError(
    'DB_KEY_WRONG',
    `Ключ базы данных не подходит: файл ${file} не открывается этим ключом. ` +
      'Верните прежний файл ключа или восстановите базу из резервной копии.'
  )
}

/**
 * Opens a database file with the key applied and proves the key fits by reading the schema. Temporary storage stays
 * in memory: SQLite Multiple Ciphers encrypts the store and its journals, not SQLite's temporary files, and those
 * hold the store's own rows (the original pages a statement may have to undo, the keys an index build sorts). Kept
 * in memory they are also cheaper: a pulled patient, whose insert fires the search triggers, went in a third faster.
 */
export function openDatabaseFile(file: string, options: OpenFileOptions): Database.Database {
  const sqlite = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  })
  try {
    const passphrase = passphraseOf(options.key)
    if (passphrase) sqlite.key(passphrase)
    sqlite.prepare('SELECT count(*) FROM sqlite_master').pluck().get()
    sqlite.pragma('temp_store = MEMORY')
    return sqlite
  } catch (error) {
    sqlite.close()
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') throw wrongKeyError(file)
    throw error
  }
}

/** Encrypts an open plain database in place (SQLite Multiple Ciphers refuses to rekey in WAL mode). */
export function encryptOpenDatabase(sqlite: Database.Database, key: DatabaseKey): void {
  sqlite.pragma('journal_mode = DELETE')
  sqlite.rekey(Buffer.from(keyText(key), 'utf8'))
}

/** The bytes SQLite Multiple Ciphers is keyed with, or null for a plain file; a backup's worker thread uses them too. */
export function passphraseOf(key: KeyChoice): Buffer | null {
  return key === 'unencrypted' ? null : Buffer.from(keyText(key), 'utf8')
}

function keyText(key: DatabaseKey): string {
  // The brand can be forged with a cast; the passphrase also goes into no SQL text, but check it anyway.
  if (!KEY.test(key)) throw new AppError('DB_KEY_UNAVAILABLE', 'Ключ базы данных повреждён')
  return key
}
