import { actorOf, type HandlerMap } from '../handlers'
import { registerDocument } from '../documents/document-service'
import {
  fileDiscrepancy,
  fileMissingDocument,
  markSentOnPaper,
  resolveComplaint,
  transitionComplaint
} from './complaint-service'
import { complaintQueue, loadComplaint } from './complaint-view'

export const complaintHandlers: HandlerMap<
  | 'complaints.fileMissing'
  | 'complaints.fileDiscrepancy'
  | 'complaints.get'
  | 'complaints.queue'
  | 'complaints.transition'
  | 'complaints.resolve'
  | 'complaints.markSentOnPaper'
  | 'documents.register'
> = {
  'complaints.fileMissing': (input, ctx) => fileMissingDocument(ctx.deps, actorOf(ctx), input),
  'complaints.fileDiscrepancy': (input, ctx) => fileDiscrepancy(ctx.deps, actorOf(ctx), input),
  'complaints.get': (input, { deps }) => loadComplaint(deps, input.id),
  'complaints.queue': (input, { deps }) => complaintQueue(deps, input.limit),
  'complaints.transition': (input, ctx) => transitionComplaint(ctx.deps, actorOf(ctx), input),
  'complaints.resolve': (input, ctx) => resolveComplaint(ctx.deps, actorOf(ctx), input),
  'complaints.markSentOnPaper': (input, ctx) => markSentOnPaper(ctx.deps, actorOf(ctx), input.id),
  'documents.register': (input, ctx) => registerDocument(ctx.deps, actorOf(ctx), input)
}
