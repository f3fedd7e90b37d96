// The open patient card and everything done to a patient: create, edit, merge, representatives, consents.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CommandInput } from '@contract/commands'
import type {
  AuditEvent,
  Authority,
  DuplicateCandidate,
  Patient,
  PatientCard,
  PatientDraftInput,
  RepresentativeDraftInput
} from '@contract/schemas'
import { useBackend } from '../api'
import { useSessionStore } from './session'

/** The editable fields of a stored patient, as the draft the create/edit form and findDuplicates take. */
export function draftOf(p: Patient): PatientDraftInput {
  return {
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName ?? '',
    sex: p.sex,
    birthDate: p.birthDate,
    snils: p.snils ?? '',
    enp: p.enp ?? '',
    insurer: p.insurer ?? '',
    docKind: p.docKind,
    docSeries: p.docSeries ?? '',
    docNumber: p.docNumber ?? '',
    address: p.address ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    attachedOrgId: p.attachedOrgId,
    paperCard: p.paperCard
  }
}

export const usePatientStore = defineStore('patient', () => {
  const backend = useBackend()
  const card = ref<PatientCard | null>(null)
  const duplicates = ref<DuplicateCandidate[]>([])
  const audit = ref<AuditEvent[] | null>(null)

  async function loadCard(id: string): Promise<PatientCard> {
    const loaded = await backend.call('patients.get', { id })
    card.value = loaded
    audit.value = null
    duplicates.value = []
    // Looking for look-alikes needs the right to edit patients; an auditor's card shows none.
    if (!loaded.patient.mergedInto && useSessionStore().can('editPatients')) {
      // A possible duplicate is worth a notice on the card, not a failed card: errors here are ignored.
      backend
        .call('patients.findDuplicates', { draft: draftOf(loaded.patient), exceptId: loaded.patient.id })
        .then((found) => {
          if (card.value?.patient.id === id) duplicates.value = found
        })
        .catch(() => {})
    }
    return loaded
  }

  async function reload(): Promise<void> {
    if (card.value) await loadCard(card.value.patient.id)
  }

  async function loadAudit(patientId: string): Promise<void> {
    audit.value = await backend.call('audit.forPatient', { patientId, limit: 200 })
  }

  function findDuplicates(draft: PatientDraftInput, exceptId?: string): Promise<DuplicateCandidate[]> {
    return backend.call('patients.findDuplicates', { draft, exceptId })
  }

  function create(draft: PatientDraftInput, confirmDuplicate: boolean): Promise<Patient> {
    return backend.call('patients.create', { draft, confirmDuplicate })
  }

  function update(id: string, version: number, draft: PatientDraftInput): Promise<Patient> {
    return backend.call('patients.update', { id, version, draft })
  }

  function merge(sourceId: string, targetId: string): Promise<Patient> {
    return backend.call('patients.merge', { sourceId, targetId })
  }

  async function addRepresentative(draft: RepresentativeDraftInput): Promise<void> {
    await backend.call('representatives.add', draft)
    await reload()
  }

  function checkAuthority(patientId: string, representativeId: string | null): Promise<Authority> {
    return backend.call('representatives.checkAuthority', { patientId, representativeId })
  }

  async function recordConsent(input: CommandInput<'consents.record'>): Promise<void> {
    await backend.call('consents.record', input)
    await reload()
  }

  async function withdrawConsent(input: CommandInput<'consents.withdraw'>): Promise<void> {
    await backend.call('consents.withdraw', input)
    await reload()
  }

  return {
    card,
    duplicates,
    audit,
    loadCard,
    reload,
    loadAudit,
    findDuplicates,
    create,
    update,
    merge,
    addRepresentative,
    checkAuthority,
    recordConsent,
    withdrawConsent
  }
})
