// The composition roots (browser host, Electron main) start a connected desk's loop as soon as the core opens, so the
// desk catches up before anyone signs in. A desk connected later starts its loop from sync.configure or joining.
import type { CoreDeps } from '../context'
import { syncEngineFor, type SyncEngine } from './engine'
import { readSyncState } from './state'

/** Starts the loop of a desk that is connected to a server; a desk without a server gets none. */
export function startSyncLoop(deps: CoreDeps): SyncEngine | null {
  if (!deps.store.sqlite.open || !readSyncState(deps)) return null
  const engine = syncEngineFor(deps)
  engine.start()
  return engine
}

export interface BackgroundSync {
  /** Ends the loop (whoever started it) before the core closes; a run under way finds the store closed and stops. */
  stop(): void
}

/** For a shell: starts the loop once the core is ready. A core that fails to open has no loop and says so elsewhere. */
export function startBackgroundSync(ready: Promise<CoreDeps>): BackgroundSync {
  let deps: CoreDeps | null = null
  let stopped = false
  ready
    .then((d) => {
      deps = d
      if (!stopped) startSyncLoop(d)
    })
    .catch(() => {})
  return {
    stop() {
      stopped = true
      if (deps) syncEngineFor(deps).stop()
    }
  }
}
