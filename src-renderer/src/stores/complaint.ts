// Complaints (жалобы): filing them, the one on screen and its steps, the desk's list of open ones, their paper,
// and entering a document that arrived, which may answer one.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CommandInput, CommandOutput } from '@contract/commands'
import type { Complaint } from '@contract/complaint-commands'
import type { PrintJobView } from '@contract/print-commands'
import { BackendError, useBackend } from '../api'

export type ComplaintQueueItem = CommandOutput<'complaints.queue'>[number]
export type ComplaintStatusValue = Complaint['status']
export type ComplaintPaper = 'receipt' | 'letter'
export type ArrivedDocument = CommandOutput<'documents.register'>

export const useComplaintStore = defineStore('complaint', () => {
  const backend = useBackend()
  const current = ref<Complaint | null>(null)
  const queue = ref<ComplaintQueueItem[] | null>(null)
  const queueError = ref<string | null>(null)

  async function load(id: string): Promise<Complaint> {
    current.value = await backend.call('complaints.get', { id })
    return current.value
  }

  async function fileMissing(input: CommandInput<'complaints.fileMissing'>): Promise<Complaint> {
    current.value = await backend.call('complaints.fileMissing', input)
    return current.value
  }

  async function fileDiscrepancy(input: CommandInput<'complaints.fileDiscrepancy'>): Promise<Complaint> {
    current.value = await backend.call('complaints.fileDiscrepancy', input)
    return current.value
  }

  async function transition(to: ComplaintStatusValue, note = ''): Promise<void> {
    if (!current.value) return
    current.value = await backend.call('complaints.transition', { id: current.value.id, to, note })
  }

  /** One step: the document that arrived (or a written resolution) closes the complaint as «Решена». */
  async function resolve(documentId: string | null, resolution = ''): Promise<void> {
    if (!current.value) return
    current.value = await backend.call('complaints.resolve', { id: current.value.id, documentId, resolution })
  }

  async function markSentOnPaper(id: string): Promise<Complaint> {
    current.value = await backend.call('complaints.markSentOnPaper', { id })
    return current.value
  }

  async function loadQueue(): Promise<void> {
    try {
      queue.value = await backend.call('complaints.queue', { limit: 100 })
      queueError.value = null
    } catch (error) {
      queueError.value = error instanceof BackendError ? error.message : String(error)
    }
  }

  function preparePaper(paper: ComplaintPaper, complaintId: string, reprint: boolean): Promise<PrintJobView> {
    return paper === 'receipt'
      ? backend.call('print.complaintReceipt', { complaintId, reprint })
      : backend.call('print.complaintLetter', { complaintId, reprint })
  }

  function registerDocument(input: CommandInput<'documents.register'>): Promise<ArrivedDocument> {
    return backend.call('documents.register', input)
  }

  /** Numbers of the complaints a newly entered document answers, for the links that say so. */
  async function numbersOf(ids: string[]): Promise<{ id: string; number: string }[]> {
    const found = await Promise.all(ids.map((id) => backend.call('complaints.get', { id })))
    return found.map((c) => ({ id: c.id, number: c.number }))
  }

  return {
    current,
    queue,
    queueError,
    load,
    fileMissing,
    fileDiscrepancy,
    transition,
    resolve,
    markSentOnPaper,
    loadQueue,
    preparePaper,
    registerDocument,
    numbersOf
  }
})
