// Handing documents over (выдача): who may receive them, recording the issuance, and the journal of issuances.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CommandInput, CommandOutput } from '@contract/commands'
import type { IssuanceEntry } from '@contract/print-commands'
import type { Authority, PatientCard } from '@contract/schemas'
import { useBackend } from '../api'

export interface Recipients {
  card: PatientCard
  /** Whether the patient may take the document themselves (a child may not). */
  self: Authority
}

/** What the issuance dialog reports back: the core's answer and what the registrar chose. */
export type IssuanceResult = CommandOutput<'issuance.record'> & { recipientName: string; copies: number }

export interface JournalFilter {
  from: string
  to: string
  printedBy: string | null
}

export const JOURNAL_LIMIT = 1000

export const useIssuanceStore = defineStore('issuance', () => {
  const backend = useBackend()
  const entries = ref<IssuanceEntry[] | null>(null)
  /** Everyone seen issuing in an unfiltered period: the journal's registrar filter offers them. */
  const registrars = ref(new Map<string, string>())

  async function recipientsOf(patientId: string): Promise<Recipients> {
    const [card, self] = await Promise.all([
      backend.call('patients.get', { id: patientId }),
      backend.call('representatives.checkAuthority', { patientId, representativeId: null })
    ])
    return { card, self }
  }

  function record(input: CommandInput<'issuance.record'>): Promise<CommandOutput<'issuance.record'>> {
    return backend.call('issuance.record', input)
  }

  async function loadJournal(filter: JournalFilter): Promise<void> {
    const found = await backend.call('issuance.list', {
      from: filter.from,
      to: filter.to,
      printedBy: filter.printedBy ?? undefined,
      limit: JOURNAL_LIMIT
    })
    entries.value = found
    for (const e of found) registrars.value.set(e.printedBy, e.printedByName)
  }

  return { entries, registrars, recipientsOf, record, loadJournal }
})
