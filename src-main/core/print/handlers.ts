import { actorOf, type HandlerMap } from '../handlers'
import { printersForDesk, sendJob } from '../printing/printer-service'
import { listIssuances } from './issuance-journal'
import { recordIssuance } from './issuance-service'
import { prepareEmdCopy, prepareExtract, prepareRequestReceipt } from './print-service'

export const printHandlers: HandlerMap<
  | 'print.extract'
  | 'print.documentCopy'
  | 'print.requestReceipt'
  | 'printers.list'
  | 'print.send'
  | 'issuance.record'
  | 'issuance.list'
> = {
  'print.extract': (input, ctx) => prepareExtract(ctx.deps, actorOf(ctx), input),
  'print.documentCopy': (input, ctx) => prepareEmdCopy(ctx.deps, actorOf(ctx), input),
  'print.requestReceipt': (input, ctx) => prepareRequestReceipt(ctx.deps, actorOf(ctx), input),
  'printers.list': (_input, { deps }) => printersForDesk(deps),
  'print.send': (input, ctx) => sendJob(ctx.deps, actorOf(ctx), input),
  'issuance.record': (input, ctx) => recordIssuance(ctx.deps, actorOf(ctx), input),
  'issuance.list': (input, ctx) => listIssuances(ctx.deps, actorOf(ctx), input)
}
