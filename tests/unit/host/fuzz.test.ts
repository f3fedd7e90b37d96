// A small fuzz campaign in CI: every contract command gets random and mutated inputs through a real browser host
// process over HTTP. `npm run fuzz -- --per-command 10000` is the full run; this keeps the promise checked on each
// change: only {code, message} errors in Russian, nothing from the inside, and the host still up and answering.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commandNames } from '../../../src-main/contract/commands'
import { replyProblem, runCampaign } from '../../../scripts/fuzz/campaign'
import { startHostProcess, type HostProcess } from '../../../scripts/support/host-process'

let host: HostProcess
let dataDir: string

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'registrar-fuzz-test-'))
  host = await startHostProcess(dataDir)
}, 90_000)

afterAll(async () => {
  await host?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('the boundary judge', () => {
  it('accepts a Russian error and a value, refuses internals, English and unknown codes', () => {
    expect(replyProblem(200, { ok: true, value: 1 })).toBeNull()
    expect(replyProblem(200, { ok: false, error: { code: 'NOT_FOUND', message: 'Нет такого' } })).toBeNull()
    expect(replyProblem(200, { ok: false, error: { code: 'NOT_FOUND', message: 'Not found' } })).toMatch(
      /не по-русски/
    )
    const stack = 'Ошибка\n    at Object.<anonymous> (app.ts:1:1)'
    expect(replyProblem(200, { ok: false, error: { code: 'VALIDATION', message: stack } })).toMatch(
      /внутренности/
    )
    expect(replyProblem(200, { ok: false, error: { code: 'BOOM', message: 'Ошибка' } })).toMatch(
      /неизвестный код/
    )
    expect(replyProblem(500, { ok: false, error: { code: 'INTERNAL', message: 'Ошибка' } })).toMatch(
      /HTTP 500/
    )
    expect(
      replyProblem(200, { ok: false, error: { code: 'NOT_FOUND', message: 'Нет', stack: 'x' } })
    ).toMatch(/лишние поля/)
  })
})

describe('fuzz through the browser host', () => {
  it('answers every input of every command with a value or a Russian {code, message}, and stays up', async () => {
    const result = await runCampaign(host, { perCommand: 12, seed: 20261122, concurrency: 2 })
    expect(result.tallies.map((t) => t.name)).toEqual(commandNames)
    expect(result.tallies.every((t) => t.inputs === 12)).toBe(true)
    expect(result.findings.map((f) => `${f.command} [${f.mutation}]: ${f.problem}\n${f.body}`)).toEqual([])
    expect(result.aliveAfter).toBe(true)
    expect(result.answersAfter).toBe(true)
  }, 600_000)
})
