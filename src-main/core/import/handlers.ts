import { actorOf, type HandlerMap } from '../handlers'
import { appendChunk, beginRun, cancelImport, importStatus, startImport } from './staging'

export const importHandlers: HandlerMap<
  'import.start' | 'import.append' | 'import.dryRun' | 'import.commit' | 'import.cancel' | 'import.status'
> = {
  'import.start': (input, ctx) => startImport(ctx.deps, actorOf(ctx), input),
  'import.append': (input, ctx) => appendChunk(ctx.deps, actorOf(ctx), input),
  'import.dryRun': (input, ctx) => beginRun(ctx.deps, actorOf(ctx), input.importId, true),
  'import.commit': (input, ctx) => beginRun(ctx.deps, actorOf(ctx), input.importId, false),
  'import.cancel': (input, ctx) => cancelImport(ctx.deps, actorOf(ctx), input.importId),
  'import.status': (input, ctx) => importStatus(ctx.deps, actorOf(ctx), input.importId)
}
