// A handwritten-looking signature as a PNG data URL, drawn without a canvas: what the signature pad on screen
// would send. Used to render the sample issuance receipt under docs/documents.
import { deflateSync } from 'node:zlib'

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), 8 + data.length)
  return out
}

/** Grey-scale PNG of a looping pen stroke on white (transparent-free, so any printer shows it the same). */
export function sampleSignaturePng(width = 360, height = 120): string {
  const pixels = Buffer.alloc(width * height, 255)
  const dot = (x: number, y: number) => {
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const px = Math.round(x + dx)
        const py = Math.round(y + dy)
        if (px >= 0 && px < width && py >= 0 && py < height) pixels[py * width + px] = 20
      }
  }
  // A capital letter with a flourish: a few loops of decreasing size, then a long underline.
  for (let t = 0; t <= 1; t += 0.0004) {
    const x = 30 + t * 250 + 22 * Math.sin(t * Math.PI * 9)
    const y = 62 - 34 * Math.sin(t * Math.PI * 9 + 0.6) * (1 - t * 0.6) + 8 * Math.sin(t * Math.PI * 2)
    dot(x, y)
  }
  for (let t = 0; t <= 1; t += 0.001) dot(40 + t * 290, 98 - 10 * Math.sin(t * Math.PI))
  const raw = Buffer.alloc((width + 1) * height)
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0
    pixels.copy(raw, y * (width + 1) + 1, y * width, (y + 1) * width)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 0 // grey-scale
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0))
  ])
  return `data:image/png;base64,${png.toString('base64')}`
}
