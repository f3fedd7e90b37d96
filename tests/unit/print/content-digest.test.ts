import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalText, contentDigest } from '../../../src-main/core/print/content-digest'

describe('contentDigest', () => {
  it('hashes the versioned canonical JSON: sorted keys, trimmed NFC strings with \\n line breaks', () => {
    const doc = { kind: 'extract', number: 'В-1', content: { b: [2, 'x'], a: { d: null, c: true } } } as const
    const expected =
      'rw-doc-v1\n{"content":{"a":{"c":true,"d":null},"b":[2,"x"]},"kind":"extract","number":"В-1"}'
    expect(canonicalText(doc)).toBe(expected)
    expect(contentDigest(doc)).toBe(createHash('sha256').update(expected, 'utf8').digest('hex'))
  })

  it('does not depend on key order, Unicode normal form, line endings or outer spaces', () => {
    const a = contentDigest({
      kind: 'emd_copy',
      number: '1',
      content: { name: 'Ёлкина', text: 'a\nb', x: 1, y: 2 }
    })
    const b = contentDigest({
      kind: 'emd_copy',
      number: '1',
      content: { y: 2, x: 1, text: ' a\r\nb ', name: 'Ёлкина'.normalize('NFD') }
    })
    expect(b).toBe(a)
  })

  it('changes with any word of the content, the kind or the number', () => {
    const base = { kind: 'extract', number: '1', content: { dx: 'I10' } } as const
    const digest = contentDigest(base)
    expect(contentDigest({ ...base, content: { dx: 'I11' } })).not.toBe(digest)
    expect(contentDigest({ ...base, number: '2' })).not.toBe(digest)
    expect(contentDigest({ ...base, kind: 'emd_copy' })).not.toBe(digest)
  })

  it('refuses values without one exact text form', () => {
    expect(() => contentDigest({ kind: 'extract', number: '1', content: { cost: 15.5 } })).toThrow(
      'not an integer'
    )
    const withUndefined = { dx: undefined } as unknown as { dx: string }
    expect(() => contentDigest({ kind: 'extract', number: '1', content: withUndefined })).toThrow('undefined')
  })
})
