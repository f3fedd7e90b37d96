import { actorOf, type HandlerMap } from '../handlers'
import { createRequest, loadRequest, reopenRequest, requestQueue, transitionRequest } from './request-service'

export const requestHandlers: HandlerMap<
  'requests.create' | 'requests.get' | 'requests.queue' | 'requests.transition' | 'requests.reopen'
> = {
  'requests.create': (input, ctx) => createRequest(ctx.deps, actorOf(ctx), input),
  'requests.get': (input, { deps }) => loadRequest(deps, input.id),
  'requests.queue': (input, { deps }) => requestQueue(deps, input.limit),
  'requests.transition': (input, ctx) => transitionRequest(ctx.deps, actorOf(ctx), input),
  'requests.reopen': (input, ctx) => reopenRequest(ctx.deps, actorOf(ctx), input)
}
