// Directories live in the store (so sync can carry updates) and are seeded from resources/reference.
import { asc } from 'drizzle-orm'
import type { CoreDeps } from '../context'
import { documentKinds, icd10, organisations, regions, specialties } from '../db/schema'
import type { ReferenceData } from './reference-data'

export function seedReferenceData(deps: CoreDeps, data: ReferenceData): void {
  const { db } = deps.store
  for (const r of data.regions)
    db.insert(regions).values(r).onConflictDoUpdate({ target: regions.code, set: r }).run()
  for (const k of data.documentKinds) {
    const row = { code: k.code, name: k.name }
    db.insert(documentKinds).values(row).onConflictDoUpdate({ target: documentKinds.code, set: row }).run()
  }
  for (const s of data.specialties) {
    const row = { code: s.code, name: s.name }
    db.insert(specialties).values(row).onConflictDoUpdate({ target: specialties.code, set: row }).run()
  }
  for (const c of data.icd10)
    db.insert(icd10).values(c).onConflictDoUpdate({ target: icd10.code, set: c }).run()
  for (const o of data.organisations) {
    const row = {
      id: o.id,
      name: o.fullName,
      shortName: o.shortName,
      ogrn: o.ogrn,
      inn: o.inn,
      address: o.address,
      regionCode: o.regionCode
    }
    db.insert(organisations).values(row).onConflictDoUpdate({ target: organisations.id, set: row }).run()
  }
}

export function referenceLists(deps: CoreDeps) {
  const { db } = deps.store
  return {
    regions: db.select().from(regions).orderBy(asc(regions.name)).all(),
    documentKinds: db.select().from(documentKinds).orderBy(asc(documentKinds.name)).all(),
    specialties: db.select().from(specialties).orderBy(asc(specialties.name)).all(),
    organisations: db
      .select({
        id: organisations.id,
        name: organisations.name,
        shortName: organisations.shortName,
        ogrn: organisations.ogrn,
        regionCode: organisations.regionCode
      })
      .from(organisations)
      .orderBy(asc(organisations.shortName))
      .all()
  }
}

/** The same lists straight from the shipped files, sorted as the store would sort them. */
export function shippedReferenceLists(data: ReferenceData) {
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'ru')
  return {
    regions: [...data.regions].sort(byName),
    documentKinds: data.documentKinds.map((k) => ({ code: k.code, name: k.name })).sort(byName),
    specialties: data.specialties.map((k) => ({ code: k.code, name: k.name })).sort(byName),
    organisations: data.organisations
      .map((o) => ({
        id: o.id,
        name: o.fullName,
        shortName: o.shortName,
        ogrn: o.ogrn,
        regionCode: o.regionCode
      }))
      .sort((a, b) => a.shortName.localeCompare(b.shortName, 'ru'))
  }
}
