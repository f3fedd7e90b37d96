// Files staged for import on this desk: received chunk by chunk, then checked and imported while the UI polls.
// Kept in memory, per core (a WeakMap keyed by the core's deps, so two cores in one process never share one): a
// staged file is a few hundred megabytes at most and is sent again if the app restarts halfway.
import { join } from 'node:path'
import { AppError } from '../../contract/errors'
import { IMPORT_MAX_CHARS, type ImportStatus } from '../../contract/import-commands'
import type { Actor, CoreDeps } from '../context'
import { uuidv7 } from '../ids'
import { loadReferenceData } from '../reference/reference-data'
import { sourceFromChunks } from './import-source'
import { runImport, type ImportProgress } from './importer'
import { FileFormatError } from './json-sections'

interface StagedImport {
  status: Omit<ImportStatus, 'progress'> & { progress: ImportProgress | null }
  userId: string
  sourceSystem: string | undefined
  chunks: string[]
  controller: AbortController | null
  running: Promise<void> | null
}

/** Files holding text at once: each may be hundreds of megabytes. */
const MAX_STAGED = 2
/** Finished imports whose reports stay readable. */
const MAX_KEPT = 20

const registries = new WeakMap<CoreDeps, Map<string, StagedImport>>()

function registry(deps: CoreDeps): Map<string, StagedImport> {
  let map = registries.get(deps)
  if (!map) registries.set(deps, (map = new Map()))
  return map
}

function busy(s: StagedImport): boolean {
  return s.status.state === 'checking' || s.status.state === 'importing'
}

/** Only the user who staged a file sees it: its errors name patients' records. */
function own(deps: CoreDeps, actor: Actor, importId: string): StagedImport {
  const staged = registry(deps).get(importId)
  if (!staged || staged.userId !== actor.userId)
    throw new AppError('NOT_FOUND', 'Загрузка файла не найдена: начните её заново')
  return staged
}

function snapshot(s: StagedImport): ImportStatus {
  return { ...s.status, progress: s.status.progress && { ...s.status.progress } }
}

export function startImport(
  deps: CoreDeps,
  actor: Actor,
  input: { fileName: string; sizeBytes: number; sourceSystem?: string }
): ImportStatus {
  const all = registry(deps)
  const holding = [...all.values()].filter((s) => s.chunks.length > 0 || s.status.state === 'receiving')
  if (holding.length >= MAX_STAGED) {
    throw new AppError(
      'CONFLICT',
      'Уже загружены два файла для импорта: завершите или отмените один из них (import.cancel)'
    )
  }
  const finished = [...all.values()].filter((s) => s.chunks.length === 0 && !busy(s))
  for (const old of finished.slice(0, Math.max(0, finished.length - MAX_KEPT + 1)))
    all.delete(old.status.importId)
  const staged: StagedImport = {
    status: {
      importId: uuidv7(deps.clock.now().getTime()),
      fileName: input.fileName,
      state: 'receiving',
      sizeBytes: input.sizeBytes,
      receivedChars: 0,
      nextChunk: 0,
      progress: null,
      dryRun: null,
      result: null,
      error: null
    },
    userId: actor.userId,
    sourceSystem: input.sourceSystem,
    chunks: [],
    controller: null,
    running: null
  }
  all.set(staged.status.importId, staged)
  return snapshot(staged)
}

export function appendChunk(
  deps: CoreDeps,
  actor: Actor,
  input: { importId: string; index: number; chunk: string; last: boolean }
): ImportStatus {
  const staged = own(deps, actor, input.importId)
  const { status } = staged
  // A retry of the chunk just taken (its answer was lost) is acknowledged, not appended twice.
  if (input.index === status.nextChunk - 1 && staged.chunks[input.index] === input.chunk)
    return snapshot(staged)
  if (status.state !== 'receiving') throw new AppError('CONFLICT', 'Файл уже получен целиком')
  if (input.index !== status.nextChunk)
    throw new AppError(
      'VALIDATION',
      `Ожидалась часть файла №${status.nextChunk + 1}, пришла №${input.index + 1}`
    )
  if (status.receivedChars + input.chunk.length > IMPORT_MAX_CHARS)
    throw new AppError('PAYLOAD_TOO_LARGE', 'Файл больше 512 млн символов: разделите выгрузку на части')
  staged.chunks.push(input.chunk)
  status.receivedChars += input.chunk.length
  status.nextChunk++
  if (input.last) status.state = 'ready'
  return snapshot(staged)
}

async function documentKindsByNsiCode(deps: CoreDeps): Promise<Map<string, string>> {
  const reference = await loadReferenceData(join(deps.resourcesDir, 'reference'))
  return new Map(reference.documentKinds.filter((k) => k.nsiCode).map((k) => [k.nsiCode as string, k.code]))
}

async function execute(deps: CoreDeps, actor: Actor, staged: StagedImport, dryRun: boolean): Promise<void> {
  const { status } = staged
  try {
    const source = sourceFromChunks(staged.chunks, {
      system: staged.sourceSystem,
      kindByNsiCode: await documentKindsByNsiCode(deps)
    })
    const report = await runImport(deps, actor, source, {
      dryRun,
      signal: staged.controller!.signal,
      importId: status.importId,
      fileName: status.fileName,
      onProgress: (p) => (status.progress = p)
    })
    if (dryRun) status.dryRun = report
    else status.result = report
    status.state =
      report.outcome === 'cancelled'
        ? 'cancelled'
        : report.outcome === 'failed'
          ? 'failed'
          : dryRun
            ? 'checked'
            : 'done'
    status.error = report.failure
    // Imported for good: the text is no longer needed, the report stays.
    if (status.state === 'done') staged.chunks = []
  } catch (error) {
    status.state = 'failed'
    if (error instanceof FileFormatError || error instanceof AppError) status.error = error.message
    else {
      deps.logger.error('import could not start', {
        error: error instanceof Error ? error.stack : String(error)
      })
      status.error = 'Внутренняя ошибка при чтении файла: подробности в журнале'
    }
  } finally {
    staged.controller = null
    staged.running = null
  }
}

export function beginRun(deps: CoreDeps, actor: Actor, importId: string, dryRun: boolean): ImportStatus {
  const staged = own(deps, actor, importId)
  const { status } = staged
  if (status.state === 'receiving')
    throw new AppError('CONFLICT', 'Файл получен не целиком: ждём его последнюю часть')
  if (busy(staged)) throw new AppError('CONFLICT', 'Проверка или импорт этого файла уже идёт')
  if (staged.chunks.length === 0)
    throw new AppError('CONFLICT', 'Файл уже импортирован: загрузите его заново')
  if ([...registry(deps).values()].some(busy))
    throw new AppError('CONFLICT', 'Сейчас идёт импорт другого файла: дождитесь его окончания')
  status.state = dryRun ? 'checking' : 'importing'
  status.progress = null
  status.error = null
  staged.controller = new AbortController()
  staged.running = execute(deps, actor, staged, dryRun)
  return snapshot(staged)
}

export function cancelImport(deps: CoreDeps, actor: Actor, importId: string): ImportStatus {
  const staged = own(deps, actor, importId)
  if (staged.controller) staged.controller.abort()
  else {
    registry(deps).delete(importId)
    staged.chunks = []
    staged.status.state = 'cancelled'
  }
  return snapshot(staged)
}

export function importStatus(deps: CoreDeps, actor: Actor, importId: string): ImportStatus {
  return snapshot(own(deps, actor, importId))
}

/** Resolves when the staged import's current run has finished: for tests and scripts, not for the UI. */
export async function settled(deps: CoreDeps, importId: string): Promise<void> {
  await registry(deps).get(importId)?.running
}
