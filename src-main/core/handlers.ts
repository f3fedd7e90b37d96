// The shape every area's handler map takes; app.ts joins them into one map that must cover the whole contract.
import type { CommandName, CommandOutput, ParsedInput } from '../contract/commands'
import { AppError } from '../contract/errors'
import type { SessionRecord, SessionTable } from './auth/sessions'
import type { Actor, CoreDeps } from './context'

export interface CallContext {
  deps: CoreDeps
  sessions: SessionTable
  session: SessionRecord | null
  actor: Actor | null
}

export type Handler<N extends CommandName> = (
  input: ParsedInput<N>,
  ctx: CallContext
) => CommandOutput<N> | Promise<CommandOutput<N>>

export type HandlerMap<N extends CommandName> = { [K in N]: Handler<K> }

export function actorOf(ctx: CallContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Войдите в систему')
  return ctx.actor
}
