// The desk's view of printing: which printers there are and which to preselect, and sending a prepared document,
// audited whether it printed or not. The printer this desk used last is remembered in the desk's own store.
import { AppError } from '../../contract/errors'
import type { PrinterListView } from '../../contract/print-commands'
import { appendAudit } from '../audit/audit'
import type { Actor, CoreDeps } from '../context'
import { inTransaction } from '../context'
import { printJobsOf } from '../print/print-jobs'
import { readSetting, writeSetting } from '../settings/settings-service'
import { execFileRunner } from './command-runner'
import { printerProblem } from './cups-output'
import { listPrinters, PrintingError, sendToPrinter, type PrintingEnv } from './printers'

const LAST_PRINTER = 'printing.lastPrinter'

export function printingEnv(deps: CoreDeps): PrintingEnv {
  return {
    runner: deps.printing?.runner ?? execFileRunner,
    platform: deps.printing?.platform ?? process.platform
  }
}

function asAppError(error: unknown): unknown {
  return error instanceof PrintingError ? new AppError(error.failure.code, error.failure.message) : error
}

export async function printersForDesk(deps: CoreDeps): Promise<PrinterListView> {
  let list
  try {
    list = await listPrinters(printingEnv(deps))
  } catch (error) {
    throw asAppError(error)
  }
  const printers = list.printers.map((p) => ({ ...p, problem: printerProblem(p)?.message ?? null }))
  const last = readSetting<string>(deps, LAST_PRINTER)
  const usable = (name: string | null | undefined) => printers.some((p) => p.name === name && !p.problem)
  const preferred = usable(last)
    ? (last as string)
    : usable(list.defaultPrinter)
      ? list.defaultPrinter
      : (printers.find((p) => !p.problem)?.name ?? null)
  return { printers, systemDefault: list.defaultPrinter, preferred }
}

export async function sendJob(
  deps: CoreDeps,
  actor: Actor,
  input: { jobId: string; printer: string; copies: number }
): Promise<{ printerJobId: string }> {
  const job = printJobsOf(deps).get(input.jobId, deps.clock.now().getTime())
  const base = job.complaintId
    ? { entity: 'complaint', entityId: job.complaintId, patientId: job.patientId }
    : {
        entity: job.documentId ? 'medical_document' : 'extract_request',
        entityId: job.documentId ?? job.requestId,
        patientId: job.patientId
      }
  const facts = {
    jobId: job.id,
    kind: job.kind,
    documentNumber: job.documentNumber,
    printer: input.printer,
    copies: input.copies,
    pdfSha256: job.pdfSha256
  }
  try {
    const sent = await sendToPrinter(printingEnv(deps), {
      printer: input.printer,
      copies: input.copies,
      title: `${job.documentNumber} ${job.title}`.slice(0, 120),
      pdf: job.pdf
    })
    job.sentTo.push(input.printer)
    inTransaction(deps, () => {
      writeSetting(deps, LAST_PRINTER, input.printer)
      appendAudit(deps, actor, {
        action: 'print.send',
        ...base,
        details: { ...facts, printerJobId: sent.printerJobId }
      })
    })
    return sent
  } catch (error) {
    const failure = asAppError(error)
    const message = failure instanceof AppError ? failure.message : String(error)
    inTransaction(deps, () =>
      appendAudit(deps, actor, { action: 'print.failed', ...base, details: { ...facts, message } })
    )
    throw failure
  }
}
