// Clinic settings, reference directories and users.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CommandInput, CommandOutput } from '@contract/commands'
import type { Settings, UserView } from '@contract/schemas'
import { useBackend } from '../api'
import { useSessionStore } from './session'

export type Reference = CommandOutput<'reference.list'>

export const useSettingsStore = defineStore('settings', () => {
  const backend = useBackend()
  const settings = ref<Settings | null>(null)
  const reference = ref<Reference | null>(null)
  const users = ref<UserView[] | null>(null)

  async function loadSettings(): Promise<Settings> {
    settings.value = await backend.call('settings.get', {})
    return settings.value
  }

  /** Directories change rarely; one load per app run is enough. */
  async function loadReference(): Promise<Reference> {
    if (!reference.value) reference.value = await backend.call('reference.list', {})
    return reference.value
  }

  async function saveSettings(next: Settings): Promise<void> {
    settings.value = await backend.call('settings.update', next)
    // The idle clock of this desk follows the new setting at once, not at the next sign-in.
    useSessionStore().setIdleMinutes(settings.value.idleLockMinutes)
  }

  async function loadUsers(): Promise<void> {
    users.value = await backend.call('users.list', {})
  }

  async function createUser(input: CommandInput<'users.create'>): Promise<void> {
    await backend.call('users.create', input)
    await loadUsers()
  }

  async function updateUser(input: CommandInput<'users.update'>): Promise<void> {
    await backend.call('users.update', input)
    await loadUsers()
  }

  async function resetPassword(id: string, password: string): Promise<void> {
    await backend.call('users.resetPassword', { id, password })
  }

  return {
    settings,
    reference,
    users,
    loadSettings,
    loadReference,
    saveSettings,
    loadUsers,
    createUser,
    updateUser,
    resetPassword
  }
})
