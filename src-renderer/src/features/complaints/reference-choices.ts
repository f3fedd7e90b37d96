// The directories a complaint form picks from, as the lines of a drop-down.
import type { Choice } from '../../components/choice'
import type { Reference } from '../../stores/settings'

export function documentKindChoices(kinds: Reference['documentKinds']): Choice<string>[] {
  return kinds.map((k) => ({ value: k.code, text: k.name }))
}

export function regionChoices(regions: Reference['regions']): Choice<string>[] {
  return regions.map((r) => ({ value: r.code, text: `${r.code} — ${r.name}` }))
}

/** With the ОГРН beside the name: two branches of one network share a short name. */
export function organisationChoices(organisations: Reference['organisations']): Choice<string>[] {
  return organisations.map((o) => ({ value: o.id, text: `${o.shortName} (ОГРН ${o.ogrn})` }))
}
