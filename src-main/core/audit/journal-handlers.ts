// Handlers of the auditor's screen (contract/audit-commands.ts).
import { actorOf, type HandlerMap } from '../handlers'
import { exportAudit } from './audit-export'
import { auditFilterOptions, searchAudit } from './audit-journal'

export const auditJournalHandlers: HandlerMap<'audit.search' | 'audit.filterOptions' | 'audit.export'> = {
  'audit.search': (input, ctx) =>
    searchAudit(ctx.deps, actorOf(ctx).role, input.filter, input.limit, input.offset),
  'audit.filterOptions': (_input, { deps }) => auditFilterOptions(deps),
  'audit.export': (input, ctx) => exportAudit(ctx.deps, actorOf(ctx), input.filter, input.format)
}
