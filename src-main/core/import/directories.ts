// The directories an imported row is checked against, read once per import. Taken from the store, not from the
// shipped files: an administrator may have loaded the full МКБ-10 or the clinic's own list of organisations.
import type { CoreDeps } from '../context'
import { documentKinds, icd10, organisations, regions, specialties } from '../db/schema'
import type { ReferenceData } from '../reference/reference-data'

export interface DirectoryOrganisation {
  id: string
  shortName: string
  regionCode: string
}

export interface Directories {
  /** code → name */
  documentKinds: ReadonlyMap<string, string>
  icd10: ReadonlyMap<string, string>
  specialties: ReadonlyMap<string, string>
  regions: ReadonlySet<string>
  organisationsById: ReadonlyMap<string, DirectoryOrganisation>
  organisationsByOgrn: ReadonlyMap<string, DirectoryOrganisation>
}

export function loadDirectories(deps: CoreDeps): Directories {
  const { db } = deps.store
  const codes = (rows: { code: string; name: string }[]) => new Map(rows.map((r) => [r.code, r.name]))
  const orgs = db
    .select({
      id: organisations.id,
      shortName: organisations.shortName,
      regionCode: organisations.regionCode,
      ogrn: organisations.ogrn
    })
    .from(organisations)
    .all()
  return {
    documentKinds: codes(db.select().from(documentKinds).all()),
    icd10: codes(db.select().from(icd10).all()),
    specialties: codes(db.select().from(specialties).all()),
    regions: new Set(
      db
        .select({ code: regions.code })
        .from(regions)
        .all()
        .map((r) => r.code)
    ),
    organisationsById: new Map(orgs.map((o) => [o.id, o])),
    organisationsByOgrn: new Map(orgs.map((o) => [o.ogrn, o]))
  }
}

/** The same directories from the shipped files: what the sync server, which has no desk store, checks rows against. */
export function directoriesFromReference(data: ReferenceData): Directories {
  const orgs = data.organisations.map((o) => ({
    id: o.id,
    shortName: o.shortName,
    regionCode: o.regionCode,
    ogrn: o.ogrn
  }))
  return {
    documentKinds: new Map(data.documentKinds.map((k) => [k.code, k.name])),
    icd10: new Map(data.icd10.map((c) => [c.code, c.name])),
    specialties: new Map(data.specialties.map((s) => [s.code, s.name])),
    regions: new Set(data.regions.map((r) => r.code)),
    organisationsById: new Map(orgs.map((o) => [o.id, o])),
    organisationsByOgrn: new Map(orgs.map((o) => [o.ogrn, o]))
  }
}
