// Settings live in the store as keyed JSON; defaults cover a store made by an older version.
import { eq } from 'drizzle-orm'
import type { Deadlines, Settings } from '../../contract/schemas'
import { AppError } from '../../contract/errors'
import type { CoreDeps } from '../context'
import { settings, workstations } from '../db/schema'

export const defaultDeadlines: Deadlines = {
  portal: 3,
  institution: 5,
  urgent: 1,
  discrepancy: 5,
  missingDocument: 30,
  extractCeilingCalendarDays: 30
}

export const DEFAULT_IDLE_LOCK_MINUTES = 10

export function readSetting<T>(deps: Pick<CoreDeps, 'store'>, key: string): T | undefined {
  const row = deps.store.db.select().from(settings).where(eq(settings.key, key)).get()
  return row ? (row.value as T) : undefined
}

export function writeSetting(deps: Pick<CoreDeps, 'store'>, key: string, value: unknown): void {
  deps.store.db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
    .run()
}

export function isInitialized(deps: Pick<CoreDeps, 'store'>): boolean {
  return readSetting(deps, 'clinic') !== undefined
}

export function getSettings(deps: Pick<CoreDeps, 'store'>): Settings {
  const clinic = readSetting<Settings['clinic']>(deps, 'clinic')
  if (!clinic) throw new AppError('NOT_INITIALIZED', 'Клиника ещё не настроена')
  return {
    clinic,
    idleLockMinutes: readSetting<number>(deps, 'idleLockMinutes') ?? DEFAULT_IDLE_LOCK_MINUTES,
    deadlines: { ...defaultDeadlines, ...(readSetting<Partial<Deadlines>>(deps, 'deadlines') ?? {}) },
    backupEveryHours: readSetting<number>(deps, 'backupEveryHours') ?? 4,
    backupKeep: readSetting<number>(deps, 'backupKeep') ?? 14
  }
}

export function thisWorkstation(deps: Pick<CoreDeps, 'store'>) {
  return deps.store.db.select().from(workstations).where(eq(workstations.isThisDesk, true)).get() ?? null
}

export function thisWorkstationId(deps: Pick<CoreDeps, 'store'>): string {
  const ws = thisWorkstation(deps)
  if (!ws) throw new AppError('NOT_INITIALIZED', 'Рабочее место ещё не зарегистрировано')
  return ws.id
}
