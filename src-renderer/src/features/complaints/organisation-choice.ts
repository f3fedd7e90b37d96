// The organisation of a missing-document complaint: picked from the directory, or typed with its ОГРН. The ОГРН is
// checked by the contract's own rule as it is typed, so the core's answer holds no surprise.
import { checkOgrn } from '@contract/identifiers'
import type { Reference } from '../../stores/settings'

export type Organisation = Reference['organisations'][number]

export interface OrganisationChoice {
  mode: 'directory' | 'typed'
  organisationId: string | null
  name: string
  ogrn: string
}

export type OgrnState = { kind: 'empty' } | { kind: 'ok'; value: string } | { kind: 'error'; message: string }

export function ogrnState(text: string): OgrnState {
  if (text.trim() === '') return { kind: 'empty' }
  const checked = checkOgrn(text)
  return checked.ok ? { kind: 'ok', value: checked.value } : { kind: 'error', message: checked.message }
}

/** Organisations of a region, in the order a registrar scans a list: by short name. */
export function organisationsOf(all: readonly Organisation[], regionCode: string): Organisation[] {
  return all
    .filter((o) => o.regionCode === regionCode)
    .sort((a, b) => a.shortName.localeCompare(b.shortName, 'ru'))
}

/** Why the choice cannot be sent yet, per field; empty when it can. */
export function choiceErrors(
  choice: OrganisationChoice,
  messages: { required: string }
): { organisationId?: string; name?: string; ogrn?: string } {
  if (choice.mode === 'directory') return choice.organisationId ? {} : { organisationId: messages.required }
  const errors: { name?: string; ogrn?: string } = {}
  if (choice.name.trim() === '') errors.name = messages.required
  const ogrn = ogrnState(choice.ogrn)
  if (ogrn.kind === 'empty') errors.ogrn = messages.required
  if (ogrn.kind === 'error') errors.ogrn = ogrn.message
  return errors
}

/** The fields complaints.fileMissing takes for the organisation. */
export function choiceInput(choice: OrganisationChoice) {
  return choice.mode === 'directory'
    ? { organisationId: choice.organisationId, organisationName: null, organisationOgrn: null }
    : { organisationId: null, organisationName: choice.name.trim(), organisationOgrn: choice.ogrn.trim() }
}
