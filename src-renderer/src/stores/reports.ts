// Reports for the head of the registry: the figures of one kind over one period, and their export as a file.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type {
  ComplaintReport,
  IssuanceReport,
  ReportFile,
  ReportFormat,
  ReportKind,
  RequestReport
} from '@contract/report-commands'
import { useBackend } from '../api'
import { quickPeriod, type Period } from '../features/reports/periods'

export const useReportsStore = defineStore('reports', () => {
  const backend = useBackend()
  const kind = ref<ReportKind>('issuances')
  const period = ref<Period>(quickPeriod('month'))
  const issuances = ref<IssuanceReport | null>(null)
  const requests = ref<RequestReport | null>(null)
  const complaints = ref<ComplaintReport | null>(null)

  async function load(): Promise<void> {
    const p = { ...period.value }
    if (kind.value === 'issuances') issuances.value = await backend.call('reports.issuances', p)
    else if (kind.value === 'requests') requests.value = await backend.call('reports.requests', p)
    else complaints.value = await backend.call('reports.complaints', p)
  }

  function exportFile(format: ReportFormat): Promise<ReportFile> {
    return backend.call('reports.export', { kind: kind.value, format, period: { ...period.value } })
  }

  return { kind, period, issuances, requests, complaints, load, exportFile }
})
