// Requests with the same key take turns in arrival order, however long each takes to get ready; other keys run freely.
import { describe, expect, it } from 'vitest'
import { createTurns } from '../../../src-server/turns'

const later = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('turns', () => {
  it('lets a key’s requests go in arrival order, each after the one before is done', async () => {
    const turns = createTurns()
    const order: string[] = []
    const request = async (key: string, name: string, readyAfter: number) => {
      const turn = turns.take(key)
      await later(readyAfter) // reading the body: the first may take longest
      await turn.ready
      order.push(name)
      turn.done()
    }
    await Promise.all([
      request('a', 'a1', 30),
      request('a', 'a2', 0),
      request('b', 'b1', 10),
      request('a', 'a3', 5)
    ])
    expect(order).toEqual(['b1', 'a1', 'a2', 'a3'])
    await later(0)
    expect(turns.size).toBe(0)
  })

  it('goes on after a request that failed, once it is marked done', async () => {
    const turns = createTurns()
    const first = turns.take('a')
    const second = turns.take('a')
    let through = false
    void second.ready.then(() => (through = true))
    await later(5)
    expect(through).toBe(false)
    first.done()
    first.done()
    await later(0)
    expect(through).toBe(true)
    second.done()
  })
})
