// Documents prepared for printing, kept by the core so that the renderer refers to them by id and never sends PDF
// bytes or hashes back: what is printed and journalled is what the core built. Jobs live in memory with a cap and a
// time limit; one per open store, so two cores in one process (tests, the host) never see each other's jobs.
import { AppError } from '../../contract/errors'
import type { Store } from '../db/open'
import type { DocumentKind } from './content-digest'

export interface PrintJob {
  id: string
  kind: DocumentKind
  title: string
  documentNumber: string
  patientId: string
  requestId: string | null
  documentId: string | null
  /** The complaint a complaint's receipt or letter belongs to, so that printing it is audited against it. */
  complaintId?: string | null
  pdf: Uint8Array
  pages: number
  pdfSha256: string
  contentSha256: string
  verificationCode: string
  reprint: boolean
  createdAt: number
  createdBy: string
  /** Printers the job was sent to, for the issuance's audit event. */
  sentTo: string[]
}

export const MAX_JOBS = 40
export const JOB_TTL_MS = 4 * 60 * 60 * 1000

export class PrintJobStore {
  private readonly jobs = new Map<string, PrintJob>()

  put(job: PrintJob, nowMs: number): void {
    this.prune(nowMs)
    while (this.jobs.size >= MAX_JOBS) {
      const oldest = this.jobs.keys().next().value
      if (oldest === undefined) break
      this.jobs.delete(oldest)
    }
    this.jobs.set(job.id, job)
  }

  get(id: string, nowMs: number): PrintJob {
    this.prune(nowMs)
    const job = this.jobs.get(id)
    if (!job) {
      throw new AppError('NOT_FOUND', 'Подготовленный документ не найден или устарел: сформируйте его заново')
    }
    return job
  }

  get size(): number {
    return this.jobs.size
  }

  private prune(nowMs: number): void {
    for (const [id, job] of this.jobs) if (nowMs - job.createdAt > JOB_TTL_MS) this.jobs.delete(id)
  }
}

const stores = new WeakMap<Store, PrintJobStore>()

export function printJobsOf(deps: { store: Store }): PrintJobStore {
  let jobs = stores.get(deps.store)
  if (!jobs) {
    jobs = new PrintJobStore()
    stores.set(deps.store, jobs)
  }
  return jobs
}
