import { AppError } from '../../contract/errors'
import type { Session } from '../../contract/schemas'
import { appendAudit } from '../audit/audit'
import type { CoreDeps } from '../context'
import { inTransaction } from '../context'
import type { CallContext, HandlerMap } from '../handlers'
import { getSettings, isInitialized, thisWorkstation } from '../settings/settings-service'
import { findUser, toUserView } from '../users/user-service'
import { verifyPassword } from './passwords'
import { checkCredentials } from './sign-in'
import type { SessionRecord } from './sessions'

function sessionView(deps: CoreDeps, s: SessionRecord): Session {
  const user = findUser(deps, s.userId)
  const ws = thisWorkstation(deps)
  if (!user || !ws) throw new AppError('UNAUTHENTICATED', 'Войдите в систему')
  return {
    token: s.token,
    user: toUserView(user),
    workstation: { id: ws.id, name: ws.name },
    idleLockMinutes: getSettings(deps).idleLockMinutes
  }
}

function requireSession(ctx: CallContext): SessionRecord {
  if (!ctx.session) throw new AppError('UNAUTHENTICATED', 'Войдите в систему')
  return ctx.session
}

export const authHandlers: HandlerMap<
  'auth.signIn' | 'auth.signOut' | 'auth.me' | 'auth.touch' | 'auth.lock' | 'auth.unlock'
> = {
  'auth.signIn': async (input, { deps, sessions }) => {
    if (!isInitialized(deps)) throw new AppError('NOT_INITIALIZED', 'Клиника ещё не настроена')
    const user = await checkCredentials(deps, input.login, input.password)
    const session = sessions.open(user, deps.clock.now().getTime())
    return sessionView(deps, session)
  },
  'auth.signOut': (_input, ctx) => {
    const session = requireSession(ctx)
    ctx.sessions.close(session.token)
    inTransaction(ctx.deps, () =>
      appendAudit(ctx.deps, ctx.actor, { action: 'auth.sign_out', entity: 'user', entityId: session.userId })
    )
    return { ok: true as const }
  },
  'auth.me': (_input, ctx) => sessionView(ctx.deps, requireSession(ctx)),
  'auth.touch': () => ({ ok: true as const }),
  'auth.lock': (_input, ctx) => {
    requireSession(ctx).locked = true
    return { ok: true as const }
  },
  'auth.unlock': async (input, ctx) => {
    const session = requireSession(ctx)
    const user = findUser(ctx.deps, session.userId)
    const ok = user ? await verifyPassword(input.password, user.passwordHash) : false
    if (!ok || !user?.active) {
      session.failedUnlocks += 1
      inTransaction(ctx.deps, () =>
        appendAudit(ctx.deps, ctx.actor, {
          action: 'auth.unlock_failed',
          entity: 'user',
          entityId: session.userId
        })
      )
      // After repeated failures the session ends: whoever is at the desk must sign in properly.
      if (session.failedUnlocks >= 5) {
        ctx.sessions.close(session.token)
        throw new AppError('UNAUTHENTICATED', 'Слишком много неверных попыток: войдите заново')
      }
      throw new AppError('BAD_CREDENTIALS', 'Неверный пароль')
    }
    session.locked = false
    session.failedUnlocks = 0
    session.lastActivityMs = ctx.deps.clock.now().getTime()
    return sessionView(ctx.deps, session)
  }
}
