// Whether this desk's store holds a clinic yet, and setting one up on first run.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CommandInput } from '@contract/commands'
import type { SystemStatus } from '@contract/schemas'
import { useBackend } from '../api'

export const useSystemStore = defineStore('system', () => {
  const backend = useBackend()
  const status = ref<SystemStatus | null>(null)
  /** Why the core could not be asked at start (host stopped, no launch secret): shown instead of any screen. */
  const loadError = ref<string | null>(null)

  async function load(): Promise<SystemStatus> {
    try {
      status.value = await backend.call('system.status', {})
      loadError.value = null
      return status.value
    } catch (error) {
      loadError.value = error instanceof Error ? error.message : String(error)
      throw error
    }
  }

  async function setupDemo(): Promise<void> {
    status.value = await backend.call('system.setupDemo', {})
  }

  async function setupClinic(input: CommandInput<'system.setupClinic'>): Promise<void> {
    status.value = await backend.call('system.setupClinic', input)
  }

  /** A new desk of a clinic that already has a sync server: the clinic, its users and card index come from it. */
  async function setupFromServer(input: CommandInput<'system.setupFromServer'>): Promise<void> {
    status.value = await backend.call('system.setupFromServer', input)
  }

  return { status, loadError, load, setupDemo, setupClinic, setupFromServer }
})
