// A desk that ran before encryption has a plain store full of patients. It is encrypted where it lies, and never
// at the risk of the data: the WAL is folded in, a copy is made and proven equal, the file is rekeyed, and the
// rekeyed file must prove equal too before the plain copy goes. Any failure puts the plain original back.
import type Database from 'better-sqlite3-multiple-ciphers'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import { AppError } from '../../contract/errors'
import {
  encryptOpenDatabase,
  isPlainDatabaseFile,
  openDatabaseFile,
  type DatabaseKey,
  type KeyChoice
} from './cipher'

/** Where the plain copy waits while the store is encrypted; it must not outlive a successful encryption. */
export function plainCopyPath(file: string): string {
  return `${file}.before-encryption`
}

export interface EncryptInPlaceOptions {
  file: string
  key: DatabaseKey
  nativeBinding?: string
}

/** Rows of every table, rowids included (the full-text index points at them), as one digest per table. */
export function contentFingerprint(sqlite: Database.Database): Record<string, string> {
  const tables = sqlite
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    .all() as { name: string; sql: string | null }[]
  const out: Record<string, string> = {}
  for (const { name, sql } of tables) {
    if (/^CREATE VIRTUAL/i.test(sql ?? '')) continue
    const quoted = `"${name.replace(/"/g, '""')}"`
    const select = /WITHOUT\s+ROWID/i.test(sql ?? '')
      ? `SELECT * FROM ${quoted}`
      : `SELECT rowid AS __rowid, * FROM ${quoted} ORDER BY rowid`
    const hash = createHash('sha256')
    let rows = 0
    for (const row of sqlite.prepare(select).raw().iterate()) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))
      hash.update('\n')
      rows++
    }
    out[name] = `${rows}:${hash.digest('hex')}`
  }
  return out
}

function integrityOk(sqlite: Database.Database): boolean {
  return sqlite.pragma('integrity_check', { simple: true }) === 'ok'
}

function readProof(file: string, key: KeyChoice, nativeBinding?: string): Record<string, string> {
  const sqlite = openDatabaseFile(file, { key, nativeBinding, readonly: true, fileMustExist: true })
  try {
    if (!integrityOk(sqlite)) throw new Error('integrity_check failed')
    return contentFingerprint(sqlite)
  } finally {
    sqlite.close()
  }
}

function failed(detail: string): AppError {
  return new AppError(
    'DB_ENCRYPTION_FAILED',
    `Не удалось зашифровать базу данных (${detail}). База оставлена как была; сообщите администратору.`
  )
}

function removeSidecars(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true })
}

/** Encrypts a plain store file in place. Returns the number of tables proven equal afterwards. */
export function encryptPlainStore(options: EncryptInPlaceOptions): { tables: number } {
  const { file, key, nativeBinding } = options
  const copy = plainCopyPath(file)
  let before: Record<string, string>
  const inUse = failed('база данных открыта другой программой: закройте её и запустите снова')
  const plain = openDatabaseFile(file, { key: 'unencrypted', nativeBinding, fileMustExist: true })
  try {
    // Everything committed must be in the main file before it is copied, and no WAL may outlive the rekey. Another
    // connection (a second host on this folder) stops us here, before anything has been touched.
    const [checkpoint] = plain.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
    if (checkpoint && checkpoint.busy !== 0) throw inUse
    if (!integrityOk(plain)) throw failed('проверка целостности исходной базы не пройдена')
    before = contentFingerprint(plain)
    if (plain.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw inUse
  } catch (error) {
    const code = (error as { code?: unknown }).code
    throw code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' ? inUse : error
  } finally {
    plain.close()
  }
  removeSidecars(copy)
  copyFileSync(file, copy)
  const copied = (() => {
    try {
      return readProof(copy, 'unencrypted', nativeBinding)
    } catch (error) {
      throw failed(`копия не читается: ${(error as Error).message}`)
    }
  })()
  if (JSON.stringify(copied) !== JSON.stringify(before)) throw failed('копия не совпадает с исходной базой')

  try {
    const target = openDatabaseFile(file, { key: 'unencrypted', nativeBinding, fileMustExist: true })
    try {
      encryptOpenDatabase(target, key)
    } finally {
      target.close()
    }
    const after = readProof(file, key, nativeBinding)
    if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error('содержимое изменилось')
  } catch (error) {
    removeSidecars(file)
    renameSync(copy, file)
    throw failed(error instanceof AppError ? error.message : (error as Error).message)
  }
  rmSync(copy, { force: true })
  removeSidecars(copy)
  return { tables: Object.keys(before).length }
}

/**
 * A plain copy left by an encryption that was cut off (power loss). If the store is still plain the encryption
 * simply starts again; if it opens with the key it was encrypted and the copy only leaks data; only a store that
 * opens neither way is replaced by the copy, and only by a copy that proves whole.
 */
export function settleInterruptedEncryption(
  file: string,
  storeOpensWithKey: () => boolean,
  nativeBinding?: string
): void {
  const copy = plainCopyPath(file)
  if (!existsSync(copy)) return
  if (!existsSync(file) || (!isPlainDatabaseFile(file) && !storeOpensWithKey())) {
    try {
      readProof(copy, 'unencrypted', nativeBinding)
    } catch {
      return
    }
    removeSidecars(file)
    renameSync(copy, file)
    return
  }
  rmSync(copy, { force: true })
  removeSidecars(copy)
}
