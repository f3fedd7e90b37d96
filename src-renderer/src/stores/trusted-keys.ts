// Keys whose QR signatures the clinic believes: the portal's, other clinics', and its own.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CommandInput, CommandOutput } from '@contract/commands'
import { useBackend } from '../api'

export type TrustedKey = CommandOutput<'keys.list'>[number]

export const useTrustedKeysStore = defineStore('trustedKeys', () => {
  const backend = useBackend()
  const keys = ref<TrustedKey[] | null>(null)

  async function load(): Promise<void> {
    keys.value = await backend.call('keys.list', {})
  }

  async function add(input: CommandInput<'keys.addTrusted'>): Promise<TrustedKey> {
    const added = await backend.call('keys.addTrusted', input)
    await load()
    return added
  }

  async function revoke(keyId: string): Promise<void> {
    await backend.call('keys.revoke', { keyId })
    await load()
  }

  return { keys, load, add, revoke }
})
