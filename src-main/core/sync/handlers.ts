// Handlers of the sync commands. The shells start the loop when the core opens (autostart.ts); the first look at the
// status line also starts it, for a core opened by a tool or a test.
import { AppError } from '../../contract/errors'
import type { HandlerMap } from '../handlers'
import { actorOf } from '../handlers'
import { syncEngineFor } from './engine'
import { asAppError, configureSync, joinClinic } from './enrol'
import { readSyncState } from './state'
import { listSyncTasks, resolveSyncTask } from './tasks'

type SyncCommand =
  'sync.status' | 'sync.now' | 'sync.configure' | 'sync.tasks' | 'sync.resolveTask' | 'system.setupFromServer'

export const syncHandlers: HandlerMap<SyncCommand> = {
  'sync.status': (_input, { deps }) => {
    const engine = syncEngineFor(deps)
    if (readSyncState(deps)) engine.start()
    return engine.status()
  },
  'sync.now': async (_input, { deps }) => {
    if (!readSyncState(deps))
      throw new AppError('NOT_INITIALIZED', 'Синхронизация не настроена: обратитесь к администратору')
    const engine = syncEngineFor(deps)
    engine.start()
    await engine.syncNow()
    return engine.status()
  },
  'sync.configure': async (input, ctx) => {
    try {
      return await configureSync(ctx.deps, actorOf(ctx), input)
    } catch (error) {
      throw asAppError(error)
    }
  },
  'sync.tasks': (input, { deps }) => listSyncTasks(deps, input),
  'sync.resolveTask': (input, ctx) => resolveSyncTask(ctx.deps, actorOf(ctx), input),
  'system.setupFromServer': async (input, { deps }) => {
    try {
      return await joinClinic(deps, input)
    } catch (error) {
      throw asAppError(error)
    }
  }
}
