// The importer: sections in dependency order (patients, visits, documents, requests), each in batches of one
// transaction. Between batches it yields to the event loop (status polls and a cancel get through) and checks the
// cancel signal, so a cancelled import leaves whole batches only. A dry run rolls every batch back: it runs the very
// same code, so its counts and errors are the ones the real run will have.
import type { ImportCounts, ImportIssue, ImportReport } from '../../contract/import-commands'
import { AppError } from '../../contract/errors'
import { appendAudit } from '../audit/audit'
import { localDate } from '../clock'
import type { Actor, CoreDeps } from '../context'
import { inTransaction } from '../context'
import { changeRecorder } from '../outbox/outbox'
import { loadDirectories } from './directories'
import { sections, type Section } from './format'
import type { ImportSource, RawRow } from './import-source'
import { patientRecord, RowError } from './rows'
import { documentRecord, requestRecord, visitRecord } from './rows-clinical'
import { createRunContext, rejectRow, type RowOutcome, type RunContext } from './run-context'
import { importDocument } from './write-documents'
import { importPatient } from './write-patients'
import { importRequest } from './write-requests'
import { importVisit } from './write-visits'

export interface ImportProgress {
  section: Section
  rowsDone: number
  rowsTotal: number
}

export interface ImportOptions {
  dryRun: boolean
  /** Rows per transaction. */
  batchSize?: number
  signal?: AbortSignal
  onProgress?: (progress: ImportProgress) => void
  /** Names the import in its audit event. */
  importId?: string
  fileName?: string
}

/** Reports list this many errors and warnings; the totals count them all. */
const MAX_LISTED = 1000
// Each batch ends in a commit with an fsync: 2000 rows halve the import's wall time against 500 and still hand the
// event loop back (status polls, a cancel) every few tenths of a second.
const DEFAULT_BATCH = 2000

const rowNames: Record<Section, string> = {
  patients: 'Пациент',
  visits: 'Посещение',
  documents: 'Документ',
  requests: 'Заявление'
}

export function issueText(
  section: Section,
  position: number,
  sourceId: string | null,
  message: string
): string {
  return `${rowNames[section]} №${position}${sourceId !== null ? ` (МИС id ${sourceId})` : ''}: ${message}`
}

function sourceIdOf(raw: unknown): string | null {
  const id = (raw as { sourceId?: unknown } | null)?.sourceId
  return typeof id === 'string' || typeof id === 'number' ? String(id).trim() || null : null
}

function importRow(run: RunContext, section: Section, row: RawRow): RowOutcome {
  if (row.parseError) throw new RowError(row.parseError)
  switch (section) {
    case 'patients':
      return importPatient(run, row.position, patientRecord(row.raw, run.dirs, run.today))
    case 'visits':
      return importVisit(run, row.position, visitRecord(row.raw, run.dirs, run.today))
    case 'documents':
      return importDocument(run, row.position, documentRecord(row.raw, run.dirs, run.today))
    case 'requests':
      return importRequest(run, row.position, requestRecord(row.raw, run.today))
  }
}

const zero = (): ImportCounts => ({ new: 0, updated: 0, unchanged: 0, rejected: 0 })

/** Thrown at the end of a dry run's batch so that the transaction rolls back. */
class DryRunRollback extends Error {}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

export async function runImport(
  deps: CoreDeps,
  actor: Actor,
  source: ImportSource,
  options: ImportOptions
): Promise<ImportReport> {
  const started = deps.clock.now()
  const startedMs = Date.now()
  const counts = Object.fromEntries(sections.map((s) => [s, zero()])) as Record<Section, ImportCounts>
  const errors: ImportIssue[] = []
  const warnings: ImportIssue[] = []
  let errorsTotal = 0
  let warningsTotal = 0
  let current: { section: Section; position: number; sourceId: string | null } | null = null
  const run = createRunContext(
    deps,
    actor,
    source.system,
    localDate(started),
    loadDirectories(deps),
    (message) => {
      warningsTotal++
      if (current && warnings.length < MAX_LISTED)
        warnings.push({
          ...current,
          message,
          text: issueText(current.section, current.position, current.sourceId, message)
        })
    }
  )
  const rowsTotal = sections.reduce((n, s) => n + source.counts[s], 0)
  const batchSize = options.batchSize ?? DEFAULT_BATCH
  let rowsDone = 0
  let outcome: ImportReport['outcome'] = 'done'
  let failure: string | null = null

  const reject = (section: Section, row: RawRow, sourceId: string | null, message: string) => {
    counts[section].rejected++
    errorsTotal++
    if (errors.length < MAX_LISTED)
      errors.push({
        section,
        position: row.position,
        sourceId,
        message,
        text: issueText(section, row.position, sourceId, message)
      })
    rejectRow(run, section, row.position, sourceId)
  }

  const writeBatch = (section: Section, batch: RawRow[]) => {
    const outcomes: RowOutcome[] = []
    try {
      inTransaction(deps, () => {
        // A dry run never commits, so a visit may name a patient whose row an earlier batch rolled back: the
        // foreign keys are checked at commit, which for a dry run never comes.
        if (options.dryRun) deps.store.sqlite.pragma('defer_foreign_keys = ON')
        run.record = changeRecorder(deps)
        for (const row of batch) {
          const sourceId = sourceIdOf(row.raw)
          current = { section, position: row.position, sourceId }
          try {
            // A savepoint per row: a row refused halfway through its writes leaves nothing behind.
            outcomes.push(inTransaction(deps, () => importRow(run, section, row)))
          } catch (error) {
            if (!(error instanceof RowError) && !(error instanceof AppError)) throw error
            reject(section, row, sourceId, error.message)
          }
        }
        if (options.dryRun) throw new DryRunRollback()
      })
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error
    }
    // Counted once the batch is committed (or, in a dry run, fully checked): a failed batch counts nothing.
    for (const outcome of outcomes) counts[section][outcome]++
  }

  try {
    outer: for (const section of sections) {
      const rows = source.rows(section)[Symbol.iterator]()
      for (;;) {
        if (options.signal?.aborted) {
          outcome = 'cancelled'
          break outer
        }
        const batch: RawRow[] = []
        while (batch.length < batchSize) {
          const next = rows.next()
          if (next.done) break
          batch.push(next.value)
        }
        if (batch.length === 0) break
        writeBatch(section, batch)
        rowsDone += batch.length
        options.onProgress?.({ section, rowsDone, rowsTotal })
        await nextTurn()
      }
    }
  } catch (error) {
    outcome = 'failed'
    failure =
      error instanceof Error &&
      'code' in error &&
      String((error as { code: unknown }).code).startsWith('SQLITE')
        ? `Ошибка базы данных: ${error.message}. Импортированы только завершённые пакеты; повторите импорт.`
        : 'Внутренняя ошибка при импорте. Импортированы только завершённые пакеты; подробности в журнале.'
    deps.logger.error('import failed', {
      error: error instanceof Error ? (error.stack ?? error.message) : String(error)
    })
  }

  const totals = zero()
  for (const s of sections)
    for (const k of Object.keys(totals) as (keyof ImportCounts)[]) totals[k] += counts[s][k]
  const finished = deps.clock.now()
  const report: ImportReport = {
    dryRun: options.dryRun,
    outcome,
    format: source.format,
    sourceSystem: source.system,
    exportedAt: source.exportedAt,
    sections: counts,
    totals,
    rowsTotal,
    rowsDone,
    errors,
    errorsTotal,
    warnings,
    warningsTotal,
    answeredComplaints: run.answered,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: Date.now() - startedMs,
    failure
  }
  if (!options.dryRun) {
    inTransaction(deps, () =>
      appendAudit(deps, actor, {
        action: 'import.run',
        entity: 'import',
        entityId: options.importId ?? null,
        details: {
          fileName: options.fileName ?? null,
          format: source.format,
          sourceSystem: source.system,
          outcome,
          sections: counts,
          totals,
          errors: errorsTotal,
          answersComplaints: run.answered.map((a) => a.complaintNumber)
        }
      })
    )
  }
  return report
}
