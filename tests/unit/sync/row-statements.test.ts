// The prepared row statements that apply pulled changes read and write rows exactly as Drizzle's query builder
// does: booleans, nulls and camelCase keys, on a real store.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { users } from '../../../src-main/core/db/schema'
import { rowStatements } from '../../../src-main/core/sync/row-statements'
import { startCore } from '../support/core'

describe('row statements', () => {
  it('write and read a row as the query builder does', async () => {
    const t = startCore()
    const { store } = await t.core.deps()
    const rows = rowStatements(store.sqlite)
    expect(rowStatements(store.sqlite)).toBe(rows)
    const at = '2026-11-20T06:00:00.000Z'
    rows.insert(users, {
      id: 'u-bench-1',
      login: 'petrova',
      fullName: 'Петрова Анна Сергеевна',
      role: 'registrar',
      passwordHash: '!',
      active: false,
      failedSignIns: 0,
      notAColumn: 'ignored',
      createdAt: at,
      updatedAt: at,
      version: 1
    })
    const byBuilder = store.db.select().from(users).where(eq(users.id, 'u-bench-1')).get()
    expect(byBuilder?.active).toBe(false)
    expect(rows.find(users, 'u-bench-1')).toEqual(byBuilder)
    expect(rows.find(users, 'nobody')).toBeUndefined()

    rows.update(users, { active: true, fullName: 'Петрова-Смирнова Анна', version: 2 }, 'u-bench-1')
    const updated = store.db.select().from(users).where(eq(users.id, 'u-bench-1')).get()
    expect(updated).toMatchObject({ active: true, fullName: 'Петрова-Смирнова Анна', version: 2 })
    expect(rows.find(users, 'u-bench-1')).toEqual(updated)

    // A row already there stays as it was when the insert is asked to ignore the conflict.
    rows.insert(users, { ...updated!, fullName: 'Другая' }, { ignoreConflict: true })
    expect(rows.find(users, 'u-bench-1')?.fullName).toBe('Петрова-Смирнова Анна')
    expect(() => rows.insert(users, { ...updated!, fullName: 'Другая' })).toThrow(/UNIQUE/)
  })

  it('keep each row its own columns when rows of one table come with keys in another order, missing or undefined', async () => {
    const t = startCore()
    const { store } = await t.core.deps()
    const rows = rowStatements(store.sqlite)
    const at = '2026-11-20T06:00:00.000Z'
    const base = { role: 'registrar', passwordHash: '!', createdAt: at, updatedAt: at, version: 1 }
    const written = [
      { id: 'u-1', login: 'a', fullName: 'Первая', active: false, ...base },
      { id: 'u-2', login: 'b', fullName: 'Вторая', active: true, ...base },
      // The same keys in another order.
      { fullName: 'Третья', id: 'u-3', login: 'c', active: false, ...base },
      // A key left undefined takes the column's default, as one that is absent does.
      { id: 'u-4', login: 'd', fullName: 'Четвёртая', active: undefined, ...base },
      { id: 'u-5', login: 'e', fullName: 'Пятая', ...base },
      { id: 'u-6', login: 'f', fullName: 'Шестая', active: false, lockedUntil: at, ...base }
    ]
    for (const row of written) rows.insert(users, row)
    const read = written.map((r) => rows.find(users, r.id))
    expect(read.map((r) => [r?.login, r?.fullName, r?.active, r?.lockedUntil])).toEqual([
      ['a', 'Первая', false, null],
      ['b', 'Вторая', true, null],
      ['c', 'Третья', false, null],
      ['d', 'Четвёртая', true, null],
      ['e', 'Пятая', true, null],
      ['f', 'Шестая', false, at]
    ])
  })
})
