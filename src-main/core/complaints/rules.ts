// Complaint rules as pure functions: the forward-only lifecycle, where a complaint goes, what counts as a match.
export type ComplaintStatus = 'registered' | 'forwarded' | 'in_review' | 'resolved' | 'rejected'

export const complaintStatusNames: Record<ComplaintStatus, string> = {
  registered: 'Зарегистрирована',
  forwarded: 'Передана',
  in_review: 'На рассмотрении',
  resolved: 'Решена',
  rejected: 'Отклонена'
}

const forward: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  registered: ['forwarded', 'resolved', 'rejected'],
  forwarded: ['in_review', 'resolved', 'rejected'],
  in_review: ['resolved', 'rejected'],
  resolved: [],
  rejected: []
}

export function complaintNext(from: ComplaintStatus): readonly ComplaintStatus[] {
  return forward[from]
}

export function checkComplaintTransition(
  from: ComplaintStatus,
  to: ComplaintStatus
): { ok: true } | { ok: false; message: string } {
  if (forward[from].includes(to)) return { ok: true }
  return {
    ok: false,
    message:
      forward[from].length === 0
        ? `Жалоба в статусе «${complaintStatusNames[from]}» закрыта`
        : `Из статуса «${complaintStatusNames[from]}» нельзя перейти в «${complaintStatusNames[to]}»`
  }
}

export interface RoutingFacts {
  /** Does the region of the document's organisation send data to the portal? */
  regionHasPortalData: boolean
  /** Is the organisation that issued the document this clinic itself? */
  organisationIsOurs: boolean
  organisationName: string | null
  regionName: string
}

export type Route = { route: 'electronic'; addressee: null } | { route: 'paper'; addressee: string }

/**
 * Where the portal has the region's data and the document is ours, the complaint travels electronically through
 * sync. Otherwise a letter goes on paper: to the organisation that issued the document, or — when it is not known —
 * to the region's health authority.
 */
export function routeComplaint(f: RoutingFacts): Route {
  if (f.regionHasPortalData && f.organisationIsOurs) return { route: 'electronic', addressee: null }
  if (f.organisationName) return { route: 'paper', addressee: f.organisationName }
  return { route: 'paper', addressee: `Орган управления здравоохранением: ${f.regionName}` }
}

export interface MissingDocumentClaim {
  patientIds: readonly string[]
  documentKindCode: string | null
  organisationId: string | null
  visitDate: string | null
}

export interface ArrivedDocument {
  patientId: string
  kindCode: string
  organisationId: string
  date: string
}

export const DEFAULT_MATCH_TOLERANCE_DAYS = 7

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000
}

/** A document answers a missing-document complaint: same patient, kind and organisation, dated near the visit. */
export function documentMatches(
  claim: MissingDocumentClaim,
  doc: ArrivedDocument,
  toleranceDays = DEFAULT_MATCH_TOLERANCE_DAYS
): boolean {
  if (!claim.patientIds.includes(doc.patientId)) return false
  if (claim.documentKindCode && claim.documentKindCode !== doc.kindCode) return false
  if (claim.organisationId && claim.organisationId !== doc.organisationId) return false
  if (claim.visitDate && daysBetween(claim.visitDate, doc.date) > toleranceDays) return false
  return true
}

export type DiscrepancyField = 'full_name' | 'organisation' | 'diagnosis' | 'lab_results' | 'other'

/** What differs, as the receipt and the letter name it. */
export const discrepancyFieldNames: Record<DiscrepancyField, string> = {
  full_name: 'ФИО пациента',
  organisation: 'наименование медицинской организации',
  diagnosis: 'диагноз',
  lab_results: 'результаты анализов',
  other: 'другое'
}
