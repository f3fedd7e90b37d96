// Found by the fuzz run: backups started together (a double press, the schedule meeting a press) picked the same file
// name and wrote into each other; pruning sorted "…Z-2.db" after "…Z.db" so it deleted the copy it had just made; and
// once "…Z.db" was pruned, the next copy of that second took the freed name, sorted oldest and was pruned at once.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupsToPrune } from '../../../src-main/core/backup/backup-service'
import { demoCore } from '../support/core'

describe('backups made at the same moment', () => {
  it('prunes by time and then by the counter within one second', () => {
    const names = [
      'registrar-20261120T000000Z.db',
      'registrar-20261120T000000Z-2.db',
      'registrar-20261120T000000Z-10.db',
      'registrar-20261119T235959Z-3.db'
    ]
    expect(backupsToPrune(names, 2)).toEqual([
      'registrar-20261120T000000Z.db',
      'registrar-20261119T235959Z-3.db'
    ])
  })

  it('all succeed, each in its own verified file, and the newest are kept', async () => {
    // The demo core's clock stands still, so every copy falls into the same second.
    const t = await demoCore(10)
    const made = await Promise.all(
      Array.from({ length: 8 }, () => t.call('backup.create', {}, t.tokens.admin))
    )
    expect(new Set(made.map((b) => b.name)).size).toBe(8)
    expect(made.every((b) => b.patients === 10)).toBe(true)
    const kept = await t.call('backup.list', {}, t.tokens.admin)
    const { backupKeep } = await t.call('settings.get', {}, t.tokens.admin)
    expect(kept.length).toBe(Math.min(8, backupKeep))
    // The last one made is among those kept, and the list is newest first.
    expect(kept[0].name).toBe(made[made.length - 1].name)
    for (const b of kept) expect(existsSync(join(t.dir, 'backups', b.name))).toBe(true)
  })

  it('keeps making copies past the kept number within one second, each newer than the last', async () => {
    const t = await demoCore(10)
    const { backupKeep } = await t.call('settings.get', {}, t.tokens.admin)
    const names: string[] = []
    for (let i = 0; i < backupKeep + 3; i++) {
      const made = await t.call('backup.create', {}, t.tokens.admin)
      expect(existsSync(join(t.dir, 'backups', made.name))).toBe(true)
      names.push(made.name)
    }
    expect(new Set(names).size).toBe(names.length)
    const kept = await t.call('backup.list', {}, t.tokens.admin)
    expect(kept.map((b) => b.name)).toEqual(names.slice(-backupKeep).reverse())
  })
})
