// Requests that share a key take their turn in the order they arrived; requests with other keys never wait. A desk
// keeps two push batches on the way: the server must queue their writes in the order the desk sent them, though the
// steps before the write (authentication, the generation check, reading the body) may finish in either order.

export interface Turn {
  /** Settles once every earlier request with the same key is done. */
  ready: Promise<void>
  /** This request is done: the next one may go. Safe to call more than once. */
  done(): void
}

export function createTurns() {
  const tails = new Map<string, Promise<void>>()
  return {
    /** Taken as the request arrives, before anything is awaited: arrival order is turn order. */
    take(key: string): Turn {
      const before = tails.get(key) ?? Promise.resolve()
      let done!: () => void
      const mine = new Promise<void>((resolve) => (done = resolve))
      const tail = before.then(() => mine)
      tails.set(key, tail)
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key)
      })
      return { ready: before, done }
    },
    /** Keys with a request still waiting or running: none once all are done. */
    get size() {
      return tails.size
    }
  }
}
