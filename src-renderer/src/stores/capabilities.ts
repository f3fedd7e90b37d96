// What each role is offered on screen. The core enforces roles on every command; this table only keeps the UI from
// offering a button whose command would be refused. Keep it in step with the core's role rules.
import type { Role } from '@contract/schemas'

export type Capability =
  | 'readPatients'
  | 'editPatients'
  | 'mergePatients'
  | 'takeRequests'
  | 'moveRequests'
  | 'reopenRequests'
  | 'readAudit'
  | 'manageClinic'
  | 'printDocuments'
  | 'issueDocuments'
  | 'readIssuances'
  | 'handleComplaints'
  | 'runSync'
  | 'importFiles'
  | 'readReports'

const grants: Record<Capability, readonly Role[]> = {
  readPatients: ['registrar', 'senior_registrar', 'auditor'],
  editPatients: ['registrar', 'senior_registrar'],
  mergePatients: ['senior_registrar'],
  takeRequests: ['registrar', 'senior_registrar'],
  moveRequests: ['registrar', 'senior_registrar'],
  reopenRequests: ['senior_registrar'],
  readAudit: ['senior_registrar', 'auditor'],
  manageClinic: ['admin'],
  printDocuments: ['registrar', 'senior_registrar'],
  issueDocuments: ['registrar', 'senior_registrar'],
  readIssuances: ['registrar', 'senior_registrar', 'auditor'],
  handleComplaints: ['registrar', 'senior_registrar'],
  runSync: ['registrar', 'senior_registrar', 'admin'],
  importFiles: ['senior_registrar', 'admin'],
  readReports: ['senior_registrar', 'auditor', 'admin']
}

export function roleCan(role: Role | null | undefined, capability: Capability): boolean {
  return !!role && grants[capability].includes(role)
}
