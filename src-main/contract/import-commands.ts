// Commands of the import area: files from the clinic's МИС (our JSON format or a FHIR R4 bundle). A file is staged in
// chunks, because the browser host reads no body over 1 MB and a clinic's export is hundreds of megabytes; then it
// is checked (dry run) and imported in batches while the UI polls the status for the progress bar.
import { z } from 'zod'
import { command, Id } from './command'

/**
 * Characters per chunk: at most 3 UTF-8 bytes each once JSON-encoded (Cyrillic takes 2, «№» and dashes 3; quotes and
 * line breaks become two-character escapes), so a full chunk with its envelope stays under the host's 1 MB.
 */
export const IMPORT_CHUNK_CHARS = 256 * 1024

/** The biggest file a desk stages, in characters: a 100k-patient export with visits and documents fits. */
export const IMPORT_MAX_CHARS = 512 * 1024 * 1024

export const ImportSection = z.enum(['patients', 'visits', 'documents', 'requests'])

export const ImportCounts = z.object({
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int()
})
export type ImportCounts = z.infer<typeof ImportCounts>

export const ImportIssue = z.object({
  section: ImportSection,
  position: z.number().int(),
  sourceId: z.string().nullable(),
  message: z.string(),
  /** The whole line as the registrar reads it: «Пациент №17 (МИС id 4711): СНИЛС: …». */
  text: z.string()
})
export type ImportIssue = z.infer<typeof ImportIssue>

export const ImportReport = z.object({
  dryRun: z.boolean(),
  outcome: z.enum(['done', 'cancelled', 'failed']),
  format: z.enum(['registrar-import', 'fhir-r4']),
  sourceSystem: z.string(),
  exportedAt: z.string().nullable(),
  sections: z.object({
    patients: ImportCounts,
    visits: ImportCounts,
    documents: ImportCounts,
    requests: ImportCounts
  }),
  totals: ImportCounts,
  rowsTotal: z.number().int(),
  rowsDone: z.number().int(),
  /** The first errors, in file order; errorsTotal counts all of them. */
  errors: z.array(ImportIssue),
  errorsTotal: z.number().int(),
  warnings: z.array(ImportIssue),
  warningsTotal: z.number().int(),
  /** Open complaints that a document of this file answers: the registrar confirms them on the complaint card. */
  answeredComplaints: z.array(
    z.object({
      complaintId: z.string(),
      complaintNumber: z.string(),
      documentId: z.string(),
      documentNumber: z.string(),
      documentSourceId: z.string(),
      documentPosition: z.number().int()
    })
  ),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number().int(),
  /** Why a run stopped early, in Russian. */
  failure: z.string().nullable()
})
export type ImportReport = z.infer<typeof ImportReport>

export const ImportStatus = z.object({
  importId: z.string(),
  fileName: z.string(),
  state: z.enum(['receiving', 'ready', 'checking', 'checked', 'importing', 'done', 'cancelled', 'failed']),
  /** The file's size as the UI read it from disk, for its own upload progress. */
  sizeBytes: z.number().int(),
  receivedChars: z.number().int(),
  nextChunk: z.number().int(),
  progress: z
    .object({ section: ImportSection, rowsDone: z.number().int(), rowsTotal: z.number().int() })
    .nullable(),
  dryRun: ImportReport.nullable(),
  result: ImportReport.nullable(),
  /** A problem with the file as a whole (not JSON, unknown format), in Russian. */
  error: z.string().nullable()
})
export type ImportStatus = z.infer<typeof ImportStatus>

const ImportRef = z.object({ importId: Id })

export const importCommands = {
  'import.start': command({
    doc: 'Stage a file from the МИС for import; its text follows in chunks (import.append).',
    input: z.object({
      fileName: z.string().trim().min(1).max(255),
      // UTF-8 takes at least one byte per character: a file within this many bytes fits the character limit.
      sizeBytes: z
        .number()
        .int()
        .min(1)
        .max(IMPORT_MAX_CHARS * 3, { message: 'Файл слишком большой для импорта' }),
      /** For a FHIR bundle without Bundle.meta.source: the short Latin name of the sending system. */
      sourceSystem: z
        .string()
        .regex(/^[a-z0-9_-]{2,40}$/)
        .optional()
    }),
    output: ImportStatus
  }),
  'import.append': command({
    doc: 'Add the next chunk of a staged file (the last one says so); resending the last chunk is harmless.',
    input: z.object({
      importId: Id,
      index: z.number().int().min(0),
      chunk: z.string().min(1).max(IMPORT_CHUNK_CHARS),
      last: z.boolean().optional().default(false)
    }),
    output: ImportStatus
  }),
  'import.dryRun': command({
    doc: 'Check every row of a staged file against the store without writing anything; poll import.status.',
    input: ImportRef,
    output: ImportStatus
  }),
  'import.commit': command({
    doc: 'Import a staged file in batches; the same file imported again changes nothing. Poll import.status.',
    input: ImportRef,
    output: ImportStatus
  }),
  'import.cancel': command({
    doc: 'Stop a running check or import after its current batch, or discard a staged file that is not running.',
    input: ImportRef,
    output: ImportStatus
  }),
  'import.status': command({
    doc: 'Progress and results of a staged import.',
    input: ImportRef,
    output: ImportStatus
  })
} as const
