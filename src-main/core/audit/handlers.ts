import { actorOf, type HandlerMap } from '../handlers'
import { inTransaction } from '../context'
import { appendAudit, auditForPatient, verifyAuditChain } from './audit'

export const auditHandlers: HandlerMap<'audit.forPatient' | 'audit.verify'> = {
  'audit.forPatient': (input, ctx) =>
    inTransaction(ctx.deps, () => {
      const events = auditForPatient(ctx.deps, input.patientId, input.limit)
      appendAudit(ctx.deps, actorOf(ctx), {
        action: 'audit.read',
        entity: 'patient',
        entityId: input.patientId,
        patientId: input.patientId
      })
      return events
    }),
  'audit.verify': (_input, { deps }) => verifyAuditChain(deps)
}
