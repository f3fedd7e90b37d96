// Exposes window.api.invoke for the contract's commands and nothing else: no raw ipcRenderer, no Node.
// The names are a typed copy rather than an import of the contract, because a sandboxed preload cannot load zod;
// `satisfies Record<CommandName, true>` makes the compiler fail when the contract and this list differ.
import { contextBridge, ipcRenderer } from 'electron'
import type { CommandName } from '../contract/commands'
import { IPC_CHANNEL, type IpcRequest, type PreloadApi } from './api-types'

const allowed = {
  'system.status': true,
  'system.setupDemo': true,
  'system.setupClinic': true,
  'auth.signIn': true,
  'auth.signOut': true,
  'auth.me': true,
  'auth.touch': true,
  'auth.lock': true,
  'auth.unlock': true,
  'patients.search': true,
  'patients.get': true,
  'patients.findDuplicates': true,
  'patients.create': true,
  'patients.update': true,
  'patients.merge': true,
  'representatives.add': true,
  'representatives.checkAuthority': true,
  'consents.record': true,
  'consents.withdraw': true,
  'requests.create': true,
  'requests.get': true,
  'requests.queue': true,
  'requests.transition': true,
  'requests.reopen': true,
  'audit.forPatient': true,
  'audit.verify': true,
  'users.list': true,
  'users.create': true,
  'users.update': true,
  'users.resetPassword': true,
  'settings.get': true,
  'settings.update': true,
  'reference.list': true,
  'scan.process': true,
  'scan.registerRequest': true,
  'keys.list': true,
  'keys.addTrusted': true,
  'keys.revoke': true,
  'complaints.fileMissing': true,
  'complaints.fileDiscrepancy': true,
  'complaints.get': true,
  'complaints.queue': true,
  'complaints.transition': true,
  'complaints.resolve': true,
  'complaints.markSentOnPaper': true,
  'documents.register': true,
  'backup.list': true,
  'backup.create': true,
  'backup.restore': true,
  'print.extract': true,
  'print.documentCopy': true,
  'print.requestReceipt': true,
  'print.complaintReceipt': true,
  'print.complaintLetter': true,
  'printers.list': true,
  'print.send': true,
  'issuance.record': true,
  'issuance.list': true,
  'sync.status': true,
  'sync.now': true,
  'sync.configure': true,
  'sync.tasks': true,
  'sync.resolveTask': true,
  'system.setupFromServer': true,
  'import.start': true,
  'import.append': true,
  'import.dryRun': true,
  'import.commit': true,
  'import.cancel': true,
  'import.status': true,
  'reports.issuances': true,
  'reports.requests': true,
  'reports.complaints': true,
  'reports.export': true,
  'audit.search': true,
  'audit.filterOptions': true,
  'audit.export': true
} as const satisfies Record<CommandName, true>

function isAllowed(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(allowed, name)
}

const api: PreloadApi = {
  invoke(name, input, token) {
    if (!isAllowed(name)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_COMMAND', message: `Нет команды ${String(name)}` }
      })
    }
    const request: IpcRequest = { name, input, token: typeof token === 'string' ? token : null }
    return ipcRenderer.invoke(IPC_CHANNEL, request)
  }
}

contextBridge.exposeInMainWorld('api', api)
