// The desk's sync bookkeeping: one row in sync_state, and the desk's secret in the key vault (never in the store).
import { eq, isNull, sql } from 'drizzle-orm'
import type { CoreDeps } from '../context'
import { outbox, syncState, syncTasks } from '../db/schema'

export type SyncStateRow = typeof syncState.$inferSelect

const TOKEN_KEY = 'sync-desk-token'

export function readSyncState(deps: Pick<CoreDeps, 'store'>): SyncStateRow | undefined {
  return deps.store.db.select().from(syncState).where(eq(syncState.id, 1)).get()
}

export function updateSyncState(
  deps: Pick<CoreDeps, 'store'>,
  fields: Partial<Omit<SyncStateRow, 'id'>>
): void {
  deps.store.db.update(syncState).set(fields).where(eq(syncState.id, 1)).run()
}

/** Whether this desk is connected and the baseline it queues on connecting has not reached its end yet. */
export function baselinePending(deps: Pick<CoreDeps, 'store'>): boolean {
  return baselineUnderWay(readSyncState(deps))
}

/** baselinePending, for a caller that has read the sync state already. */
export function baselineUnderWay(state: SyncStateRow | undefined): boolean {
  return !!state && !state.baselineDone
}

export function readDeskToken(deps: Pick<CoreDeps, 'vault'>): string | null {
  return deps.vault.read(TOKEN_KEY)?.toString('utf8') ?? null
}

export function writeDeskToken(deps: Pick<CoreDeps, 'vault'>, token: string): void {
  deps.vault.write(TOKEN_KEY, Buffer.from(token, 'utf8'))
}

export function pendingCount(deps: Pick<CoreDeps, 'store'>): number {
  return (
    deps.store.db
      .select({ n: sql<number>`count(*)` })
      .from(outbox)
      .where(isNull(outbox.pushedAt))
      .get()?.n ?? 0
  )
}

export function openTaskCount(deps: Pick<CoreDeps, 'store'>): number {
  return (
    deps.store.db
      .select({ n: sql<number>`count(*)` })
      .from(syncTasks)
      .where(isNull(syncTasks.resolvedAt))
      .get()?.n ?? 0
  )
}
