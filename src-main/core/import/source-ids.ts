// How an imported record is tied to the system it came from. The key kept in the row is '<system>:<its id>', the
// same convention as the sync server's upstream import, and the row's own id is derived from that key: two desks,
// or a desk and the server, importing the same МИС record make the same id, so sync converges instead of
// creating twins.
import { createHash } from 'node:crypto'

/** A stable id shaped as a UUID (version 8, "custom"); the same function as src-server/import.ts's derivedId. */
export function derivedId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex')
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** What the source_id column holds. */
export function sourceKey(system: string, sourceId: string): string {
  return `${system}:${sourceId}`
}

/** The system half of a stored key, or null for a key without one. */
export function systemOfKey(key: string): string | null {
  const at = key.indexOf(':')
  return at > 0 ? key.slice(0, at) : null
}

export type SourcedEntity = 'patient' | 'visit' | 'document' | 'request'

/** The id a record imported from `system` gets; children add their parent's id and their position. */
export function importedId(system: string, entity: SourcedEntity, sourceId: string): string {
  return derivedId(system, entity, sourceId)
}
