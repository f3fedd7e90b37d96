import { randomFillSync } from 'node:crypto'

let lastMs = 0
let sequence = 0
// One system call fills randomness for 256 ids: a bulk load makes millions of them.
const pool = Buffer.alloc(16 * 256)
let poolOffset = pool.length

function randomBlock(): Buffer {
  if (poolOffset >= pool.length) {
    randomFillSync(pool)
    poolOffset = 0
  }
  const block = Buffer.from(pool.subarray(poolOffset, poolOffset + 16))
  poolOffset += 16
  return block
}

/**
 * UUIDv7 (RFC 9562): time-ordered, so ids sort by creation and index pages fill in order. Within one millisecond
 * the 12-bit rand_a field counts up (method 1 of the RFC), so ids made in a row also sort in the order they were made.
 */
export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = randomBlock()
  let ms = nowMs
  if (ms <= lastMs) {
    ms = lastMs
    sequence++
    if (sequence > 0xfff) {
      ms = ++lastMs
      sequence = 0
    }
  } else {
    lastMs = ms
    sequence = bytes[7] & 0x3ff
  }
  const ts = BigInt(ms)
  for (let i = 0; i < 6; i++) bytes[i] = Number((ts >> BigInt(8 * (5 - i))) & 0xffn)
  bytes[6] = 0x70 | ((sequence >> 8) & 0x0f)
  bytes[7] = sequence & 0xff
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
