import { actorOf, type HandlerMap } from '../handlers'
import { printersForDesk, sendJob } from '../printing/printer-service'
import { listIssuances } from './issuance-journal'

// The modules that draw PDFs bring jsPDF and the QR encoder, the largest part of the core's start-up; they load on
// the first print instead of before the first search (bench: start-up to the first search answer).
const printService = () => import('./print-service')
const complaintPrint = () => import('./complaint-print')
const issuanceService = () => import('./issuance-service')

export const printHandlers: HandlerMap<
  | 'print.extract'
  | 'print.documentCopy'
  | 'print.requestReceipt'
  | 'print.complaintReceipt'
  | 'print.complaintLetter'
  | 'printers.list'
  | 'print.send'
  | 'issuance.record'
  | 'issuance.list'
> = {
  'print.extract': async (input, ctx) => (await printService()).prepareExtract(ctx.deps, actorOf(ctx), input),
  'print.documentCopy': async (input, ctx) =>
    (await printService()).prepareEmdCopy(ctx.deps, actorOf(ctx), input),
  'print.requestReceipt': async (input, ctx) =>
    (await printService()).prepareRequestReceipt(ctx.deps, actorOf(ctx), input),
  'print.complaintReceipt': async (input, ctx) =>
    (await complaintPrint()).prepareComplaintReceipt(ctx.deps, actorOf(ctx), input),
  'print.complaintLetter': async (input, ctx) =>
    (await complaintPrint()).prepareComplaintLetter(ctx.deps, actorOf(ctx), input),
  'printers.list': (_input, { deps }) => printersForDesk(deps),
  'print.send': (input, ctx) => sendJob(ctx.deps, actorOf(ctx), input),
  'issuance.record': async (input, ctx) =>
    (await issuanceService()).recordIssuance(ctx.deps, actorOf(ctx), input),
  'issuance.list': (input, ctx) => listIssuances(ctx.deps, actorOf(ctx), input)
}
