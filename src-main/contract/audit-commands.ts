// Commands of the auditor's screen: the journal of events with filters, the names the filters offer, and an export
// for an inspection that carries the chain hashes so the journal can be checked outside the app.
import { z } from 'zod'
import { command, Empty, Id } from './command'
import { AuditVerification, IsoDate } from './schemas'

export const AuditFilter = z
  .object({
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    userId: Id.optional(),
    /** An exact action ('request.reopen') or a kind: its part before the dot ('request'). */
    action: z.string().trim().max(60).optional(),
    /** A patient's id, or part of their ФИО. */
    patient: z.string().trim().max(120).optional()
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: 'Начало периода позже его конца',
    path: ['from']
  })
export type AuditFilter = z.infer<typeof AuditFilter>

export const AuditRecord = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  workstationId: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  patientId: z.string().nullable(),
  /** Shown only to a role that may read patients; the administrator sees the id alone. */
  patientName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string()
})
export type AuditRecord = z.infer<typeof AuditRecord>

export const AuditExport = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  content: z.string(),
  events: z.number().int()
})
export type AuditExport = z.infer<typeof AuditExport>

export const auditCommands = {
  'audit.search': command({
    doc: 'Audit events matching the filters, newest first, a page at a time.',
    input: z.object({
      filter: AuditFilter,
      limit: z.number().int().min(1).max(500).optional().default(100),
      offset: z.number().int().min(0).max(10_000_000).optional().default(0)
    }),
    output: z.object({ events: z.array(AuditRecord), total: z.number().int() })
  }),
  'audit.filterOptions': command({
    doc: 'Who appears in the journal and which actions it holds, for the filters.',
    input: Empty,
    output: z.object({
      users: z.array(z.object({ id: z.string(), fullName: z.string(), role: z.string() })),
      actions: z.array(z.string())
    })
  }),
  'audit.export': command({
    doc: 'The filtered journal as CSV or as JSON with every hash and the chain check, for an inspection.',
    input: z.object({ filter: AuditFilter, format: z.enum(['csv', 'json']) }),
    output: AuditExport.extend({ verification: AuditVerification })
  })
} as const
