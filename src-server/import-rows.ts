// The upstream endpoint's items judged by the desk importer's own row rules (src-main/core/import/rows*.ts): the same
// identifier checksums, dates (real, not in the future, signatures within their certificate), and directories
// (organisations, regions, specialties, МКБ-10, document kinds). An item is renamed into the desk format's row and
// checked there, so the two importers can never drift apart.
import type { Directories } from '../src-main/core/import/directories'
import {
  documentRecord,
  requestRecord,
  visitRecord,
  type DocumentRecord,
  type RequestRecord,
  type VisitRecord
} from '../src-main/core/import/rows-clinical'
import type { ImportBody } from './import'

type Item = ImportBody['items'][number]

export type CheckedItem =
  | { type: 'visit'; record: VisitRecord }
  | { type: 'document'; record: DocumentRecord }
  | { type: 'request'; record: RequestRecord }

/** Drops absent keys: the desk format's rows are strict about the keys they know, not about undefined ones. */
function present(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined))
}

function organisationRef(o: { organisationId?: string; organisationOgrn?: string }) {
  return present({ id: o.organisationId, ogrn: o.organisationOgrn })
}

/**
 * The item as the desk importer's row, checked by its rules; throws the desk's RowError with a Russian message that
 * names the field. The sender's externalId stands in for the МИС id.
 */
export function checkItem(item: Item, dirs: Directories, today: string): CheckedItem {
  const patient = present({ snils: item.patient.snils, enp: item.patient.enp })
  switch (item.type) {
    case 'visit':
      return {
        type: 'visit',
        record: visitRecord(
          present({
            sourceId: item.externalId,
            patient,
            date: item.date,
            organisation: organisationRef(item.organisation),
            regionCode: item.regionCode,
            doctorName: item.doctorName,
            specialty: item.specialty,
            careKind: item.careKind,
            diagnosisCode: item.diagnosisCode,
            diagnosisText: item.diagnosisText,
            costKopecks: item.costKopecks,
            prescriptions: item.prescriptions,
            recommendations: item.recommendations,
            services: item.services
          }),
          dirs,
          today
        )
      }
    case 'document':
      return {
        type: 'document',
        record: documentRecord(
          present({
            sourceId: item.externalId,
            patient,
            kindCode: item.kindCode,
            number: item.number,
            date: item.date,
            organisation: organisationRef(item.organisation),
            authorName: item.authorName,
            authorRole: item.authorRole,
            title: item.title,
            content: item.content,
            visitSourceId: item.visitExternalId,
            replacesSourceId: item.replacesExternalId,
            signatures: item.signatures
          }),
          dirs,
          today
        )
      }
    case 'request':
      return {
        type: 'request',
        record: requestRecord(
          present({
            sourceId: item.externalId,
            number: item.number,
            patient,
            channel: 'portal_qr',
            kind: item.kind,
            periodFrom: item.periodFrom,
            periodTo: item.periodTo,
            purpose: item.purpose,
            delivery: item.delivery,
            urgent: item.urgent,
            registeredOn: item.registeredOn,
            dueDate: item.dueDate
          }),
          today
        )
      }
  }
}
