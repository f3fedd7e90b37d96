// Sessions live in the core's memory: a restart of the app signs everyone out, which is what a shared desk wants.
import { randomBytes } from 'node:crypto'
import type { Role } from '../../contract/schemas'

export interface SessionRecord {
  token: string
  userId: string
  role: Role
  fullName: string
  login: string
  lastActivityMs: number
  locked: boolean
  failedUnlocks: number
}

export interface SessionTable {
  open(user: { id: string; role: Role; fullName: string; login: string }, nowMs: number): SessionRecord
  get(token: string | null): SessionRecord | undefined
  close(token: string): void
  closeAllFor(userId: string): void
}

export function createSessionTable(): SessionTable {
  const sessions = new Map<string, SessionRecord>()
  return {
    open(user, nowMs) {
      const token = randomBytes(32).toString('base64url')
      const record: SessionRecord = {
        token,
        userId: user.id,
        role: user.role,
        fullName: user.fullName,
        login: user.login,
        lastActivityMs: nowMs,
        locked: false,
        failedUnlocks: 0
      }
      sessions.set(token, record)
      return record
    },
    get: (token) => (token ? sessions.get(token) : undefined),
    close: (token) => {
      sessions.delete(token)
    },
    closeAllFor(userId) {
      for (const [token, s] of sessions) if (s.userId === userId) sessions.delete(token)
    }
  }
}

/** Idle for longer than the limit: the session locks instead of answering. */
export function isIdleExpired(session: SessionRecord, nowMs: number, idleLockMinutes: number): boolean {
  return nowMs - session.lastActivityMs > idleLockMinutes * 60_000
}
