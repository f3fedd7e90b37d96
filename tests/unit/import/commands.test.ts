import { describe, expect, it } from 'vitest'
import type { ImportStatus } from '../../../src-main/contract/import-commands'
import { chunked, importFile } from './fixtures'
import { importCore, tableCounts } from './support'

type T = Awaited<ReturnType<typeof importCore>>

async function until(t: T, token: string, importId: string, states: ImportStatus['state'][]) {
  for (let i = 0; i < 600; i++) {
    const status = await t.call('import.status', { importId }, token)
    if (states.includes(status.state)) return status
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`import ${importId} never reached ${states.join('/')}`)
}

async function stage(t: T, token: string, text: string, fileName = 'mis-export.json') {
  let status = await t.call('import.start', { fileName, sizeBytes: Buffer.byteLength(text) }, token)
  const chunks = chunked(text, 997)
  for (const [index, chunk] of chunks.entries()) {
    const last = index === chunks.length - 1
    status = await t.call('import.append', { importId: status.importId, index, chunk, last }, token)
  }
  return status
}

describe('import commands', () => {
  it('stages a file in chunks, checks it, imports it, and reports the same counts both times', async () => {
    const t = await importCore()
    const token = t.tokens.senior
    const text = JSON.stringify(importFile(12), null, 2)
    const staged = await stage(t, token, text)
    expect(staged).toMatchObject({
      state: 'ready',
      receivedChars: text.length,
      sizeBytes: Buffer.byteLength(text)
    })
    expect(staged.nextChunk).toBe(Math.ceil(text.length / 997))

    const before = tableCounts(t.deps)
    const checking = await t.call('import.dryRun', { importId: staged.importId }, token)
    expect(checking.state).toBe('checking')
    const checked = await until(t, token, staged.importId, ['checked', 'failed'])
    expect(checked.error).toBeNull()
    expect(checked.dryRun?.totals).toEqual({ new: 33, updated: 0, unchanged: 0, rejected: 0 })
    expect(checked.progress).toEqual({ section: 'requests', rowsDone: 33, rowsTotal: 33 })
    expect(tableCounts(t.deps)).toEqual(before)

    await t.call('import.commit', { importId: staged.importId }, token)
    const done = await until(t, token, staged.importId, ['done', 'failed'])
    expect(done.result?.sections).toEqual(checked.dryRun?.sections)
    expect(tableCounts(t.deps).patients).toBe(before.patients + 12)
    // The text is let go once imported; a second commit of the same staging is refused.
    expect((await t.fail('import.commit', { importId: staged.importId }, token)).code).toBe('CONFLICT')
    expect((await t.call('audit.verify', {}, token)).ok).toBe(true)
  })

  it('takes chunks only in order, acknowledges a resent chunk, and keeps a staged file to its owner', async () => {
    const t = await importCore()
    const token = t.tokens.senior
    const start = await t.call('import.start', { fileName: 'a.json', sizeBytes: 10 }, token)
    const first = { importId: start.importId, index: 0, chunk: '{"a":' }
    await t.call('import.append', first, token)
    expect((await t.call('import.append', first, token)).receivedChars).toBe(5)
    const gap = await t.fail('import.append', { importId: start.importId, index: 2, chunk: '1}' }, token)
    expect(gap).toEqual({ code: 'VALIDATION', message: 'Ожидалась часть файла №2, пришла №3' })
    expect((await t.fail('import.dryRun', { importId: start.importId }, token)).code).toBe('CONFLICT')
    expect((await t.fail('import.status', { importId: start.importId }, t.tokens.admin)).code).toBe(
      'NOT_FOUND'
    )
    expect(
      (await t.fail('import.start', { fileName: 'a.json', sizeBytes: 10 }, t.tokens.registrar)).code
    ).toBe('FORBIDDEN')
    expect((await t.call('import.cancel', { importId: start.importId }, token)).state).toBe('cancelled')
    expect((await t.fail('import.status', { importId: start.importId }, token)).code).toBe('NOT_FOUND')
  })

  it('says in Russian why a file as a whole cannot be read', async () => {
    const t = await importCore()
    const token = t.tokens.admin
    const cases: [string, string][] = [
      [
        '{"format": "registrar-import", "version": 1, "source": {"system": "mis"}, "patients": [',
        'файл оборван'
      ],
      ['{"format": "registrar-import", "version": 2, "source": {"system": "mis"}}', 'Версия формата 2'],
      ['{"format": "registrar-import", "version": 1, "source": {"system": "mis"}, "patient": []}', 'раздел'],
      ['<?xml version="1.0"?>', 'не является корректным JSON'],
      ['{"resourceType": "Bundle", "entry": []}', 'Bundle.meta.source']
    ]
    for (const [text, expected] of cases) {
      const staged = await stage(t, token, text)
      await t.call('import.dryRun', { importId: staged.importId }, token)
      const failed = await until(t, token, staged.importId, ['failed', 'checked'])
      expect(failed.state).toBe('failed')
      expect(failed.error).toContain(expected)
      await t.call('import.cancel', { importId: staged.importId }, token)
    }
  })
})
