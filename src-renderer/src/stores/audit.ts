// The auditor's journal: a page of events under the filters, the chain check, and exports for an inspection.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AuditFilter, AuditRecord } from '@contract/audit-commands'
import type { AuditVerification } from '@contract/schemas'
import type { CommandOutput } from '@contract/commands'
import { useBackend } from '../api'

export const AUDIT_PAGE = 100

export const useAuditStore = defineStore('audit', () => {
  const backend = useBackend()
  const events = ref<AuditRecord[] | null>(null)
  const total = ref(0)
  const offset = ref(0)
  const verification = ref<AuditVerification | null>(null)
  const options = ref<CommandOutput<'audit.filterOptions'> | null>(null)

  async function search(filter: AuditFilter, from = 0): Promise<void> {
    const page = await backend.call('audit.search', { filter, limit: AUDIT_PAGE, offset: from })
    events.value = page.events
    total.value = page.total
    offset.value = from
  }

  async function verify(): Promise<void> {
    verification.value = null
    verification.value = await backend.call('audit.verify', {})
  }

  async function loadOptions(): Promise<void> {
    options.value = await backend.call('audit.filterOptions', {})
  }

  /** Saves the export through the browser's own download (in Electron, its save dialog). */
  async function exportJournal(filter: AuditFilter, format: 'csv' | 'json') {
    const out = await backend.call('audit.export', { filter, format })
    const url = URL.createObjectURL(new Blob([out.content], { type: out.mimeType }))
    try {
      const link = document.createElement('a')
      link.href = url
      link.download = out.fileName
      link.rel = 'noopener'
      document.body.append(link)
      link.click()
      link.remove()
    } finally {
      // The click has handed the blob to the download by now; a later revoke only frees memory.
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    }
    verification.value = out.verification
    return out
  }

  return { events, total, offset, verification, options, search, verify, loadOptions, exportJournal }
})
