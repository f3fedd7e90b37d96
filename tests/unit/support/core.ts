// A real core on a real SQLite file in a fresh temporary folder, with a fixed clock.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach } from 'vitest'
import type { CommandInput, CommandName, CommandOutput } from '../../../src-main/contract/commands'
import type { AppErrorShape } from '../../../src-main/contract/errors'
import { openCore, type Core } from '../../../src-main/core/app'
import { fixedClock } from '../../../src-main/core/clock'
import { parseDatabaseKey, type DatabaseKey } from '../../../src-main/core/db/cipher'

export const projectRoot = resolve(__dirname, '../../..')

/** Every test store is encrypted, as the app's are, with one known key so a test can reopen its files. */
export const testKey = parseDatabaseKey('7e57'.repeat(16)) as DatabaseKey

const opened: { core: Core; dir: string }[] = []

afterEach(() => {
  for (const { core, dir } of opened.splice(0)) {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'registrar-test-'))
}

export interface TestCore {
  core: Core
  dir: string
  clock: ReturnType<typeof fixedClock>
  call<N extends CommandName>(
    name: N,
    input: CommandInput<N>,
    token?: string | null
  ): Promise<CommandOutput<N>>
  fail<N extends CommandName>(name: N, input: CommandInput<N>, token?: string | null): Promise<AppErrorShape>
}

export function startCore(now = '2026-11-20T09:00:00+03:00', dir = tempDir()): TestCore {
  const clock = fixedClock(now)
  const core = openCore({
    dataDir: dir,
    databaseKey: () => testKey,
    resourcesDir: join(projectRoot, 'resources'),
    migrationsDir: join(projectRoot, 'drizzle'),
    clock,
    passwordCost: 1024
  })
  opened.push({ core, dir })
  return {
    core,
    dir,
    clock,
    async call(name, input, token = null) {
      const result = await core.dispatch(name, input, token)
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`)
      return result.value as never
    },
    async fail(name, input, token = null) {
      const result = await core.dispatch(name, input, token)
      if (result.ok) throw new Error(`${name} succeeded but was expected to fail`)
      return result.error
    }
  }
}

/** The demo clinic with a small card index, and a signed-in session for each demo role. */
export async function demoCore(patients = 120, now?: string) {
  const t = startCore(now)
  await t.call('system.setupDemo', { patients })
  const signIn = async (login: string) => (await t.call('auth.signIn', { login, password: 'demo1234' })).token
  return {
    ...t,
    tokens: {
      registrar: await signIn('registrar'),
      senior: await signIn('senior'),
      admin: await signIn('admin'),
      auditor: await signIn('auditor')
    }
  }
}
