// What belongs to this computer rather than to the clinic: the USB scanner's speed and the camera last used. Kept in
// localStorage, so every registrar at this desk gets them and another desk keeps its own.
import { DEFAULT_THRESHOLDS, THRESHOLD_LIMITS, type ScannerThresholds } from './burst-detector'

const SCANNER_KEY = 'registrar.scanner'
const CAMERA_KEY = 'registrar.camera'

function within(value: unknown, limits: { min: number; max: number }): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= limits.min && value <= limits.max
}

export function validThresholds(t: Partial<ScannerThresholds>): t is ScannerThresholds {
  return within(t.minLength, THRESHOLD_LIMITS.minLength) && within(t.maxGapMs, THRESHOLD_LIMITS.maxGapMs)
}

export function readThresholds(storage: Storage = localStorage): ScannerThresholds {
  try {
    const stored = JSON.parse(storage.getItem(SCANNER_KEY) ?? 'null') as Partial<ScannerThresholds> | null
    // A value edited by hand or left by an older version falls back to the defaults rather than a broken scanner.
    if (stored && validThresholds(stored)) return { minLength: stored.minLength, maxGapMs: stored.maxGapMs }
  } catch {
    // Unreadable: the defaults below.
  }
  return { ...DEFAULT_THRESHOLDS }
}

export function writeThresholds(t: ScannerThresholds, storage: Storage = localStorage): void {
  storage.setItem(SCANNER_KEY, JSON.stringify({ minLength: t.minLength, maxGapMs: t.maxGapMs }))
}

export function readCameraId(storage: Storage = localStorage): string | null {
  return storage.getItem(CAMERA_KEY) || null
}

export function writeCameraId(id: string, storage: Storage = localStorage): void {
  storage.setItem(CAMERA_KEY, id)
}
