// Where the importer's rows come from: our own format read in place from the received chunks, or a FHIR bundle
// converted into our format in memory. Either way the importer sees sections of raw rows with their positions.
import { fhirBundleToImport, type FhirOptions } from './fhir'
import {
  FileHeader,
  IMPORT_FORMAT,
  IMPORT_VERSION,
  sections,
  SourceSystem,
  type ImportFile,
  type Section
} from './format'
import { arrayElements, FileFormatError, outlineJson, type Cursor } from './json-sections'

export interface RawRow {
  /** 1-based place of the row in its section, as a person counting the file's records would number it. */
  position: number
  raw: unknown
  /** Set when the row's own text is not JSON; the rest of the file is still read. */
  parseError?: string
}

export interface ImportSource {
  format: 'registrar-import' | 'fhir-r4'
  system: string
  systemName: string | null
  exportedAt: string | null
  counts: Record<Section, number>
  rows(section: Section): Iterable<RawRow>
}

function checkHeader(members: Record<string, unknown>) {
  if (members.format !== IMPORT_FORMAT)
    throw new FileFormatError(
      `Это не файл импорта: поле format должно быть «${IMPORT_FORMAT}», а ресурс FHIR — Bundle`
    )
  if (members.version !== IMPORT_VERSION)
    throw new FileFormatError(
      `Версия формата ${String(members.version)} не поддерживается: эта версия программы читает версию ${IMPORT_VERSION}`
    )
  const header = FileHeader.safeParse(members)
  if (!header.success) {
    const issue = header.error.issues[0]
    throw new FileFormatError(`Заголовок файла, поле ${issue.path.join('.')}: ${issue.message}`)
  }
  const unknown = Object.keys(members).filter((k) => !(k in FileHeader.shape))
  if (unknown.length > 0) throw new FileFormatError(`Неизвестное поле в начале файла: «${unknown[0]}»`)
  return header.data
}

/** Our format, read section by section straight from the chunks as they were received. */
function streamedSource(
  chunks: readonly string[],
  members: Record<string, unknown>,
  arrays: Record<string, { start: Cursor; count: number }>
): ImportSource {
  const notList = sections.find((s) => s in members)
  if (notList) throw new FileFormatError(`Раздел «${notList}» должен быть списком`)
  const header = checkHeader(members)
  const unknown = Object.keys(arrays).filter((k) => !(sections as readonly string[]).includes(k))
  if (unknown.length > 0)
    throw new FileFormatError(`Неизвестный раздел «${unknown[0]}»: разделы — ${sections.join(', ')}`)
  const counts = Object.fromEntries(sections.map((s) => [s, arrays[s]?.count ?? 0])) as Record<
    Section,
    number
  >
  return {
    format: 'registrar-import',
    system: header.source.system,
    systemName: header.source.name ?? null,
    exportedAt: header.source.exportedAt ?? null,
    counts,
    *rows(section) {
      const array = arrays[section]
      if (!array) return
      let position = 0
      for (const text of arrayElements(chunks, array.start)) {
        position++
        try {
          yield { position, raw: JSON.parse(text) }
        } catch (error) {
          yield {
            position,
            raw: null,
            parseError: `запись не разобрана как JSON (${(error as Error).message})`
          }
        }
      }
    }
  }
}

/** A whole file already in memory: a converted FHIR bundle, a test's fixture, a body the server received. */
export function sourceFromFile(
  file: ImportFile,
  format: ImportSource['format'] = 'registrar-import'
): ImportSource {
  const { patients, visits, documents, requests, ...members } = file
  for (const [name, value] of Object.entries({ patients, visits, documents, requests }))
    if (value !== undefined && !Array.isArray(value))
      throw new FileFormatError(`Раздел «${name}» должен быть списком`)
  const header = checkHeader(members)
  const lists: Record<Section, unknown[]> = {
    patients: patients ?? [],
    visits: visits ?? [],
    documents: documents ?? [],
    requests: requests ?? []
  }
  return {
    format,
    system: header.source.system,
    systemName: header.source.name ?? null,
    exportedAt: header.source.exportedAt ?? null,
    counts: Object.fromEntries(sections.map((s) => [s, lists[s].length])) as Record<Section, number>,
    *rows(section) {
      let position = 0
      for (const raw of lists[section]) yield { position: ++position, raw }
    }
  }
}

/** FHIR bundles are parsed whole: an МИС sends them per patient or per day, not as a whole clinic. */
export const MAX_FHIR_CHARS = 64 * 1024 * 1024

export interface SourceOptions extends Omit<FhirOptions, 'system'> {
  /** The sending system for a FHIR bundle that does not name itself in Bundle.meta.source. */
  system?: string
}

export function sourceFromChunks(chunks: readonly string[], options: SourceOptions): ImportSource {
  const { members, arrays } = outlineJson(chunks)
  if (members.resourceType === undefined) return streamedSource(chunks, members, arrays)
  if (members.resourceType !== 'Bundle')
    throw new FileFormatError(`Ресурс FHIR ${String(members.resourceType)} не поддерживается: нужен Bundle`)
  const length = chunks.reduce((n, c) => n + c.length, 0)
  if (length > MAX_FHIR_CHARS)
    throw new FileFormatError('Пакет FHIR больше 64 МБ: разделите выгрузку на несколько пакетов')
  const bundle: unknown = JSON.parse(chunks.join('').replace(/^\uFEFF/, ''))
  const system = options.system ?? systemOfBundle(bundle)
  return sourceFromFile(fhirBundleToImport(bundle, { ...options, system }), 'fhir-r4')
}

/** Bundle.meta.source is a URI naming the sender; its host part becomes the system's short name. */
export function systemOfBundle(bundle: unknown): string {
  const source = (bundle as { meta?: { source?: unknown } }).meta?.source
  if (typeof source !== 'string' || source.trim() === '')
    throw new FileFormatError('В пакете FHIR нет Bundle.meta.source: укажите систему-источник при загрузке')
  const host = /^[a-z]+:\/\/([^/?#:]+)/i.exec(source.trim())?.[1] ?? source.trim()
  const slug = host
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  if (!SourceSystem.safeParse(slug).success)
    throw new FileFormatError(`Bundle.meta.source «${source}» не годится как имя системы-источника`)
  return slug
}
