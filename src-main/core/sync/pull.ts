// Reading the server: the log after this desk's cursor, a page at a time, each page applied together with the new
// cursor in one transaction, so that a crash between pages repeats nothing and skips nothing. A desk that starts
// from nothing (or from a restored server) first streams a snapshot, committed page by page and resumable.
import type { LogEntry } from '../../contract/sync-protocol'
import type { CoreDeps } from '../context'
import { inTransaction } from '../context'
import { leaveWal, LOAD_CACHE_KIB } from '../db/bulk-load'
import { restoreSchema, suspendSchema, type SchemaSuspension } from '../db/suspended-schema'
import { rebuildSearchIndex, searchInsertTriggers, withSearchIndexedAfter } from '../patients/search-index'
import { anyUnanswered, applyEntries, applySnapshotRecords, type SnapshotRecord } from './apply'
import { syncedTableNames } from './entities'
import { readSyncState, updateSyncState } from './state'
import { SyncClientError, type Transport } from './transport'

export interface PullReport {
  entries: number
  pages: number
  bytes: number
}

export async function pullLog(
  deps: CoreDeps,
  t: Transport,
  deviceId: string,
  maxBytes: number
): Promise<PullReport> {
  const report: PullReport = { entries: 0, pages: 0, bytes: 0 }
  let cursor = readSyncState(deps)?.cursor ?? 0
  let asked = t.log(cursor, maxBytes)
  for (;;) {
    const { page, bytes } = await asked
    if (page.entries.length > 0 && page.entries[0].seq <= cursor)
      throw new SyncClientError('BAD_RESPONSE', 'Сервер прислал уже полученные изменения')
    const last = page.entries.at(-1)?.seq ?? cursor
    const more = page.hasMore && page.entries.length > 0
    // The next page is asked for before this one is written: the server reads it while the desk writes.
    if (more) {
      asked = t.log(last, maxBytes)
      asked.catch(() => {})
    }
    inTransaction(deps, () => {
      const masks = page.entries.length > 0 && anyUnanswered(deps, page.entries[0].seq - 1)
      withSearchIndexedAfter(deps.store.sqlite, newCardsOnly(page.entries), () =>
        applyEntries(deps, page.entries, deviceId, masks)
      )
      updateSyncState(deps, { cursor: last, headSeq: Math.max(page.headSeq, last) })
    })
    cursor = last
    report.entries += page.entries.length
    report.pages++
    report.bytes += bytes
    if (!more) return report
  }
}

/**
 * A page that brings new cards and changes none of them again within the page: its cards can be indexed for search
 * after the page instead of one by one (withSearchIndexedAfter).
 */
function newCardsOnly(entries: LogEntry[]): boolean {
  const cards = entries.filter((e) => e.entity === 'patient')
  return cards.some((e) => e.op === 'insert') && new Set(cards.map((e) => e.entityId)).size === cards.length
}

export interface SnapshotReport {
  records: number
  pages: number
}

export async function downloadSnapshot(
  deps: CoreDeps,
  t: Transport,
  pageSize: number
): Promise<SnapshotReport> {
  // A snapshot writes every table's indexes in an order of their own (visits by patient, documents by visit): once
  // they outgrow the desk's page cache each such write reads and decrypts pages again, and a new desk joining a
  // large clinic slows down as they grow. A bulk load's cache and journal for the download, the desk's own back
  // after it.
  const { sqlite } = deps.store
  const cache = Number(sqlite.pragma('cache_size', { simple: true }))
  sqlite.pragma(`cache_size = -${LOAD_CACHE_KIB}`)
  const backToWal = leaveWal(sqlite)
  try {
    return await readSnapshot(deps, t, pageSize)
  } finally {
    if (sqlite.open) {
      // A download cut short leaves a desk that answers meanwhile, offline perhaps for days: its indexes and
      // search come back now, over what has arrived, and the rest of the snapshot goes in with them in place.
      restoreSchema(sqlite, () => rebuildSearchIndex(sqlite))
      sqlite.pragma(`cache_size = ${cache}`)
    }
    backToWal()
  }
}

/**
 * A desk with no patients yet, starting a snapshot from its beginning: a new desk joining the clinic. Its snapshot
 * is the whole clinic, so the synced tables' indexes and the search triggers are set aside for it and rebuilt once
 * at the end: sorting a million rows once instead of keeping a dozen B-trees and the trigram index in step row by
 * row. The unique indexes stay. A snapshot resumed after an interruption, or one taken by a desk that already has its
 * data (after a server restore), keeps everything in place.
 */
export function joinSuspension(deps: CoreDeps, after: string | null): SchemaSuspension | null {
  if (after !== null) return null
  if (deps.store.sqlite.prepare('SELECT 1 FROM patients LIMIT 1').get() !== undefined) return null
  return { indexesOf: syncedTableNames(), triggers: searchInsertTriggers, keepUnique: true }
}

async function readSnapshot(deps: CoreDeps, t: Transport, pageSize: number): Promise<SnapshotReport> {
  const report: SnapshotReport = { records: 0, pages: 0 }
  const state = readSyncState(deps)
  const { sqlite } = deps.store
  const suspension = joinSuspension(deps, state?.snapshotAfter ?? null)
  if (suspension) suspendSchema(sqlite, suspension)
  let upTo = state?.snapshotUpTo ?? null
  let batch: SnapshotRecord[] = []
  const at = deps.clock.now().toISOString()
  for await (const line of t.snapshot({ after: state?.snapshotAfter ?? null, upTo, pageSize })) {
    if (line.type === 'head') {
      upTo = line.upTo
    } else if (line.type === 'record') {
      batch.push(line)
    } else if (line.type === 'page') {
      const records = batch
      const head = upTo ?? 0
      inTransaction(deps, () => {
        const masks = anyUnanswered(deps, head)
        applySnapshotRecords(deps, records, head, at, masks)
        updateSyncState(deps, { snapshotUpTo: head, snapshotAfter: line.after })
      })
      report.records += records.length
      report.pages++
      batch = []
    } else {
      const head = upTo ?? 0
      inTransaction(deps, () => {
        // What was set aside for the download comes back in the transaction that ends it.
        restoreSchema(sqlite, () => rebuildSearchIndex(sqlite))
        updateSyncState(deps, {
          cursor: head,
          headSeq: head,
          needsSnapshot: false,
          snapshotUpTo: null,
          snapshotAfter: null
        })
      })
      return report
    }
  }
  throw new SyncClientError(
    'OFFLINE',
    'Загрузка снимка базы прервана: продолжится при следующей синхронизации'
  )
}
