// Reading an export from disk for the import screen: slices of bytes decoded into chunks of bounded characters,
// with Cyrillic and four-byte characters cut across slice boundaries kept whole, and a non-UTF-8 file named as such.
import { describe, expect, it } from 'vitest'
import { NotUtf8Error, readTextChunks } from '../../../src-renderer/src/stores/import-file'

async function read(blob: Blob, maxChars: number) {
  const chunks: { text: string; bytesRead: number }[] = []
  for await (const chunk of readTextChunks(blob, maxChars)) chunks.push(chunk)
  return chunks
}

describe('readTextChunks', () => {
  it('gives the text back whole, in chunks no longer than asked, across many slices', async () => {
    // Over a megabyte: four slices of 256 KiB, with two-, three- and four-byte characters on every boundary.
    const unit = 'Пациент №17 — ЭМД 🩺; '
    const text = unit.repeat(Math.ceil((1.2 * 1024 * 1024) / new TextEncoder().encode(unit).length))
    const blob = new Blob([text])
    const chunks = await read(blob, 100_000)
    expect(chunks.map((c) => c.text).join('')).toBe(text)
    expect(Math.max(...chunks.map((c) => c.text.length))).toBeLessThanOrEqual(100_000)
    expect(chunks.slice(0, -1).every((c) => c.text.length === 100_000)).toBe(true)
    const progress = chunks.map((c) => c.bytesRead)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    expect(progress.at(-1)).toBe(blob.size)
  })

  it('drops a byte order mark and reads a small file as one chunk', async () => {
    const chunks = await read(new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), '{"a":"ё"}']), 1000)
    expect(chunks).toEqual([{ text: '{"a":"ё"}', bytesRead: 13 }])
  })

  it('refuses a file that is not UTF-8 (an export in windows-1251)', async () => {
    const cp1251 = new Uint8Array([0x7b, 0x22, 0xcf, 0xe0, 0xf6, 0xe8, 0xe5, 0xed, 0xf2, 0x22, 0x7d])
    await expect(read(new Blob([cp1251]), 1000)).rejects.toBeInstanceOf(NotUtf8Error)
  })
})
