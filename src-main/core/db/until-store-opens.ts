// A desk whose store would not open still answers. Every command gets the reason as {code, message}; once the cause
// is put right (the key file put back, the other program closed) a later command opens the store and goes through.
import type { Core } from '../app'

export function untilStoreOpens(
  open: () => Core,
  firstError: unknown,
  /** A core that answers every command with this reason. */
  refusing: (reason: unknown) => Core,
  /** Opening costs a key derivation and may read a key file: a flood of commands tries at most this often. */
  retryEveryMs = 2000,
  now: () => number = Date.now
): Core {
  let core: Core | null = null
  let refusal = refusing(firstError)
  let triedAt = now()
  const current = (): Core => {
    if (core) return core
    if (now() - triedAt < retryEveryMs) return refusal
    triedAt = now()
    try {
      core = open()
      return core
    } catch (error) {
      refusal = refusing(error)
      return refusal
    }
  }
  return {
    dispatch: (name, input, token) => current().dispatch(name, input, token),
    deps: () => current().deps(),
    close: () => core?.close()
  }
}
