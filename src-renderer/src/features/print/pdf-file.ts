// The prepared PDF as a blob: URL for the preview frame and for «Сохранить как PDF». A blob: URL needs no Node and
// no server round trip, and it is revoked as soon as the document leaves the screen.
import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import type { PrintJobView } from '@contract/print-commands'

export function pdfBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** A name the registrar recognises in the Downloads folder, safe on Windows and Linux alike. */
export function pdfFileName(job: Pick<PrintJobView, 'title' | 'documentNumber'>): string {
  const name = `${job.title} ${job.documentNumber}`
    .replace(/[\\/:*?"<>|]+/g, '_')
    // Control characters cannot be in a file name; no title has them, but a name must never break the download.
    .replace(/\p{Cc}+/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150)
  return `${name}.pdf`
}

export function usePdfUrl(job: Ref<PrintJobView | null>): Ref<string | null> {
  const url = ref<string | null>(null)
  const release = (): void => {
    if (url.value) URL.revokeObjectURL(url.value)
    url.value = null
  }
  watch(
    job,
    (next) => {
      release()
      if (next)
        url.value = URL.createObjectURL(new Blob([pdfBytes(next.pdfBase64)], { type: 'application/pdf' }))
    },
    { immediate: true }
  )
  onBeforeUnmount(release)
  return url
}

/** «Сохранить как PDF»: the browser's own download of the blob (in Electron, its save dialog). */
export function downloadPdf(url: string, fileName: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
}
