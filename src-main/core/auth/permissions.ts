// Who may do what. Checked in core for every command, whatever the UI shows or hides.
import type { CommandName } from '../../contract/commands'
import type { Role } from '../../contract/schemas'

export type Permission =
  | 'patients.read'
  | 'patients.write'
  | 'patients.merge'
  | 'requests.read'
  | 'requests.write'
  | 'requests.reopen'
  | 'audit.read'
  | 'users.manage'
  | 'settings.read'
  | 'settings.write'
  | 'reference.read'
  | 'sync.run'
  | 'sync.configure'
  | 'complaints.read'
  | 'complaints.write'
  | 'backup.manage'
  | 'documents.print'
  | 'issuance.write'
  | 'issuance.read'
  | 'backup.manage'
  | 'import.run'
  | 'reports.read'

/** 'public': no session needed; 'session': any signed-in user (even a locked one for unlock). */
export type Access = 'public' | 'session' | Permission

export const commandAccess: Record<CommandName, Access> = {
  'system.status': 'public',
  'system.setupDemo': 'public',
  'system.setupClinic': 'public',
  'auth.signIn': 'public',
  'auth.signOut': 'session',
  'auth.me': 'session',
  'auth.touch': 'session',
  'auth.lock': 'session',
  'auth.unlock': 'session',
  'patients.search': 'patients.read',
  'patients.get': 'patients.read',
  'patients.findDuplicates': 'patients.write',
  'patients.create': 'patients.write',
  'patients.update': 'patients.write',
  'patients.merge': 'patients.merge',
  'representatives.add': 'patients.write',
  'representatives.checkAuthority': 'patients.read',
  'consents.record': 'patients.write',
  'consents.withdraw': 'patients.write',
  'requests.create': 'requests.write',
  'requests.get': 'requests.read',
  'requests.queue': 'requests.read',
  'requests.transition': 'requests.write',
  'requests.reopen': 'requests.reopen',
  'audit.forPatient': 'audit.read',
  'audit.verify': 'audit.read',
  'users.list': 'users.manage',
  'users.create': 'users.manage',
  'users.update': 'users.manage',
  'users.resetPassword': 'users.manage',
  'settings.get': 'settings.read',
  'settings.update': 'settings.write',
  // Directories hold nothing personal, and the first-run form needs the regions before anyone can sign in.
  'reference.list': 'public',
  'scan.process': 'requests.read',
  'scan.registerRequest': 'requests.write',
  'keys.list': 'settings.read',
  'keys.addTrusted': 'settings.write',
  'keys.revoke': 'settings.write',
  'complaints.fileMissing': 'complaints.write',
  'complaints.fileDiscrepancy': 'complaints.write',
  'complaints.get': 'complaints.read',
  'complaints.queue': 'complaints.read',
  'complaints.transition': 'complaints.write',
  'complaints.resolve': 'complaints.write',
  'complaints.markSentOnPaper': 'complaints.write',
  'documents.register': 'patients.write',
  'print.extract': 'documents.print',
  'print.documentCopy': 'documents.print',
  'print.requestReceipt': 'documents.print',
  'print.complaintReceipt': 'documents.print',
  'print.complaintLetter': 'documents.print',
  'printers.list': 'documents.print',
  'print.send': 'documents.print',
  'issuance.record': 'issuance.write',
  'issuance.list': 'issuance.read',
  'backup.list': 'backup.manage',
  'backup.create': 'backup.manage',
  'backup.restore': 'backup.manage',
  'sync.status': 'session',
  'sync.now': 'sync.run',
  'sync.configure': 'sync.configure',
  // Tasks show ФИО and identifiers: whoever may read the card index.
  'sync.tasks': 'patients.read',
  'sync.resolveTask': 'patients.write',
  'system.setupFromServer': 'public',
  // Files from the МИС write patients, visits and documents in bulk: senior registrar and administrator only.
  'import.start': 'import.run',
  'import.append': 'import.run',
  'import.dryRun': 'import.run',
  'import.commit': 'import.run',
  'import.cancel': 'import.run',
  'import.status': 'import.run',
  // Figures of the whole registry: for whoever runs it (senior registrar), checks it (auditor) or runs the system
  // (administrator). They count and name staff, never patients, so the administrator's rule of no patient data holds.
  'reports.issuances': 'reports.read',
  'reports.requests': 'reports.read',
  'reports.complaints': 'reports.read',
  'reports.export': 'reports.read',
  'audit.search': 'audit.read',
  'audit.filterOptions': 'audit.read',
  'audit.export': 'audit.read'
}

const registrar: Permission[] = [
  'patients.read',
  'patients.write',
  'requests.read',
  'requests.write',
  'settings.read',
  'reference.read',
  'complaints.read',
  'complaints.write',
  'documents.print',
  'issuance.write',
  'issuance.read',
  'sync.run'
]

export const rolePermissions: Record<Role, readonly Permission[]> = {
  registrar,
  senior_registrar: [
    ...registrar,
    'patients.merge',
    'requests.reopen',
    'audit.read',
    'import.run',
    'reports.read'
  ],
  // The administrator runs the system, not the card index: no patient data.
  admin: [
    'users.manage',
    'settings.read',
    'settings.write',
    'reference.read',
    'audit.read',
    'backup.manage',
    'sync.run',
    'sync.configure',
    'import.run',
    'reports.read'
  ],
  auditor: [
    'patients.read',
    'requests.read',
    'complaints.read',
    'issuance.read',
    'audit.read',
    'settings.read',
    'reference.read',
    'reports.read'
  ]
}

export function may(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission)
}

export const roleNames: Record<Role, string> = {
  registrar: 'регистратор',
  senior_registrar: 'старший регистратор',
  admin: 'администратор',
  auditor: 'аудитор'
}
