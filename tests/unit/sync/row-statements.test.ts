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
})
