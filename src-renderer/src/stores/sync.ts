// The desk's link to the clinic's server as the status line shows it, "sync now", connecting the desk, and the tasks
// sync leaves for a person. The status is polled while someone is signed in; the core runs the loop itself.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CommandInput } from '@contract/commands'
import type { SyncStatus, SyncTask } from '@contract/sync-commands'
import { useBackend } from '../api'

/** Often enough that a change made a moment ago shows as waiting, rarely enough to cost nothing. */
export const SYNC_POLL_MS = 4_000

export const useSyncStore = defineStore('sync', () => {
  const backend = useBackend()
  const status = ref<SyncStatus | null>(null)
  const tasks = ref<SyncTask[]>([])
  const syncing = ref(false)
  /** Why "sync now" itself was refused (no right, core unreachable); the loop's own failures are in status. */
  const nowError = ref<string | null>(null)

  async function refresh(): Promise<SyncStatus | null> {
    try {
      status.value = await backend.call('sync.status', {})
    } catch {
      // A locked or ended session is handled by the session store; the next poll tries again.
    }
    return status.value
  }

  async function syncNow(): Promise<void> {
    if (syncing.value) return
    syncing.value = true
    nowError.value = null
    try {
      status.value = await backend.call('sync.now', {})
    } catch (error) {
      nowError.value = error instanceof Error ? error.message : String(error)
    } finally {
      syncing.value = false
    }
  }

  async function configure(input: CommandInput<'sync.configure'>): Promise<void> {
    status.value = await backend.call('sync.configure', input)
  }

  async function loadTasks(includeResolved = false): Promise<SyncTask[]> {
    tasks.value = await backend.call('sync.tasks', { includeResolved, limit: 200 })
    return tasks.value
  }

  async function resolveTask(id: string, resolution: string): Promise<void> {
    const done = await backend.call('sync.resolveTask', { id, resolution })
    tasks.value = tasks.value.map((task) => (task.id === done.id ? done : task))
    await refresh()
  }

  function forget(): void {
    status.value = null
    tasks.value = []
    nowError.value = null
  }

  return { status, tasks, syncing, nowError, refresh, syncNow, configure, loadTasks, resolveTask, forget }
})
