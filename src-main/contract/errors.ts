// The only error shape that crosses a process boundary. Messages are Russian and meant for the registrar.
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'BAD_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'DUPLICATE_PATIENT',
  'INVALID_TRANSITION',
  'NO_AUTHORITY',
  'CONFLICT',
  'NOT_INITIALIZED',
  'ALREADY_INITIALIZED',
  'UNKNOWN_COMMAND',
  'PAYLOAD_TOO_LARGE',
  'QR_EMPTY',
  'QR_TOO_LARGE',
  'QR_UNKNOWN_FORMAT',
  'QR_UNSUPPORTED_VERSION',
  'QR_MALFORMED',
  'QR_UNTRUSTED',
  'QR_FORGED',
  'QR_EXPIRED',
  'QR_REVOKED',
  'PRINTER_UNAVAILABLE',
  'PRINT_FAILED',
  'DB_KEY_WRONG',
  'DB_KEY_UNAVAILABLE',
  'DB_ENCRYPTION_FAILED',
  'INTERNAL'
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface AppErrorShape {
  code: ErrorCode
  message: string
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'AppError'
  }

  toShape(): AppErrorShape {
    return { code: this.code, message: this.message }
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }

export function isAppErrorShape(value: unknown): value is AppErrorShape {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.code === 'string' && typeof v.message === 'string'
}
