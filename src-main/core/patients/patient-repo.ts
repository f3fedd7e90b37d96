// Queries on patients. Merged duplicates stay in the table and are skipped by searches.
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import type { Patient, PatientSummary } from '../../contract/schemas'
import type { Db } from '../db/open'
import { patients } from '../db/schema'
import { fullNameOf } from './names'

export type PatientRow = typeof patients.$inferSelect

export function toPatient(row: PatientRow): Patient {
  return {
    id: row.id,
    lastName: row.lastName,
    firstName: row.firstName,
    middleName: row.middleName,
    fullName: fullNameOf(row),
    sex: row.sex,
    birthDate: row.birthDate,
    snils: row.snils,
    enp: row.enp,
    insurer: row.insurer,
    docKind: row.docKind,
    docSeries: row.docSeries,
    docNumber: row.docNumber,
    address: row.address,
    phone: row.phone,
    email: row.email,
    attachedOrgId: row.attachedOrgId,
    paperCard: row.paperCard,
    mergedInto: row.mergedInto,
    version: row.version
  }
}

export function toSummary(row: PatientRow, matchedBy: PatientSummary['matchedBy']): PatientSummary {
  return {
    id: row.id,
    fullName: fullNameOf(row),
    birthDate: row.birthDate,
    sex: row.sex,
    snils: row.snils,
    enp: row.enp,
    matchedBy
  }
}

export function findPatientRow(db: Db, id: string): PatientRow | undefined {
  return db.select().from(patients).where(eq(patients.id, id)).get()
}

/** Live (not merged) patients sharing an identifier or ФИО + birth date with a draft. */
export function findSimilar(
  db: Db,
  probe: { snils: string | null; enp: string | null; searchText: string; birthDate: string },
  exceptId?: string
): PatientRow[] {
  const conditions = [and(eq(patients.searchText, probe.searchText), eq(patients.birthDate, probe.birthDate))]
  if (probe.snils) conditions.push(eq(patients.snils, probe.snils))
  if (probe.enp) conditions.push(eq(patients.enp, probe.enp))
  return db
    .select()
    .from(patients)
    .where(
      and(
        isNull(patients.mergedInto),
        or(...conditions),
        exceptId ? sql`${patients.id} <> ${exceptId}` : undefined
      )
    )
    .limit(20)
    .all()
}

export function mergedInto(db: Db, targetId: string): PatientRow[] {
  return db.select().from(patients).where(eq(patients.mergedInto, targetId)).all()
}

export function rowsByIds(db: Db, ids: string[]): PatientRow[] {
  if (ids.length === 0) return []
  return db.select().from(patients).where(inArray(patients.id, ids)).all()
}
