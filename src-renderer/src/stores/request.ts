// Extract requests: taking one, and moving it through its statuses.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CommandInput } from '@contract/commands'
import type {
  ExtractRequest,
  ExtractRequestDraftInput,
  RefusalReason,
  RequestStatus
} from '@contract/schemas'
import { useBackend } from '../api'

export type ReopenTarget = CommandInput<'requests.reopen'>['to']

export const useRequestStore = defineStore('request', () => {
  const backend = useBackend()
  const current = ref<ExtractRequest | null>(null)

  async function load(id: string): Promise<ExtractRequest> {
    current.value = await backend.call('requests.get', { id })
    return current.value
  }

  async function create(draft: ExtractRequestDraftInput): Promise<ExtractRequest> {
    current.value = await backend.call('requests.create', draft)
    return current.value
  }

  async function transition(to: RequestStatus, reason?: RefusalReason, note?: string): Promise<void> {
    if (!current.value) return
    const trimmed = note?.trim()
    current.value = await backend.call('requests.transition', {
      id: current.value.id,
      to,
      reason,
      note: trimmed ? trimmed : undefined
    })
  }

  async function reopen(to: ReopenTarget, reason: string): Promise<void> {
    if (!current.value) return
    current.value = await backend.call('requests.reopen', { id: current.value.id, to, reason })
  }

  return { current, load, create, transition, reopen }
})
