// The journal for an inspection. CSV for reading in a spreadsheet; JSON with every hashed field exactly as stored,
// the rule that makes the hash and the chain check, so an inspector can recompute the chain with any tool.
import type { AuditExport, AuditFilter } from '../../contract/audit-commands'
import type { AuditVerification } from '../../contract/schemas'
import { may } from '../auth/permissions'
import type { Actor, CoreDeps } from '../context'
import { inTransaction } from '../context'
import { fullNameOf } from '../patients/names'
import { appendAudit, GENESIS_HASH, verifyAuditChain } from './audit'
import { auditRowsForExport } from './audit-journal'

export const HASH_RULE =
  'hash = SHA-256 (hex) of: prevHash, "\\n", JSON.stringify([id, at, userId, workstationId, action, entity, ' +
  'entityId, patientId, details]) with details as the stored text; the first event has prevHash = 64 zeros; ' +
  'each event’s prevHash is the hash of the event before it'

const csvColumns = [
  '№',
  'Время (UTC)',
  'Пользователь',
  'Рабочее место',
  'Действие',
  'Объект',
  'Id объекта',
  'Id пациента',
  'Пациент',
  'Подробности',
  'Хеш предыдущего',
  'Хеш'
]

/**
 * One CSV cell. A cell that starts like a formula (=, +, -, @) is prefixed with an apostrophe: a spreadsheet would
 * otherwise run text a patient's name or a note smuggled in.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function stamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, '')
}

type Row = ReturnType<typeof auditRowsForExport>[number]

function toCsv(rows: Row[], showNames: boolean): string {
  const lines = [csvColumns.join(';')]
  for (const { e, userName, p } of rows) {
    lines.push(
      [
        e.seq,
        e.at,
        userName ?? e.userId,
        e.workstationId,
        e.action,
        e.entity,
        e.entityId,
        e.patientId,
        showNames && p ? fullNameOf(p) : null,
        e.details,
        e.prevHash,
        e.hash
      ]
        .map(csvCell)
        .join(';')
    )
  }
  // The byte-order mark makes spreadsheet programs read the file as UTF-8 rather than a Windows code page.
  return `\ufeff${lines.join('\r\n')}\r\n`
}

function toJson(
  deps: CoreDeps,
  actor: Actor,
  rows: Row[],
  filter: AuditFilter,
  showNames: boolean,
  verification: AuditVerification
): string {
  const unfiltered = Object.values(filter).every((v) => v === undefined || v === '')
  const document = {
    format: 'registrar-audit-export/1',
    exportedAt: deps.clock.now().toISOString(),
    exportedBy: actor.fullName,
    workstationId: actor.workstationId,
    filter,
    hashRule: HASH_RULE,
    genesisHash: GENESIS_HASH,
    // A filtered export leaves gaps: each event still checks against its own prevHash, the links only when whole.
    chainComplete: unfiltered,
    verification,
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
      details: e.details,
      prevHash: e.prevHash,
      hash: e.hash
    }))
  }
  return JSON.stringify(document, null, 2)
}

export function exportAudit(
  deps: CoreDeps,
  actor: Actor,
  filter: AuditFilter,
  format: 'csv' | 'json'
): AuditExport & { verification: AuditVerification } {
  return inTransaction(deps, () => {
    const rows = auditRowsForExport(deps, filter)
    const verification = verifyAuditChain(deps)
    const showNames = may(actor.role, 'patients.read')
    const content =
      format === 'csv' ? toCsv(rows, showNames) : toJson(deps, actor, rows, filter, showNames, verification)
    // The export itself goes into the journal after the rows are read, so the file never lists its own making.
    appendAudit(deps, actor, {
      action: 'audit.export',
      entity: 'audit',
      details: { format, events: rows.length, chainOk: verification.ok, ...filter }
    })
    return {
      fileName: `audit-${stamp(deps.clock.now())}.${format}`,
      mimeType: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
      content,
      events: rows.length,
      verification
    }
  })
}
