// The auditor's view of the journal: events by period, user, kind of action and patient, newest first, with the
// hashes that chain them. Filters are SQL conditions so that a year of events is paged, not read into memory.
import { and, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm'
import type { AuditFilter, AuditRecord } from '../../contract/audit-commands'
import type { Role } from '../../contract/schemas'
import { may } from '../auth/permissions'
import type { CoreDeps } from '../context'
import { auditEvents, patients, users } from '../db/schema'
import { fullNameOf, foldForSearch } from '../patients/names'
import { localDayStartIso } from '../print/issuance-journal'

/** LIKE treats % and _ as wildcards; a filter typed by a person means them literally. */
function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

function conditionsOf(deps: CoreDeps, filter: AuditFilter): SQL[] {
  const where: SQL[] = []
  if (filter.from) where.push(gte(auditEvents.at, localDayStartIso(filter.from)))
  if (filter.to) where.push(lt(auditEvents.at, localDayStartIso(filter.to, 1)))
  if (filter.userId) where.push(eq(auditEvents.userId, filter.userId))
  if (filter.action) {
    const action = filter.action
    where.push(
      action.includes('.')
        ? eq(auditEvents.action, action)
        : or(
            eq(auditEvents.action, action),
            sql`${auditEvents.action} LIKE ${`${likeText(action)}.%`} ESCAPE '\\'`
          )!
    )
  }
  if (filter.patient) {
    const byId = deps.store.db
      .select({ id: patients.id })
      .from(patients)
      .where(eq(patients.id, filter.patient))
      .get()
    if (byId) where.push(eq(auditEvents.patientId, byId.id))
    else {
      const pattern = `%${likeText(foldForSearch(filter.patient))}%`
      const matching = deps.store.db
        .select({ id: patients.id })
        .from(patients)
        .where(sql`${patients.searchText} LIKE ${pattern} ESCAPE '\\'`)
      where.push(inArray(auditEvents.patientId, matching))
    }
  }
  return where
}

export interface JournalPage {
  events: AuditRecord[]
  total: number
}

/** Events matching the filter; a role without the right to read patients gets ids without ФИО. */
export function searchAudit(
  deps: CoreDeps,
  viewer: Role,
  filter: AuditFilter,
  limit: number,
  offset: number
): JournalPage {
  const where = and(...conditionsOf(deps, filter))
  const total = deps.store.db.select({ n: count() }).from(auditEvents).where(where).get()?.n ?? 0
  const rows = deps.store.db
    .select({ e: auditEvents, userName: users.fullName, p: patients })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .leftJoin(patients, eq(patients.id, auditEvents.patientId))
    .where(where)
    .orderBy(desc(auditEvents.seq))
    .limit(limit)
    .offset(offset)
    .all()
  const showNames = may(viewer, 'patients.read')
  return {
    total,
    events: rows.map(({ e, userName, p }) => ({
      seq: e.seq,
      id: e.id,
      at: e.at,
      userId: e.userId,
      userName: userName ?? null,
      workstationId: e.workstationId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      patientId: e.patientId,
      patientName: showNames && p ? fullNameOf(p) : null,
      details: parseDetails(e.details),
      prevHash: e.prevHash,
      hash: e.hash
    }))
  }
}

/** The stored text is what the hash covers; a row edited into bad JSON still shows (and fails verification). */
function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {}
  } catch {
    return { text }
  }
}

/** Raw rows for an export, oldest first, exactly as stored (details as the hashed text). */
export function auditRowsForExport(deps: CoreDeps, filter: AuditFilter) {
  return deps.store.db
    .select({ e: auditEvents, userName: users.fullName, p: patients })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .leftJoin(patients, eq(patients.id, auditEvents.patientId))
    .where(and(...conditionsOf(deps, filter)))
    .orderBy(auditEvents.seq)
    .all()
}

export function auditFilterOptions(deps: CoreDeps) {
  const actions = deps.store.db
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .orderBy(auditEvents.action)
    .all()
    .map((r) => r.action)
  const people = deps.store.db
    .select({ id: users.id, fullName: users.fullName, role: users.role })
    .from(users)
    .orderBy(users.fullName)
    .all()
  return { users: people, actions }
}
