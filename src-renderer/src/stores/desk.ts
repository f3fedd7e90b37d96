// The desk: the one search box and the queue of requests due soon or overdue.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { PatientSummary, QueueItem } from '@contract/schemas'
import { BackendError, useBackend } from '../api'

export const MIN_QUERY_LENGTH = 2

export const useDeskStore = defineStore('desk', () => {
  const backend = useBackend()
  const query = ref('')
  const results = ref<PatientSummary[]>([])
  const searchedFor = ref<string | null>(null)
  const searching = ref(false)
  const searchError = ref<string | null>(null)
  const queue = ref<QueueItem[] | null>(null)
  const queueError = ref<string | null>(null)
  // Answers can come back out of order while the registrar types; only the newest question's answer counts.
  let latest = 0

  async function search(text: string): Promise<void> {
    const ask = ++latest
    const trimmed = text.trim()
    if (trimmed.replace(/[\s.-]/g, '').length < MIN_QUERY_LENGTH) {
      results.value = []
      searchedFor.value = null
      searching.value = false
      searchError.value = null
      return
    }
    searching.value = true
    try {
      const found = await backend.call('patients.search', { query: trimmed, limit: 20 })
      if (ask !== latest) return
      results.value = found
      searchedFor.value = trimmed
      searchError.value = null
    } catch (error) {
      if (ask !== latest) return
      results.value = []
      searchedFor.value = trimmed
      searchError.value = error instanceof BackendError ? error.message : String(error)
    } finally {
      if (ask === latest) searching.value = false
    }
  }

  function clearSearch(): void {
    latest++
    query.value = ''
    results.value = []
    searchedFor.value = null
    searching.value = false
    searchError.value = null
  }

  async function loadQueue(): Promise<void> {
    try {
      queue.value = await backend.call('requests.queue', { limit: 100 })
      queueError.value = null
    } catch (error) {
      queueError.value = error instanceof BackendError ? error.message : String(error)
    }
  }

  return {
    query,
    results,
    searchedFor,
    searching,
    searchError,
    queue,
    queueError,
    search,
    clearSearch,
    loadQueue
  }
})
