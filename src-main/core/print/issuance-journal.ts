// The issuance journal screen: who received what, from whom, on which days. Reading it is audited like a card:
// it names patients.
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm'
import type { IssuanceEntry } from '../../contract/print-commands'
import { appendAudit } from '../audit/audit'
import type { Actor, CoreDeps } from '../context'
import { inTransaction } from '../context'
import { extractRequests, issuances, patients, users, workstations } from '../db/schema'
import { fullNameOf } from '../patients/names'

/** Start of a local calendar day as a UTC ISO string, the form printed_at is stored in. */
export function localDayStartIso(isoDate: string, plusDays = 0): string {
  const [y, m, d] = isoDate.split('-').map(Number)
  return new Date(y, m - 1, d + plusDays, 0, 0, 0, 0).toISOString()
}

export function listIssuances(
  deps: CoreDeps,
  actor: Actor,
  input: { from: string; to: string; printedBy?: string; limit: number }
): IssuanceEntry[] {
  const conditions: SQL[] = [
    gte(issuances.printedAt, localDayStartIso(input.from)),
    lt(issuances.printedAt, localDayStartIso(input.to, 1))
  ]
  if (input.printedBy) conditions.push(eq(issuances.printedBy, input.printedBy))
  return inTransaction(deps, () => {
    const rows = deps.store.db
      .select({
        i: issuances,
        p: patients,
        requestNumber: extractRequests.number,
        printedByName: users.fullName,
        workstationName: workstations.name
      })
      .from(issuances)
      .innerJoin(patients, eq(patients.id, issuances.patientId))
      .leftJoin(extractRequests, eq(extractRequests.id, issuances.requestId))
      .leftJoin(users, eq(users.id, issuances.printedBy))
      .leftJoin(workstations, eq(workstations.id, issuances.workstationId))
      .where(and(...conditions))
      .orderBy(desc(issuances.printedAt), desc(issuances.id))
      .limit(input.limit)
      .all()
    appendAudit(deps, actor, {
      action: 'issuance.list',
      entity: 'issuance',
      details: { from: input.from, to: input.to, printedBy: input.printedBy ?? null, rows: rows.length }
    })
    return rows.map(({ i, p, requestNumber, printedByName, workstationName }) => ({
      id: i.id,
      printedAt: i.printedAt,
      what: i.what,
      patientId: p.id,
      patientName: fullNameOf(p),
      requestId: i.requestId,
      requestNumber: requestNumber ?? null,
      documentId: i.documentId,
      printedBy: i.printedBy,
      printedByName: printedByName ?? '—',
      workstationName: workstationName ?? i.workstationId,
      copies: i.copies,
      recipientKind: i.recipientKind,
      recipientName: i.recipientName,
      recipientDocument: i.recipientDocument,
      reprint: i.reprint,
      verificationCode: i.verificationCode,
      pdfSha256: i.pdfSha256,
      withSignature: i.signaturePng !== null
    }))
  })
}
