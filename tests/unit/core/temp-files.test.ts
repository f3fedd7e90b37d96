// SQLite Multiple Ciphers encrypts the store and its journals but not SQLite's temporary files, which hold the
// store's own rows: sorted keys, the pages a statement may have to undo. The desk keeps them in memory.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectRoot, tempDir, testKey } from '../support/core'

describe('temporary files of an encrypted store', () => {
  it('never reach the disk, even for a sort larger than the page cache', () => {
    const dir = tempDir()
    const sqliteTemp = join(dir, 'sqlite-temp')
    mkdirSync(sqliteTemp)
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(projectRoot, 'tests/unit/core/support/temp-probe.ts'),
        join(dir, 'store.db'),
        testKey
      ],
      { cwd: projectRoot, env: { ...process.env, SQLITE_TMPDIR: sqliteTemp }, encoding: 'utf8' }
    )
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({ held: 0 })
    expect(readdirSync(sqliteTemp)).toEqual([])
  })
})
