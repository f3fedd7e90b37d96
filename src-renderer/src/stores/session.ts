// Who is signed in, whether the desk is locked, and the idle clock. The token lives in the backend client; the
// session is also kept in sessionStorage so a reload of the tab does not sign the registrar out (it is gone when
// the tab or the app closes).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Session } from '@contract/schemas'
import { BackendError, useBackend } from '../api'
import { roleCan, type Capability } from './capabilities'

const STORAGE_KEY = 'registrar.session'
/** The core counts every command as activity; between commands, tell it at most this often that someone is here. */
export const TOUCH_INTERVAL_MS = 30_000

interface Stored {
  session: Session
  locked: boolean
}

export const useSessionStore = defineStore('session', () => {
  const backend = useBackend()
  const session = ref<Session | null>(null)
  const locked = ref(false)
  /** Why the registrar is looking at the sign-in screen, when it was not their choice. */
  const endedMessage = ref<string | null>(null)
  let lastActivity = Date.now()
  let lastContact = 0

  const user = computed(() => session.value?.user ?? null)
  const role = computed(() => session.value?.user.role ?? null)
  const idleMinutes = computed(() => session.value?.idleLockMinutes ?? 15)

  function persist(): void {
    if (session.value) {
      const stored: Stored = { session: session.value, locked: locked.value }
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored))
    } else sessionStorage.removeItem(STORAGE_KEY)
  }

  function adopt(next: Session): void {
    session.value = next
    locked.value = false
    endedMessage.value = null
    backend.setToken(next.token)
    lastActivity = Date.now()
    lastContact = Date.now()
    persist()
  }

  function clear(message: string | null): void {
    session.value = null
    locked.value = false
    endedMessage.value = message
    backend.setToken(null)
    persist()
  }

  function markLocked(): void {
    if (!session.value || locked.value) return
    locked.value = true
    persist()
  }

  backend.on({
    answered: (name) => {
      // The status line's poll is not a person at the desk: it must not stand in for the activity touch.
      if (name !== 'sync.status') lastContact = Date.now()
    },
    failed: (error, name) => {
      if (error.code === 'SESSION_LOCKED') markLocked()
      else if (error.code === 'UNAUTHENTICATED' && session.value && name !== 'auth.signIn')
        clear(error.message)
    }
  })

  /** At start: pick up the tab's session and ask the core whether it is still open. */
  async function restore(): Promise<void> {
    const raw = sessionStorage.getItem(STORAGE_KEY)
    if (!raw) return
    let stored: Stored
    try {
      stored = JSON.parse(raw) as Stored
    } catch {
      sessionStorage.removeItem(STORAGE_KEY)
      return
    }
    session.value = stored.session
    locked.value = stored.locked
    backend.setToken(stored.session.token)
    try {
      adopt(await backend.call('auth.me', {}))
    } catch (error) {
      // UNAUTHENTICATED: the session is gone. SESSION_LOCKED keeps it behind the lock screen (the failed listener
      // did that). A core that cannot be reached says nothing about the session: keep it and let the start-up
      // screen offer a retry.
      if (error instanceof BackendError && error.code === 'UNAUTHENTICATED') clear(error.message)
    }
  }

  async function signIn(login: string, password: string): Promise<void> {
    adopt(await backend.call('auth.signIn', { login, password }))
  }

  async function signOut(): Promise<void> {
    try {
      await backend.call('auth.signOut', {})
    } catch {
      // Signing out of a session the core already ended (or cannot reach) still ends it here.
    }
    clear(null)
  }

  /** Lock here at once, then tell the core; a core that cannot be reached must not keep the screen open. */
  async function lock(): Promise<void> {
    if (!session.value || locked.value) return
    markLocked()
    try {
      await backend.call('auth.lock', {})
    } catch {
      // The screen is locked either way; the core locks by itself after its own idle time.
    }
  }

  async function unlock(password: string): Promise<void> {
    adopt(await backend.call('auth.unlock', { password }))
  }

  /** Keyboard or mouse: restart the idle clock and, now and then, tell the core. */
  function noteActivity(): void {
    if (!session.value || locked.value) return
    const now = Date.now()
    lastActivity = now
    if (now - lastContact >= TOUCH_INTERVAL_MS) {
      lastContact = now
      backend.call('auth.touch', {}).catch(() => {
        // A refusal (SESSION_LOCKED) already locked the screen through the failed listener.
      })
    }
  }

  function idleFor(): number {
    return Date.now() - lastActivity
  }

  function checkIdle(): void {
    if (session.value && !locked.value && idleFor() >= idleMinutes.value * 60_000) void lock()
  }

  function setIdleMinutes(minutes: number): void {
    if (!session.value) return
    session.value = { ...session.value, idleLockMinutes: minutes }
    persist()
  }

  function can(capability: Capability): boolean {
    return roleCan(role.value, capability)
  }

  return {
    session,
    locked,
    endedMessage,
    user,
    role,
    idleMinutes,
    restore,
    signIn,
    signOut,
    lock,
    unlock,
    noteActivity,
    checkIdle,
    setIdleMinutes,
    can
  }
})
