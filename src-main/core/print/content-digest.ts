// The hash a verification QR carries is taken over what the paper says, not over the PDF bytes: the same document
// printed twice gives different bytes (timestamps, the reprint mark, layout changes between versions of the app)
// but must verify as the same document, and any change to what it says must show.
//
// Canonical form, version 1: the UTF-8 bytes of
//   'rw-doc-v1\n' + JSON of { kind, number, content }
// where objects have their keys sorted by code point at every level, strings are NFC-normalised with line breaks
// as '\n' and outer whitespace trimmed, arrays keep their order, numbers are finite integers, booleans and null stay,
// and undefined is not allowed. Print-time facts (when and by whom printed, reprint, copies) are never part of it.
import { createHash } from 'node:crypto'

export type CanonicalValue =
  string | number | boolean | null | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue }

export type DocumentKind =
  'extract' | 'emd_copy' | 'request_receipt' | 'issuance_receipt' | 'complaint_receipt' | 'complaint_letter'

export interface CanonicalDocument {
  kind: DocumentKind
  /** The number printed on every page and carried by the QR. */
  number: string
  content: { readonly [key: string]: CanonicalValue }
}

const VERSION_TAG = 'rw-doc-v1'

function canonical(value: CanonicalValue, path: string): unknown {
  if (value === null || typeof value === 'boolean') return value
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n').trim().normalize('NFC')
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`contentDigest: ${path} is not an integer`)
    return value
  }
  if (Array.isArray(value)) return value.map((v, i) => canonical(v, `${path}[${i}]`))
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {}
    const record = value as { readonly [key: string]: CanonicalValue }
    for (const key of Object.keys(record).sort()) {
      if (record[key] === undefined) throw new TypeError(`contentDigest: ${path}.${key} is undefined`)
      out[key] = canonical(record[key], `${path}.${key}`)
    }
    return out
  }
  throw new TypeError(`contentDigest: ${path} has an unsupported type`)
}

/** The exact text that is hashed; exported so that a verifier or a test can see what the hash covers. */
export function canonicalText(doc: CanonicalDocument): string {
  const body = canonical({ kind: doc.kind, number: doc.number, content: doc.content }, 'document')
  return `${VERSION_TAG}\n${JSON.stringify(body)}`
}

/** SHA-256 (hex) of the document's canonical content. */
export function contentDigest(doc: CanonicalDocument): string {
  return createHash('sha256').update(canonicalText(doc), 'utf8').digest('hex')
}
