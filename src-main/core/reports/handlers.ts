import { actorOf, type HandlerMap } from '../handlers'
import { complaintReport } from './complaint-report'
import { issuanceReport } from './issuance-report'
import { exportReport } from './report-export'
import { requestReport } from './request-report'

export const reportHandlers: HandlerMap<
  'reports.issuances' | 'reports.requests' | 'reports.complaints' | 'reports.export'
> = {
  'reports.issuances': (input, { deps }) => issuanceReport(deps, input),
  'reports.requests': (input, { deps }) => requestReport(deps, input),
  'reports.complaints': (input, { deps }) => complaintReport(deps, input),
  'reports.export': (input, ctx) => exportReport(ctx.deps, actorOf(ctx), input)
}
