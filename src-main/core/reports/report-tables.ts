// A report as titled tables with totals: the one shape the PDF, XLSX and CSV writers all print, so that the three
// files always carry the same figures as the screen.
import type {
  ComplaintReport,
  IssuanceReport,
  ReportKind,
  ReportRow,
  RequestReport
} from '../../contract/report-commands'
import { ruDate } from '../print/format'
import { statusNames } from '../requests/status-machine'
import { OVERDUE_LIST_LIMIT } from './request-report'

export type Cell = string | number | null

export interface ReportTable {
  title: string
  columns: string[]
  rows: Cell[][]
  /** The «Итого» row, when adding up the column means something. */
  total?: Cell[]
}

export interface ReportTables {
  kind: ReportKind
  title: string
  clinicName: string
  from: string
  to: string
  /** Headline figures: label and value, printed above the tables. */
  summary: [string, Cell][]
  tables: ReportTable[]
}

export const reportTitles: Record<ReportKind, string> = {
  issuances: 'Выдача документов',
  requests: 'Заявления на выписку',
  complaints: 'Жалобы'
}

export function periodText(from: string, to: string): string {
  return from === to ? ruDate(from) : `${ruDate(from)} — ${ruDate(to)}`
}

const header = (kind: ReportKind, r: { clinicName: string; from: string; to: string }) => ({
  kind,
  title: reportTitles[kind],
  clinicName: r.clinicName,
  from: r.from,
  to: r.to
})

export function issuanceTables(r: IssuanceReport): ReportTables {
  return {
    ...header('issuances', r),
    summary: [
      ['Выдано документов', r.total],
      ['Экземпляров', r.copies]
    ],
    tables: [
      {
        title: 'По дням',
        columns: ['Дата', 'Документов', 'Экземпляров'],
        rows: r.byDay.map((d) => [ruDate(d.date), d.count, d.copies]),
        total: ['Итого', r.total, r.copies]
      },
      {
        title: 'По регистраторам',
        columns: ['Регистратор', 'Документов', 'Экземпляров'],
        rows: r.byRegistrar.map((u) => [u.name, u.count, u.copies]),
        total: ['Итого', r.total, r.copies]
      }
    ]
  }
}

export function requestTables(r: RequestReport): ReportTables {
  const overdueTitle =
    r.overdue > r.overdueList.length
      ? `Просроченные заявления (первые ${OVERDUE_LIST_LIMIT} из ${r.overdue})`
      : 'Просроченные заявления'
  return {
    ...header('requests', r),
    summary: [
      ['Зарегистрировано заявлений', r.total],
      [`Просрочено на ${ruDate(r.today)}`, r.overdue],
      ['Выдано за период', r.issued],
      ['Из них позже срока', r.issuedLate],
      ['Медиана от заявления до выдачи, календарных дней', r.medianDaysToIssue],
      ['Медиана от заявления до выдачи, рабочих дней', r.medianBusinessDaysToIssue]
    ],
    tables: [
      countTable('По статусам', 'Статус', r.byStatus, r.total),
      {
        title: overdueTitle,
        columns: ['Номер', 'Зарегистрировано', 'Срок', 'Статус', 'Просрочка, раб. дней'],
        rows: r.overdueList.map((o) => [
          o.number,
          ruDate(o.registeredOn),
          ruDate(o.dueDate),
          statusNames[o.status],
          o.businessDaysOverdue
        ])
      }
    ]
  }
}

export function complaintTables(r: ComplaintReport): ReportTables {
  return {
    ...header('complaints', r),
    summary: [
      ['Зарегистрировано жалоб', r.total],
      [`Просрочено на ${ruDate(r.today)}`, r.overdue]
    ],
    tables: [
      countTable('По статусам', 'Статус', r.byStatus, r.total),
      countTable('По видам', 'Вид', r.byKind, r.total),
      countTable('По регионам', 'Регион', r.byRegion, r.total),
      countTable('По медицинским организациям', 'Организация', r.byOrganisation, r.total)
    ]
  }
}

function countTable(title: string, what: string, rows: ReportRow[], total: number): ReportTable {
  return {
    title,
    columns: [what, 'Количество'],
    rows: rows.map((row) => [row.label, row.count]),
    total: ['Итого', total]
  }
}

/** A figure as Russian text: a decimal comma, '—' for a figure that cannot be given. */
export function cellText(cell: Cell): string {
  if (cell === null) return '—'
  if (typeof cell === 'number')
    return Number.isInteger(cell) ? String(cell) : cell.toFixed(1).replace('.', ',')
  return cell
}
