// Reads a large JSON import file as it arrived, in chunks, without building one string or one object graph of it:
// a 100k-patient file is a few hundred megabytes of text, and parsed at once it would take gigabytes. The outline
// pass checks the top level and counts each section's elements; later passes hand out one element's text at a time.

export class FileFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FileFormatError'
  }
}

const QUOTE = 34
const BACKSLASH = 92
const COMMA = 44
const COLON = 58
const OPEN_BRACE = 123
const CLOSE_BRACE = 125
const OPEN_BRACKET = 91
const CLOSE_BRACKET = 93
const BOM = 0xfeff

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9
}

export interface Cursor {
  chunk: number
  offset: number
}

class Reader {
  chunk = 0
  offset = 0

  constructor(
    private readonly chunks: readonly string[],
    at: Cursor = { chunk: 0, offset: 0 }
  ) {
    this.chunk = at.chunk
    this.offset = at.offset
    if (this.chunk === 0 && this.offset === 0 && chunks[0]?.charCodeAt(0) === BOM) this.offset = 1
  }

  cursor(): Cursor {
    return { chunk: this.chunk, offset: this.offset }
  }

  /** The current character, or -1 at the end of the text. */
  peek(): number {
    while (this.chunk < this.chunks.length) {
      const s = this.chunks[this.chunk]
      if (this.offset < s.length) return s.charCodeAt(this.offset)
      this.chunk++
      this.offset = 0
    }
    return -1
  }

  advance(): void {
    this.offset++
  }

  skipSpace(): number {
    let c = this.peek()
    while (c !== -1 && isSpace(c)) {
      this.offset++
      c = this.peek()
    }
    return c
  }

  /** Character position from the start of the file, for an error message. */
  position(): number {
    let n = this.offset
    for (let i = 0; i < this.chunk && i < this.chunks.length; i++) n += this.chunks[i].length
    return n
  }

  fail(what: string): never {
    throw new FileFormatError(`Файл не является корректным JSON: ${what} (символ ${this.position() + 1})`)
  }

  expect(c: number, what: string): void {
    if (this.skipSpace() !== c) this.fail(`ожидалось ${what}`)
    this.advance()
  }

  /**
   * Moves past one JSON value and returns its text when asked. Strings and brackets are followed so that a comma
   * or a bracket inside a string does not end the value; what is inside is left for JSON.parse to judge.
   */
  value(keep: boolean): string {
    const first = this.skipSpace()
    if (first === -1) this.fail('файл оборван')
    if (first === COMMA || first === COLON || first === CLOSE_BRACE || first === CLOSE_BRACKET)
      this.fail('ожидалось значение')
    const pieces: string[] = []
    const primitive = first !== QUOTE && first !== OPEN_BRACE && first !== OPEN_BRACKET
    let depth = 0
    let inString = false
    let escaped = false
    let done = false
    while (!done) {
      if (this.chunk >= this.chunks.length) {
        if (primitive) break
        this.fail('файл оборван')
      }
      const s = this.chunks[this.chunk]
      const from = this.offset
      let i = from
      for (; i < s.length; i++) {
        const c = s.charCodeAt(i)
        if (inString) {
          if (escaped) escaped = false
          else if (c === BACKSLASH) escaped = true
          else if (c === QUOTE) {
            inString = false
            if (depth === 0) {
              i++
              done = true
              break
            }
          }
        } else if (primitive) {
          if (isSpace(c) || c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET) {
            done = true
            break
          }
        } else if (c === QUOTE) inString = true
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          depth--
          if (depth === 0) {
            i++
            done = true
            break
          }
        }
      }
      if (keep) pieces.push(from === 0 && i === s.length ? s : s.slice(from, i))
      this.offset = i
      if (!done) {
        this.chunk++
        this.offset = 0
      }
    }
    return keep ? pieces.join('') : ''
  }
}

function parseText(reader: Reader, text: string, what: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return reader.fail(what)
  }
}

export interface Outline {
  /** Top-level members that are not arrays, parsed. */
  members: Record<string, unknown>
  /** Top-level arrays: where their first element starts and how many there are. */
  arrays: Record<string, { start: Cursor; count: number }>
}

/** One pass over the whole text: the top level must be an object; arrays are counted, not parsed. */
export function outlineJson(chunks: readonly string[]): Outline {
  const reader = new Reader(chunks)
  const outline: Outline = { members: {}, arrays: {} }
  reader.expect(OPEN_BRACE, '«{» в начале файла')
  if (reader.skipSpace() === CLOSE_BRACE) reader.advance()
  else {
    for (;;) {
      if (reader.skipSpace() !== QUOTE) reader.fail('ожидалось имя поля в кавычках')
      const key = parseText(reader, reader.value(true), 'имя поля не разобрано') as string
      reader.expect(COLON, '«:» после имени поля')
      if (reader.skipSpace() === OPEN_BRACKET) {
        reader.advance()
        const start = reader.cursor()
        let count = 0
        forEachElement(reader, () => {
          reader.value(false)
          count++
        })
        outline.arrays[key] = { start, count }
      } else {
        outline.members[key] = parseText(reader, reader.value(true), `значение поля «${key}» не разобрано`)
      }
      const next = reader.skipSpace()
      if (next === -1) reader.fail('файл оборван')
      reader.advance()
      if (next === CLOSE_BRACE) break
      if (next !== COMMA) reader.fail('ожидалась «,» или «}»')
    }
  }
  if (reader.skipSpace() !== -1) reader.fail('после закрывающей «}» есть лишний текст')
  return outline
}

/** Calls `each` with the reader at every element of the array whose «[» was just read, then reads the «]». */
function forEachElement(reader: Reader, each: () => void): void {
  if (reader.skipSpace() === CLOSE_BRACKET) {
    reader.advance()
    return
  }
  for (;;) {
    each()
    const next = reader.skipSpace()
    if (next === -1) reader.fail('файл оборван')
    reader.advance()
    if (next === CLOSE_BRACKET) return
    if (next !== COMMA) reader.fail('ожидалась «,» или «]» между элементами списка')
  }
}

/** The texts of an outlined array's elements, one at a time. */
export function* arrayElements(chunks: readonly string[], start: Cursor): Generator<string> {
  const reader = new Reader(chunks, start)
  if (reader.skipSpace() === CLOSE_BRACKET) return
  for (;;) {
    yield reader.value(true)
    const next = reader.skipSpace()
    reader.advance()
    if (next === CLOSE_BRACKET) return
    if (next !== COMMA) reader.fail('ожидалась «,» или «]» между элементами списка')
  }
}
