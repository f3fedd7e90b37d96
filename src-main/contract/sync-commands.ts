// Commands of the sync area: the status line, "sync now", connecting a desk to the clinic's server, and the tasks
// that sync leaves for a person.
import { z } from 'zod'
import { command, Empty, Id } from './command'
import { SystemStatus } from './schemas'

export const SyncStatus = z.object({
  configured: z.boolean(),
  serverUrl: z.string().nullable(),
  state: z.enum(['idle', 'online', 'offline', 'error', 'revoked', 'unsupported']),
  online: z.boolean(),
  pendingChanges: z.number().int(),
  lastSyncAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  /** In Russian, for the status line. */
  lastError: z.string().nullable(),
  /** Something to fix that does not stop sync: a desk clock that runs ahead, say. */
  warning: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deskNumber: z.string().nullable(),
  cursor: z.number().int(),
  behindBy: z.number().int(),
  snapshotInProgress: z.boolean(),
  /** The first connection's baseline being queued: records queued so far of all this desk holds. */
  preparing: z.object({ queued: z.number().int(), total: z.number().int() }).nullable(),
  clockSkewMs: z.number().int(),
  openTasks: z.number().int()
})
export type SyncStatus = z.infer<typeof SyncStatus>

export const SyncTask = z.object({
  id: z.string(),
  kind: z.enum(['identity_conflict', 'duplicate_patient', 'clock_skew', 'rejected_change', 'apply_failed']),
  entity: z.string(),
  entityId: z.string(),
  field: z.string().nullable(),
  serverValue: z.unknown(),
  proposedValue: z.unknown(),
  relatedId: z.string().nullable(),
  message: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable()
})
export type SyncTask = z.infer<typeof SyncTask>

const ServerUrl = z
  .string()
  .trim()
  .max(300)
  .refine((v) => /^https?:\/\/[^\s/]+(\/.*)?$/i.test(v), { message: 'Адрес сервера: http://… или https://…' })
const EnrolmentCode = z.string().trim().min(6, { message: 'Введите код подключения' }).max(64)

export const syncCommands = {
  'sync.status': command({
    doc: 'Online or not, changes waiting to go, the last good sync and the last error, for the status line.',
    input: Empty,
    output: SyncStatus
  }),
  'sync.now': command({
    doc: 'Synchronise now instead of waiting for the next round.',
    input: Empty,
    output: SyncStatus
  }),
  'sync.configure': command({
    doc: 'Connect this desk to the clinic’s sync server with a one-time code from the server’s administrator.',
    input: z.object({ serverUrl: ServerUrl, code: EnrolmentCode }),
    output: SyncStatus
  }),
  'sync.tasks': command({
    doc: 'What sync could not settle alone: identity conflicts, suspected duplicates, refused changes, bad clocks.',
    input: z.object({
      includeResolved: z.boolean().optional().default(false),
      limit: z.number().int().min(1).max(500).optional().default(100)
    }),
    output: z.array(SyncTask)
  }),
  'sync.resolveTask': command({
    doc: 'Close a sync task with a note on what was done; every desk sees it closed.',
    input: z.object({ id: Id, resolution: z.string().trim().min(3).max(500) }),
    output: SyncTask
  }),
  'system.setupFromServer': command({
    doc: 'Set up a new desk by joining the clinic’s sync server: the clinic, its users and its card index come from it.',
    input: z.object({
      serverUrl: ServerUrl,
      code: EnrolmentCode,
      workstationName: z.string().trim().min(1).max(80)
    }),
    output: SystemStatus
  })
} as const
