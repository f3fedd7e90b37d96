// Scanning: a code from the camera, a USB scanner or the keyboard goes to the core, and what it was decides the
// next screen or dialog. Also this workstation's scanner thresholds and the «Проверьте сканер» box's catch.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CommandInput, CommandOutput } from '@contract/commands'
import type { ScanResult } from '@contract/qr-commands'
import type { Representative } from '@contract/schemas'
import { BackendError, useBackend } from '../api'
import { i18n } from '../i18n'
import type { LineReport, ScannerThresholds } from '../features/scan/burst-detector'
import { readThresholds, writeThresholds } from '../features/scan/workstation-prefs'

export type ScanSource = CommandInput<'scan.process'>['source']
export type NeedsPatient = Extract<ScanResult, { kind: 'requestNeedsPatient' }>
export type Verification = Extract<ScanResult, { kind: 'verification' }>

/** What a scan left on screen, in a dialog of its own. */
export type ScanOutcome =
  | { kind: 'needsPatient'; text: string; result: NeedsPatient }
  | { kind: 'verification'; result: Verification }
  | { kind: 'refused'; code: string; message: string }

export const useScanStore = defineStore('scan', () => {
  const backend = useBackend()
  const cameraOpen = ref(false)
  const busy = ref(false)
  const outcome = ref<ScanOutcome | null>(null)
  /** A sentence for the screen a scan led to («Заявление зарегистрировано по QR-коду»). */
  const notice = ref<string | null>(null)
  const thresholds = ref<ScannerThresholds>(readThresholds())
  /** While the scanner test box is on screen, scans and typed lines go to it instead of the core. */
  const testCatch = ref<((report: LineReport) => void) | null>(null)

  function openCamera(): void {
    outcome.value = null
    cameraOpen.value = true
  }

  function closeAll(): void {
    cameraOpen.value = false
    outcome.value = null
  }

  function refuse(error: unknown): void {
    // A locked or ended session has its own screen already; the scan is simply not done.
    if (
      error instanceof BackendError &&
      (error.code === 'SESSION_LOCKED' || error.code === 'UNAUTHENTICATED')
    )
      return
    outcome.value = {
      kind: 'refused',
      code: error instanceof BackendError ? error.code : 'INTERNAL',
      message: error instanceof BackendError ? error.message : i18n.global.t('errors.uiFault')
    }
  }

  /** Asks the core what the code is; a refusal becomes a dialog with the core's Russian reason. */
  async function process(text: string, source: ScanSource): Promise<ScanResult | null> {
    if (busy.value) return null
    busy.value = true
    closeAll()
    notice.value = null
    try {
      const result = await backend.call('scan.process', { text, source })
      if (result.kind === 'requestNeedsPatient') outcome.value = { kind: 'needsPatient', text, result }
      if (result.kind === 'verification') outcome.value = { kind: 'verification', result }
      return result
    } catch (error) {
      if (!(error instanceof BackendError)) console.error(error)
      refuse(error)
      return null
    } finally {
      busy.value = false
    }
  }

  async function registerRequest(
    input: CommandInput<'scan.registerRequest'>
  ): Promise<CommandOutput<'scan.registerRequest'>> {
    return backend.call('scan.registerRequest', input)
  }

  /** A child's request is made by a representative: the chosen card's representatives to pick from. */
  async function representativesOf(patientId: string): Promise<Representative[]> {
    const card = await backend.call('patients.get', { id: patientId })
    return card.representatives
  }

  function setThresholds(next: ScannerThresholds): void {
    writeThresholds(next)
    thresholds.value = { ...next }
  }

  return {
    cameraOpen,
    busy,
    outcome,
    notice,
    thresholds,
    testCatch,
    openCamera,
    closeAll,
    process,
    registerRequest,
    representativesOf,
    setThresholds
  }
})
