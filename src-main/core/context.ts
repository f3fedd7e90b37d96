// What every service receives: the store, the clock, the calendar, this desk. No module keeps its own globals.
import type { Role } from '../contract/schemas'
import type { ProductionCalendar } from './calendar/production-calendar'
import type { Clock } from './clock'
import type { Store } from './db/open'
import type { Hlc } from './outbox/hlc'
import type { CommandRunner } from './printing/command-runner'
import type { KeyVault } from './qr/keys'

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

export const silentLogger: Logger = { info: () => {}, error: () => {} }

export interface CoreDeps {
  store: Store
  clock: Clock
  calendar: ProductionCalendar
  resourcesDir: string
  logger: Logger
  hlc: Hlc
  /** Where private keys live: owner-only files for the browser host, the OS key store under Electron. */
  vault: KeyVault
  backupDir: string
  defaultWorkstationName?: string
  /** scrypt cost; lowered only by tests. */
  passwordCost?: number
  /** lpstat/lp and the OS they run on; default: the real commands on this computer. */
  printing?: { runner?: CommandRunner; platform?: NodeJS.Platform }
}

export interface Actor {
  userId: string
  fullName: string
  role: Role
  workstationId: string
}

/** Runs fn in one SQLite transaction: the change, its audit event and its outbox row commit together or not at all. */
export function inTransaction<T>(deps: CoreDeps, fn: () => T): T {
  return deps.store.sqlite.transaction(fn)()
}

export function nowIso(deps: CoreDeps): string {
  return deps.clock.now().toISOString()
}
