// A file from disk as text in chunks of a bounded number of characters, read slice by slice so that a file of
// hundreds of megabytes is never held whole in the page and the screen stays responsive while it is read.

/** Bytes read from disk at a time: at most this many characters once decoded (UTF-8 takes a byte or more each). */
const SLICE_BYTES = 256 * 1024

export interface TextChunk {
  text: string
  /** How far into the file the reading has got, for the upload's progress bar. */
  bytesRead: number
}

/** The file is not UTF-8 text (an export in windows-1251, an archive, a PDF). */
export class NotUtf8Error extends Error {
  constructor() {
    super('not UTF-8')
    this.name = 'NotUtf8Error'
  }
}

export async function* readTextChunks(file: Blob, maxChars: number): AsyncGenerator<TextChunk> {
  // A streaming decoder keeps a character whose bytes fall on both sides of a slice boundary whole; a byte order
  // mark (some Windows exports have one) is dropped by it as well.
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let buffer = ''
  for (let offset = 0; offset < file.size; offset += SLICE_BYTES) {
    const end = Math.min(file.size, offset + SLICE_BYTES)
    const bytes = await file.slice(offset, end).arrayBuffer()
    try {
      buffer += decoder.decode(bytes, { stream: end < file.size })
    } catch {
      throw new NotUtf8Error()
    }
    while (buffer.length >= maxChars) {
      yield { text: buffer.slice(0, maxChars), bytesRead: end }
      buffer = buffer.slice(maxChars)
    }
  }
  if (buffer) yield { text: buffer, bytesRead: file.size }
}
