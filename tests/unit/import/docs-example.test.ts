import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportFile } from '../../../src-main/core/import/format'
import { projectRoot } from '../support/core'
import { importCore } from './support'

describe('docs/import-format.md', () => {
  it('shows an example that imports without a single error', async () => {
    const doc = readFileSync(join(projectRoot, 'docs/import-format.md'), 'utf8')
    const example = doc.slice(doc.indexOf('## Example'))
    const json = /```json\n([\s\S]*?)\n```/.exec(example)![1]
    const t = await importCore()
    const report = await t.run(JSON.parse(json) as ImportFile)
    expect(report.errors).toEqual([])
    expect(report.totals).toEqual({ new: 4, updated: 0, unchanged: 0, rejected: 0 })
    expect(report.sections.documents.new).toBe(1)
  })
})
