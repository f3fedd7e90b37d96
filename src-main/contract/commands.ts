// The contract: every command that crosses a process boundary, with its input and output schemas. The Electron IPC
// layer and the browser host both dispatch through this table into the same core.
import { z } from 'zod'
import {
  AuditEvent,
  AuditVerification,
  Authority,
  ClinicDetails,
  DuplicateCandidate,
  ExtractRequest,
  ExtractRequestDraft,
  IsoDate,
  Login,
  Organisation,
  Password,
  Patient,
  PatientCard,
  PatientDraft,
  PatientSummary,
  QueueItem,
  ReferenceItem,
  RefusalReason,
  Region,
  Representative,
  RepresentativeDraft,
  RequestStatus,
  Role,
  Session,
  Settings,
  SystemStatus,
  UserDraft,
  UserView
} from './schemas'

import { auditCommands } from './audit-commands'
import { backupCommands } from './backup-commands'
import { command, Empty, Id, Ok } from './command'
import { complaintCommands } from './complaint-commands'
import { complaintPrintCommands } from './complaint-print-commands'
import { importCommands } from './import-commands'
import { printCommands } from './print-commands'
import { qrCommands } from './qr-commands'
import { reportCommands } from './report-commands'
import { syncCommands } from './sync-commands'

const coreCommands = {
  'system.status': command({
    doc: 'Whether the store holds a clinic yet, which desk this is, and today by the desk clock.',
    input: Empty,
    output: SystemStatus
  }),
  'system.setupDemo': command({
    doc: 'Fill an empty store with the deterministic demo clinic and its users.',
    input: z.object({ patients: z.number().int().min(10).max(5000).optional().default(300) }),
    output: SystemStatus
  }),
  'system.setupClinic': command({
    doc: 'Create a new, empty clinic with its first administrator.',
    input: z.object({
      clinic: ClinicDetails,
      workstationName: z.string().trim().min(1).max(80),
      admin: z.object({ login: Login, fullName: z.string().trim().min(1).max(200), password: Password })
    }),
    output: SystemStatus
  }),

  'auth.signIn': command({
    doc: 'Check a login and password and open a session on this desk.',
    input: z.object({ login: z.string().max(40), password: z.string().max(128) }),
    output: Session
  }),
  'auth.signOut': command({ doc: 'End the session.', input: Empty, output: Ok }),
  'auth.me': command({
    doc: 'The current session, if it is still open and unlocked.',
    input: Empty,
    output: Session
  }),
  'auth.touch': command({
    doc: 'Record activity so that the idle lock does not fire.',
    input: Empty,
    output: Ok
  }),
  'auth.lock': command({ doc: 'Lock the session now (the registrar steps away).', input: Empty, output: Ok }),
  'auth.unlock': command({
    doc: 'Unlock a locked session with the same user password.',
    input: z.object({ password: z.string().max(128) }),
    output: Session
  }),

  'patients.search': command({
    doc: 'One search box: ФИО or part of it, birth date, СНИЛС, ЕНП, passport or a request number.',
    input: z.object({
      query: z.string().max(200),
      limit: z.number().int().min(1).max(100).optional().default(20)
    }),
    output: z.array(PatientSummary)
  }),
  'patients.get': command({
    doc: 'The patient card with everything the desk knows; the read is audited.',
    input: z.object({ id: Id }),
    output: PatientCard
  }),
  'patients.findDuplicates': command({
    doc: 'Patients that look like the same person as a draft (same СНИЛС, ЕНП, or ФИО and birth date).',
    input: z.object({ draft: PatientDraft, exceptId: Id.optional() }),
    output: z.array(DuplicateCandidate)
  }),
  'patients.create': command({
    doc: 'Register a patient; a suspected duplicate must be confirmed, a same СНИЛС/ЕНП is refused.',
    input: z.object({ draft: PatientDraft, confirmDuplicate: z.boolean().optional().default(false) }),
    output: Patient
  }),
  'patients.update': command({
    doc: 'Edit a patient; the version guards against overwriting someone else’s edit.',
    input: z.object({ id: Id, version: z.number().int().min(1), draft: PatientDraft }),
    output: Patient
  }),
  'patients.merge': command({
    doc: 'Merge a duplicate into the patient that stays; nothing is deleted and the duplicate points to the target.',
    input: z.object({ sourceId: Id, targetId: Id }),
    output: Patient
  }),

  'representatives.add': command({
    doc: 'Record who may act for a patient and on what authority.',
    input: RepresentativeDraft,
    output: Representative
  }),
  'representatives.checkAuthority': command({
    doc: 'Whether the patient (null) or a representative may apply for and receive the patient’s documents today.',
    input: z.object({ patientId: Id, representativeId: Id.nullable() }),
    output: Authority
  }),
  'consents.record': command({
    doc: 'Record a consent the patient has given.',
    input: z.object({ patientId: Id, kind: z.enum(['personal_data', 'medical_exchange']), givenOn: IsoDate }),
    output: Ok
  }),
  'consents.withdraw': command({
    doc: 'Record that a consent was withdrawn.',
    input: z.object({ consentId: Id, withdrawnOn: IsoDate }),
    output: Ok
  }),

  'requests.create': command({
    doc: 'Take an extract request; its due date counts business days on the production calendar.',
    input: ExtractRequestDraft,
    output: ExtractRequest
  }),
  'requests.get': command({
    doc: 'One extract request with its history.',
    input: z.object({ id: Id }),
    output: ExtractRequest
  }),
  'requests.queue': command({
    doc: 'Open requests due soon or overdue, most urgent first.',
    input: z.object({ limit: z.number().int().min(1).max(500).optional().default(100) }),
    output: z.array(QueueItem)
  }),
  'requests.transition': command({
    doc: 'Move a request forward; a refusal needs a coded reason.',
    input: z.object({
      id: Id,
      to: RequestStatus,
      reason: RefusalReason.optional(),
      note: z.string().trim().max(500).optional()
    }),
    output: ExtractRequest
  }),
  'requests.reopen': command({
    doc: 'Privileged: take a finished request back to an earlier status, with a written reason.',
    input: z.object({
      id: Id,
      to: z.enum(['accepted', 'processing', 'approved', 'ready']),
      reason: z.string().trim().min(5, { message: 'Опишите причину (не короче 5 символов)' }).max(500)
    }),
    output: ExtractRequest
  }),

  'audit.forPatient': command({
    doc: 'The audit trail of one patient card, newest first.',
    input: z.object({ patientId: Id, limit: z.number().int().min(1).max(1000).optional().default(200) }),
    output: z.array(AuditEvent)
  }),
  'audit.verify': command({
    doc: 'Recompute the audit hash chain and report any edited, missing or reordered event.',
    input: Empty,
    output: AuditVerification
  }),

  'users.list': command({ doc: 'Users of this clinic.', input: Empty, output: z.array(UserView) }),
  'users.create': command({ doc: 'Add a user with a role.', input: UserDraft, output: UserView }),
  'users.update': command({
    doc: 'Change a user’s name, role or whether the account is active.',
    input: z.object({ id: Id, fullName: z.string().trim().min(1).max(200), role: Role, active: z.boolean() }),
    output: UserView
  }),
  'users.resetPassword': command({
    doc: 'Set a new password for a user.',
    input: z.object({ id: Id, password: Password }),
    output: Ok
  }),

  'settings.get': command({
    doc: 'Clinic details, idle lock and deadlines.',
    input: Empty,
    output: Settings
  }),
  'settings.update': command({
    doc: 'Change clinic details, idle lock and deadlines.',
    input: Settings,
    output: Settings
  }),

  'reference.list': command({
    doc: 'Directories the forms pick from: regions, document kinds, specialties, organisations.',
    input: Empty,
    output: z.object({
      regions: z.array(Region),
      documentKinds: z.array(ReferenceItem),
      specialties: z.array(ReferenceItem),
      organisations: z.array(Organisation)
    })
  })
} as const

// Each later area declares its commands in its own file (contract/<area>-commands.ts) and is joined here.
export const commands = {
  ...coreCommands,
  ...qrCommands,
  ...complaintCommands,
  ...printCommands,
  ...complaintPrintCommands,
  ...backupCommands,
  ...syncCommands,
  ...importCommands,
  ...reportCommands,
  ...auditCommands
}

export type Commands = typeof commands
export type CommandName = keyof Commands
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>
export type ParsedInput<N extends CommandName> = z.output<Commands[N]['input']>
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>

export const commandNames = Object.keys(commands) as CommandName[]

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name)
}
