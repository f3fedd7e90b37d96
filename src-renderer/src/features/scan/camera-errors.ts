// html5-qrcode reports camera failures as English strings with the browser's error name inside
// ("Error getting userMedia, error = NotAllowedError: Permission denied"); the desk needs to know which of a few
// things went wrong to say what to do about it.

export type CameraProblem = 'noCamera' | 'denied' | 'busy' | 'unsupported' | 'failed'

export function cameraProblem(error: unknown): CameraProblem {
  const text =
    error instanceof Error
      ? `${error.name}: ${error.message}`
      : typeof error === 'string'
        ? error
        : String(error)
  if (/NotAllowedError|PermissionDeniedError|SecurityError|Permission denied/i.test(text)) return 'denied'
  if (/NotFoundError|DevicesNotFoundError|OverconstrainedError|Requested device not found/i.test(text))
    return 'noCamera'
  if (/NotReadableError|TrackStartError|Could not start video source/i.test(text)) return 'busy'
  if (/not supported|mediaDevices/i.test(text)) return 'unsupported'
  return 'failed'
}
