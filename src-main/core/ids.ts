import { randomBytes } from 'node:crypto'

/** UUIDv7: time-ordered, so ids sort by creation and index pages fill in order. */
export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = randomBytes(16)
  const ts = BigInt(nowMs)
  for (let i = 0; i < 6; i++) bytes[i] = Number((ts >> BigInt(8 * (5 - i))) & 0xffn)
  bytes[6] = (bytes[6] & 0x0f) | 0x70
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
