// Paper documents: the one being previewed, the printers of this computer, and sending the job to one of them.
// The core keeps the PDF; the renderer refers to it by job id, so what is printed is exactly what was previewed.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { PrinterListView, PrintJobView } from '@contract/print-commands'
import { useBackend } from '../api'

export type PrintKind = 'extract' | 'emd_copy' | 'request_receipt'

export const usePrintStore = defineStore('print', () => {
  const backend = useBackend()
  const job = ref<PrintJobView | null>(null)
  const printers = ref<PrinterListView | null>(null)
  // A later prepare wins: leaving one print screen for another must not show the first one's document.
  let preparing = 0

  async function prepare(kind: PrintKind, id: string, reprint: boolean): Promise<PrintJobView | null> {
    const mine = ++preparing
    job.value = null
    const prepared =
      kind === 'extract'
        ? await backend.call('print.extract', { requestId: id, reprint })
        : kind === 'emd_copy'
          ? await backend.call('print.documentCopy', { documentId: id, reprint })
          : await backend.call('print.requestReceipt', { requestId: id, reprint })
    if (mine !== preparing) return null
    job.value = prepared
    return prepared
  }

  /** A document the core prepared by itself (the issuance receipt) takes the preview's place. */
  function show(next: PrintJobView): void {
    preparing++
    job.value = next
  }

  async function loadPrinters(): Promise<PrinterListView> {
    try {
      printers.value = await backend.call('printers.list', {})
    } catch (failure) {
      // A list from before (CUPS stopped since) must not be offered as if it were still true.
      printers.value = null
      throw failure
    }
    return printers.value
  }

  async function send(printer: string, copies: number): Promise<string> {
    if (!job.value) throw new Error('no prepared document to print')
    const sent = await backend.call('print.send', { jobId: job.value.jobId, printer, copies })
    return sent.printerJobId
  }

  return { job, printers, prepare, show, loadPrinters, send }
})
