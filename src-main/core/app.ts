// The core's one entry: open the store, then dispatch contract commands. Electron's IPC and the browser host both
// call dispatch; it checks input, session, idle lock and role, runs the handler and checks its output.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { commands, isCommandName, type CommandName } from '../contract/commands'
import { AppError, type Result } from '../contract/errors'
import { describeIssues } from '../contract/validation'
import { auditHandlers } from './audit/handlers'
import { auditJournalHandlers } from './audit/journal-handlers'
import { scheduleBackups } from './backup/backup-service'
import { backupHandlers } from './backup/handlers'
import { complaintHandlers } from './complaints/handlers'
import { appendAudit } from './audit/audit'
import { authHandlers } from './auth/handlers'
import { commandAccess, may } from './auth/permissions'
import { createSessionTable, isIdleExpired, type SessionTable } from './auth/sessions'
import { CalendarError, type ProductionCalendar } from './calendar/production-calendar'
import { loadProductionCalendar } from './calendar/load-calendar'
import { systemClock, type Clock } from './clock'
import { inTransaction, silentLogger, type Actor, type CoreDeps, type Logger } from './context'
import type { DatabaseKey } from './db/cipher'
import { openStore, type Store } from './db/open'
import { untilStoreOpens } from './db/until-store-opens'
import type { CallContext, Handler, HandlerMap } from './handlers'
import { createHlc } from './outbox/hlc'
import { lastHlc } from './outbox/outbox'
import { fileKeyVault, type KeyVault } from './qr/keys'
import { importHandlers } from './import/handlers'
import { patientHandlers } from './patients/handlers'
import { printHandlers } from './print/handlers'
import { ReferenceDataError } from './reference/reference-data'
import { qrHandlers } from './qr/handlers'
import { reportHandlers } from './reports/handlers'
import { requestHandlers } from './requests/handlers'
import { settingsHandlers } from './settings/handlers'
import { getSettings, isInitialized, thisWorkstation } from './settings/settings-service'
import { systemHandlers } from './setup/handlers'
import { syncHandlers } from './sync/handlers'
import { userHandlers } from './users/handlers'
import { findUser } from './users/user-service'

const handlers: HandlerMap<CommandName> = {
  ...systemHandlers,
  ...authHandlers,
  ...patientHandlers,
  ...requestHandlers,
  ...auditHandlers,
  ...userHandlers,
  ...settingsHandlers,
  ...qrHandlers,
  ...complaintHandlers,
  ...backupHandlers,
  ...printHandlers,
  ...syncHandlers,
  ...importHandlers,
  ...reportHandlers,
  ...auditJournalHandlers
}

/** Public commands that make sense on an empty store: the first-run screen uses them. */
const usableBeforeSetup = new Set<string>([
  'system.status',
  'system.setupDemo',
  'system.setupClinic',
  'system.setupFromServer',
  'reference.list'
])

/** Asked by timers, not by a person: they must not keep an idle desk from locking. */
const notActivity = new Set<CommandName>(['auth.lock', 'sync.status'])

/** Commands a locked session may still use. */
const allowedWhileLocked = new Set<CommandName>(['auth.unlock', 'auth.signOut'])

export interface Core {
  dispatch(name: string, input: unknown, token: string | null): Promise<Result<unknown>>
  /** For tests and tools: the dependencies the handlers receive. */
  deps(): Promise<CoreDeps>
  close(): void
}

export interface OpenCoreOptions {
  dataDir: string
  resourcesDir: string
  migrationsDir: string
  nativeBinding?: string
  /** The store's key, asked for as the store opens; 'unencrypted' only where a test or benchmark says so. */
  databaseKey: (() => DatabaseKey) | 'unencrypted'
  clock?: Clock
  logger?: Logger
  passwordCost?: number
  /** Back up on the schedule in settings (default on). */
  scheduleBackups?: boolean
  /** Where backups go; defaults to dataDir/backups. */
  backupDir?: string
  /** Private key storage; defaults to owner-only files in dataDir/keys. */
  vault?: KeyVault
  /** The name this desk gets when the demo clinic is set up on it. */
  workstationName?: string
  /** The store file name inside dataDir. */
  fileName?: string
  /** How printers are reached; tests play a failing printer with their own runner. */
  printing?: CoreDeps['printing']
}

export function openCore(options: OpenCoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true })
  const logger = options.logger ?? silentLogger
  try {
    return coreOnStore(openStoreOf(options), options)
  } catch (error) {
    // A store that will not open (wrong or missing key, failed encryption) must not take the app down: every
    // command answers with the reason, the first screen shows it, and once it is put right the store opens.
    return untilStoreOpens(
      () => coreOnStore(openStoreOf(options), options),
      error,
      (reason) => {
        const failed = Promise.reject(reason instanceof Error ? reason : new Error(String(reason)))
        failed.catch(() => {})
        return createCore(failed, null, logger)
      }
    )
  }
}

function openStoreOf(options: OpenCoreOptions): Store {
  return openStore({
    file: join(options.dataDir, options.fileName ?? 'registrar.db'),
    migrationsDir: options.migrationsDir,
    key: options.databaseKey === 'unencrypted' ? 'unencrypted' : options.databaseKey(),
    nativeBinding: options.nativeBinding
  })
}

function coreOnStore(store: Store, options: OpenCoreOptions): Core {
  const clock = options.clock ?? systemClock
  const vault = options.vault ?? fileKeyVault(join(options.dataDir, 'keys'))
  const ready = loadProductionCalendar(join(options.resourcesDir, 'calendar')).then((calendar) =>
    buildDeps(store, calendar, clock, vault, options)
  )
  ready.catch(() => {})
  const stops: (() => void)[] = []
  if (options.scheduleBackups !== false) {
    void ready
      .then((deps) =>
        stops.push(
          scheduleBackups(deps, () => {
            if (!isInitialized(deps)) return null
            const { backupKeep, backupEveryHours } = getSettings(deps)
            return { keep: backupKeep, everyHours: backupEveryHours }
          })
        )
      )
      .catch(() => {})
  }
  return createCore(ready, store, options.logger ?? silentLogger, () => stops.forEach((stop) => stop()))
}

function buildDeps(
  store: Store,
  calendar: ProductionCalendar,
  clock: Clock,
  vault: KeyVault,
  options: Pick<
    OpenCoreOptions,
    'resourcesDir' | 'logger' | 'passwordCost' | 'workstationName' | 'printing' | 'backupDir' | 'dataDir'
  >
): CoreDeps {
  return {
    store,
    clock,
    calendar,
    vault,
    backupDir: options.backupDir ?? join(options.dataDir, 'backups'),
    resourcesDir: options.resourcesDir,
    logger: options.logger ?? silentLogger,
    passwordCost: options.passwordCost,
    defaultWorkstationName: options.workstationName,
    printing: options.printing,
    // The HLC node id is the desk, read when a stamp is made: setup creates the desk after the core opens.
    hlc: createHlc(
      () => thisWorkstation({ store })?.id ?? 'unenrolled',
      () => clock.now().getTime(),
      lastHlc({ store })
    )
  }
}

export function createCore(
  ready: Promise<CoreDeps>,
  store: Store | null,
  logger: Logger,
  onClose = () => {}
): Core {
  const sessions = createSessionTable()
  return {
    async dispatch(name, input, token) {
      let deps: CoreDeps
      try {
        deps = await ready
      } catch (error) {
        logger.error('core failed to start', { error: String(error) })
        return { ok: false, error: toErrorShape(error, logger) }
      }
      try {
        const value = await dispatchCommand(deps, sessions, name, input, token)
        return { ok: true, value }
      } catch (error) {
        return { ok: false, error: toErrorShape(error, logger) }
      }
    },
    deps: () => ready,
    close: () => {
      onClose()
      store?.close()
    }
  }
}

async function dispatchCommand(
  deps: CoreDeps,
  sessions: SessionTable,
  name: string,
  rawInput: unknown,
  token: string | null
): Promise<unknown> {
  if (!isCommandName(name)) throw new AppError('UNKNOWN_COMMAND', 'Неизвестная команда')
  const spec = commands[name]
  // Who is asking is settled before the input is even read: a caller without the right learns nothing from it.
  const ctx: CallContext = { deps, sessions, session: null, actor: null }
  const access = commandAccess[name]
  if (access !== 'public') {
    const session = sessions.get(typeof token === 'string' ? token : null)
    if (!session) throw new AppError('UNAUTHENTICATED', 'Сеанс завершён: войдите в систему')
    const user = findUser(deps, session.userId)
    if (!user || !user.active) {
      sessions.close(session.token)
      throw new AppError('UNAUTHENTICATED', 'Учётная запись отключена')
    }
    const nowMs = deps.clock.now().getTime()
    if (!session.locked && isIdleExpired(session, nowMs, getSettings(deps).idleLockMinutes))
      session.locked = true
    if (session.locked && !allowedWhileLocked.has(name)) {
      throw new AppError('SESSION_LOCKED', 'Сеанс заблокирован после простоя: введите пароль')
    }
    const ws = thisWorkstation(deps)
    const actor: Actor = {
      userId: user.id,
      fullName: user.fullName,
      role: user.role,
      workstationId: ws?.id ?? ''
    }
    ctx.session = session
    ctx.actor = actor
    if (access !== 'session' && !may(user.role, access)) {
      inTransaction(deps, () =>
        appendAudit(deps, actor, { action: 'access.denied', entity: 'command', entityId: name })
      )
      throw new AppError('FORBIDDEN', 'Недостаточно прав для этого действия')
    }
    if (!notActivity.has(name)) session.lastActivityMs = nowMs
  } else if (!usableBeforeSetup.has(name) && !isInitialized(deps)) {
    throw new AppError('NOT_INITIALIZED', 'Клиника ещё не настроена')
  }
  const parsed = spec.input.safeParse(rawInput ?? {})
  if (!parsed.success) throw new AppError('VALIDATION', describeIssues(parsed.error))
  const handler = handlers[name] as Handler<typeof name>
  const output = await handler(parsed.data as never, ctx)
  const checked = spec.output.safeParse(output)
  if (!checked.success) {
    deps.logger.error('output does not match the contract', {
      command: name,
      issues: describeIssues(checked.error)
    })
    throw new AppError(
      'INTERNAL',
      'Внутренняя ошибка: ответ не соответствует контракту. Сообщите администратору.'
    )
  }
  return checked.data
}

function toErrorShape(error: unknown, logger: Logger) {
  if (error instanceof AppError) return error.toShape()
  if (error instanceof CalendarError) return { code: 'VALIDATION' as const, message: error.message }
  if (error instanceof ReferenceDataError) return { code: 'INTERNAL' as const, message: error.message }
  const code = (error as { code?: unknown })?.code
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return {
      code: 'CONFLICT' as const,
      message: 'База данных занята другим рабочим местом: повторите через минуту'
    }
  }
  logger.error('unexpected error', {
    error: error instanceof Error ? (error.stack ?? error.message) : String(error)
  })
  return {
    code: 'INTERNAL' as const,
    message: 'Внутренняя ошибка. Сообщите администратору: подробности в журнале.'
  }
}
