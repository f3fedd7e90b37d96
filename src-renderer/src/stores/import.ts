// Import of a file from the clinic's МИС: the file is read from disk in slices and sent in chunks (the browser host
// takes no body over 1 MB, and a clinic's export is hundreds of megabytes), then checked and imported by the core
// while this store polls its status for the progress bars. The store outlives the screen: an import keeps running
// when the registrar looks elsewhere, and the screen picks it up again on return.
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { IMPORT_CHUNK_CHARS, type ImportStatus } from '@contract/import-commands'
import { BackendError, useBackend } from '../api'
import { i18n } from '../i18n'
import { NotUtf8Error, readTextChunks } from './import-file'
import { useSessionStore } from './session'

/** How often the progress of a check or an import is asked for. */
const POLL_MS = 400

export interface Upload {
  fileName: string
  sizeBytes: number
  bytesRead: number
}

export const useImportStore = defineStore('import', () => {
  const backend = useBackend()
  const status = ref<ImportStatus | null>(null)
  const upload = ref<Upload | null>(null)
  let stopUpload = false
  let polling: ReturnType<typeof setTimeout> | null = null

  // A staged file belongs to the user who sent it: the next one to sign in on this desk starts with a clean screen.
  watch(
    () => useSessionStore().user?.id,
    () => {
      if (polling !== null) clearTimeout(polling)
      polling = null
      stopUpload = true
      status.value = null
    }
  )

  const running = computed(() => status.value?.state === 'checking' || status.value?.state === 'importing')
  const uploading = computed(() => upload.value !== null)

  /** Lets go of a staged file the core still holds (it keeps two at most); a running one is left alone. */
  async function discard(): Promise<void> {
    const current = status.value
    status.value = null
    if (!current || ['done', 'checking', 'importing'].includes(current.state)) return
    try {
      await backend.call('import.cancel', { importId: current.importId })
    } catch {
      // Already gone (the core restarted or dropped it): nothing to let go of.
    }
  }

  /** Sends the file chunk by chunk; resolves false when the registrar cancelled it halfway. */
  async function stage(file: File, sourceSystem: string | undefined): Promise<boolean> {
    await discard()
    stopUpload = false
    upload.value = { fileName: file.name, sizeBytes: file.size, bytesRead: 0 }
    try {
      let current = await backend.call('import.start', {
        fileName: file.name,
        sizeBytes: file.size,
        ...(sourceSystem ? { sourceSystem } : {})
      })
      status.value = current
      let index = 0
      // One chunk is held back until the next is read, so that the last one can say it is the last.
      let pending: string | null = null
      for await (const { text, bytesRead } of readTextChunks(file, IMPORT_CHUNK_CHARS)) {
        if (stopUpload) break
        if (pending !== null)
          current = await backend.call('import.append', {
            importId: current.importId,
            index: index++,
            chunk: pending
          })
        pending = text
        upload.value = { ...upload.value, bytesRead }
      }
      if (stopUpload || pending === null) {
        await discard()
        return false
      }
      status.value = await backend.call('import.append', {
        importId: current.importId,
        index,
        chunk: pending,
        last: true
      })
      return true
    } catch (error) {
      await discard()
      if (error instanceof NotUtf8Error) throw new BackendError('VALIDATION', i18n.global.t('import.notUtf8'))
      throw error
    } finally {
      upload.value = null
    }
  }

  function cancelUpload(): void {
    stopUpload = true
  }

  function poll(): void {
    if (polling !== null) return
    const tick = async (): Promise<void> => {
      const current = status.value
      if (!current) {
        polling = null
        return
      }
      try {
        status.value = await backend.call('import.status', { importId: current.importId })
      } catch {
        // A missed answer is asked again on the next tick; a lost import is shown by the next real action.
      }
      polling = running.value ? setTimeout(() => void tick(), POLL_MS) : null
    }
    polling = setTimeout(() => void tick(), POLL_MS)
  }

  async function run(which: 'import.dryRun' | 'import.commit'): Promise<void> {
    if (!status.value) return
    status.value = await backend.call(which, { importId: status.value.importId })
    poll()
  }

  /** Stops a running check or import after its current batch; the core's report then says what was done. */
  async function cancelRun(): Promise<void> {
    if (!status.value || !running.value) return
    status.value = await backend.call('import.cancel', { importId: status.value.importId })
    poll()
  }

  /** Called when the screen opens: a run started before keeps its progress bar moving. */
  function resume(): void {
    if (running.value) poll()
  }

  return {
    status,
    upload,
    running,
    uploading,
    stage,
    cancelUpload,
    dryRun: () => run('import.dryRun'),
    commit: () => run('import.commit'),
    cancelRun,
    discard,
    resume
  }
})
