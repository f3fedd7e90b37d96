import { actorOf, type HandlerMap } from '../handlers'
import { processScan, registerRequestFromQr } from './scan-service'
import { addTrustedKey, listTrustedKeys, revokeTrustedKey } from './trust-service'

export const qrHandlers: HandlerMap<
  'scan.process' | 'scan.registerRequest' | 'keys.list' | 'keys.addTrusted' | 'keys.revoke'
> = {
  'scan.process': (input, ctx) => processScan(ctx.deps, actorOf(ctx), input.text, input.source),
  'scan.registerRequest': (input, ctx) => registerRequestFromQr(ctx.deps, actorOf(ctx), input),
  'keys.list': (_input, { deps }) => listTrustedKeys(deps),
  'keys.addTrusted': (input, ctx) => addTrustedKey(ctx.deps, actorOf(ctx), input),
  'keys.revoke': (input, ctx) => revokeTrustedKey(ctx.deps, actorOf(ctx), input.keyId)
}
