// Complaints registered in a period: by status, kind, region and organisation, and how many are overdue now (open
// with the due date behind today).
import type { ComplaintReport, ReportPeriod, ReportRow } from '../../contract/report-commands'
import { complaintStatusNames, type ComplaintStatus } from '../complaints/rules'
import type { CoreDeps } from '../context'
import { periodBounds } from './period'

const kindNames = { missing_document: 'Документ не пришёл', discrepancy: 'Расхождение' } as const
const NOT_GIVEN = 'не указан'

interface GroupRow {
  key: string | null
  name: string | null
  n: number
}

export function complaintReport(deps: CoreDeps, period: ReportPeriod): ComplaintReport {
  const b = periodBounds(deps, period)
  const sqlite = deps.store.sqlite
  const inPeriod = `c.registered_on BETWEEN ? AND ?`
  const group = (select: string, join = ''): GroupRow[] =>
    sqlite
      .prepare(`SELECT ${select}, count(*) AS n FROM complaints c ${join} WHERE ${inPeriod} GROUP BY 1`)
      .all(b.from, b.to) as GroupRow[]

  const statuses = new Map(group(`c.status AS key, NULL AS name`).map((r) => [r.key, r.n]))
  const byStatus = (Object.keys(complaintStatusNames) as ComplaintStatus[]).map((status) => ({
    key: status,
    label: complaintStatusNames[status],
    count: statuses.get(status) ?? 0
  }))
  const kinds = new Map(group(`c.kind AS key, NULL AS name`).map((r) => [r.key, r.n]))
  const byKind = (Object.keys(kindNames) as (keyof typeof kindNames)[]).map((kind) => ({
    key: kind,
    label: kindNames[kind],
    count: kinds.get(kind) ?? 0
  }))
  const byRegion = rows(
    group(`c.region_code AS key, rg.name AS name`, `LEFT JOIN ref_regions rg ON rg.code = c.region_code`)
  )
  const byOrganisation = rows(
    group(
      `c.organisation_id AS key, coalesce(o.short_name, o.name) AS name`,
      `LEFT JOIN organisations o ON o.id = c.organisation_id`
    )
  )
  const overdue = (
    sqlite
      .prepare(
        `SELECT count(*) AS n FROM complaints c
          WHERE ${inPeriod} AND c.status IN ('registered', 'forwarded', 'in_review') AND c.due_date < ?`
      )
      .get(b.from, b.to, b.today) as { n: number }
  ).n

  return {
    from: b.from,
    to: b.to,
    clinicName: b.clinicName,
    today: b.today,
    total: byStatus.reduce((sum, s) => sum + s.count, 0),
    overdue,
    byStatus,
    byKind,
    byRegion,
    byOrganisation
  }
}

/** Largest first; a complaint without a region or organisation is counted under «не указан», never dropped. */
function rows(groups: GroupRow[]): ReportRow[] {
  return groups
    .map((g) => ({ key: g.key ?? '', label: g.name ?? (g.key === null ? NOT_GIVEN : g.key), count: g.n }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'ru'))
}
