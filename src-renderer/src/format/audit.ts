// Audit events name their action in code ('request.reopen') and carry details as data; the desk reads both in
// Russian. An action or field the renderer does not know yet is shown as its code rather than hidden.
import { i18n } from '../i18n'
import { formatDate } from './dates'

const { t, te } = i18n.global

function label(prefix: string, code: string): string | null {
  const key = `${prefix}.${code.replace(/\./g, '_')}`
  return te(key) ? t(key) : null
}

export function auditActionLabel(action: string): string {
  return label('auditAction', action) ?? action
}

// Which directory a detail's value comes from, so that 'ready' reads «Готово к выдаче».
const valueDirectories: Record<string, string[]> = {
  from: ['requestStatus', 'complaintStatus'],
  to: ['requestStatus', 'complaintStatus'],
  reason: ['refusalReason'],
  kind: ['requestKind', 'consentKind', 'complaintKind'],
  channel: ['channel'],
  relation: ['relation'],
  role: ['role'],
  fields: ['patientField'],
  filledFields: ['patientField'],
  source: ['scanSource'],
  outcome: ['scanOutcome'],
  status: ['verification.status'],
  route: ['complaintRoute']
}

function showValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (Array.isArray(value)) return value.map((v) => showValue(key, v)).join(', ')
  if (typeof value === 'string') {
    for (const dir of valueDirectories[key] ?? []) {
      const found = label(dir, value)
      if (found) return found
    }
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

// Record ids mean nothing to a person reading the trail; the action already says what happened to which card.
const hidden = new Set(['mergedFrom', 'target', 'patientId', 'id', 'requestId', 'complaintId'])

export function auditDetails(details: Record<string, unknown>): string {
  const { text, from, to, ...rest } = details
  const parts: string[] = []
  // A ready-made sentence from the core names the statuses itself; otherwise they read as "from → to".
  if (typeof text === 'string') parts.push(text)
  else if (from !== undefined && to !== undefined)
    parts.push(`${showValue('from', from)} → ${showValue('to', to)}`)
  for (const [key, value] of Object.entries(rest)) {
    if (hidden.has(key) || value === null || value === undefined) continue
    parts.push(`${label('auditField', key) ?? key}: ${showValue(key, value)}`)
  }
  return parts.join('; ')
}
