// Where the desk's key lives. The browser host keeps it in a file only its owner may read; the Electron app keeps it
// wrapped by the operating system's key store (safeStorage), in a file beside the data. Both refuse to make a new
// key for a store that is already encrypted: that key could never open it, and the old one may yet be found.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { AppError } from '../../contract/errors'
import { isPlainDatabaseFile, newDatabaseKey, parseDatabaseKey, type DatabaseKey } from './cipher'

/** The store exists and is encrypted, so only the key it was encrypted with will do. */
export function storeNeedsItsOwnKey(storeFile: string): boolean {
  return existsSync(storeFile) && statSync(storeFile).size > 0 && !isPlainDatabaseFile(storeFile)
}

function unavailable(message: string): AppError {
  return new AppError('DB_KEY_UNAVAILABLE', message)
}

function missingKey(keyFile: string): AppError {
  return unavailable(
    `Файл ключа ${keyFile} не найден, а база данных уже зашифрована: верните прежний файл ключа. ` +
      'Новый ключ эту базу не откроет.'
  )
}

/** Writes a new owner-only file, never over an existing one, durably (a lost key loses the store). */
function writeOwnerOnly(file: string, data: Buffer | string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  const staged = `${file}.new`
  // A leftover from a cut-off run may have any mode: 'wx' after removing it creates the file owner-only.
  rmSync(staged, { force: true })
  const fd = openSync(staged, 'wx', 0o600)
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  if (existsSync(file))
    throw unavailable(`Файл ключа ${file} появился во время создания: запустите программу снова`)
  renameSync(staged, file)
}

export interface OwnerCheck {
  platform: NodeJS.Platform
  /** The running user's id (process.getuid); absent where the platform has none. */
  uid?: number
}

const thisProcess: OwnerCheck = { platform: process.platform, uid: process.getuid?.() }

/** Why a key file may not be used, or null: on POSIX it must be a regular file of ours that no one else can read. */
export function keyFileRefusal(keyFile: string, owner: OwnerCheck = thisProcess): string | null {
  const st = statSync(keyFile)
  if (!st.isFile()) return `Файл ключа ${keyFile} не является обычным файлом.`
  // Windows has no POSIX mode bits: access there is the data folder's ACL, inherited from the user's profile.
  if (owner.platform === 'win32') return null
  if (owner.uid !== undefined && st.uid !== owner.uid) {
    return `Файл ключа ${keyFile} принадлежит другому пользователю (uid ${st.uid}): ключ не используется.`
  }
  const mode = st.mode & 0o777
  if (mode & 0o077) {
    return (
      `Файл ключа ${keyFile} доступен не только владельцу (права ${mode.toString(8).padStart(4, '0')}): ` +
      `ключ не используется. Выполните «chmod 600 ${keyFile}» и нажмите «Повторить».`
    )
  }
  return null
}

/** The browser host's key: read from an owner-only file, or made on first run when there is no store yet. */
export function loadOrCreateKeyFile(keyFile: string, storeFile: string, owner?: OwnerCheck): DatabaseKey {
  if (!existsSync(keyFile)) {
    if (storeNeedsItsOwnKey(storeFile)) throw missingKey(keyFile)
    const key = newDatabaseKey()
    writeOwnerOnly(keyFile, `${key}\n`)
    return key
  }
  const refusal = keyFileRefusal(keyFile, owner)
  if (refusal) throw unavailable(refusal)
  const key = parseDatabaseKey(readFileSync(keyFile, 'utf8'))
  if (!key)
    throw unavailable(`Файл ключа ${keyFile} повреждён: в нём должны быть 64 шестнадцатеричные цифры.`)
  return key
}

/** The part of Electron's safeStorage the key needs; the shell passes the real one. */
export interface OsKeyStore {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(wrapped: Buffer): string
}

/** The Electron app's key: wrapped by the OS key store of the signed-in account, kept in an owner-only file. */
export function loadOrCreateWrappedKey(wrappedFile: string, storeFile: string, os: OsKeyStore): DatabaseKey {
  if (!os.isEncryptionAvailable()) {
    throw unavailable(
      'Хранилище ключей операционной системы недоступно: ключ базы данных негде хранить. ' +
        'Войдите в систему под своей учётной записью и запустите программу снова.'
    )
  }
  if (!existsSync(wrappedFile)) {
    if (storeNeedsItsOwnKey(storeFile)) throw missingKey(wrappedFile)
    const key = newDatabaseKey()
    writeOwnerOnly(wrappedFile, os.encryptString(key))
    return key
  }
  let text: string
  try {
    text = os.decryptString(readFileSync(wrappedFile))
  } catch {
    throw unavailable(
      `Ключ базы данных (${wrappedFile}) не расшифровывается хранилищем ключей этой учётной записи: ` +
        'запустите программу под той учётной записью, которая создала базу.'
    )
  }
  const key = parseDatabaseKey(text)
  if (!key) throw unavailable(`Ключ базы данных в ${wrappedFile} повреждён.`)
  return key
}

/** The key file the browser host keeps in its data folder by default, for a store of the given name there. */
export function dataFolderKey(dataDir: string, storeName = 'registrar.db'): () => DatabaseKey {
  return () => loadOrCreateKeyFile(join(dataDir, 'registrar.key'), join(dataDir, storeName))
}
