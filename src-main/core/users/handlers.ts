import { actorOf, type HandlerMap } from '../handlers'
import { createUser, listUsers, resetPassword, updateUser } from './user-service'

export const userHandlers: HandlerMap<
  'users.list' | 'users.create' | 'users.update' | 'users.resetPassword'
> = {
  'users.list': (_input, { deps }) => listUsers(deps),
  'users.create': (input, ctx) => createUser(ctx.deps, actorOf(ctx), input),
  'users.update': (input, ctx) => updateUser(ctx.deps, actorOf(ctx), input),
  'users.resetPassword': async (input, ctx) => {
    await resetPassword(ctx.deps, actorOf(ctx), input.id, input.password)
    ctx.sessions.closeAllFor(input.id)
    return { ok: true as const }
  }
}
