// A desk in a child process for the crash test: registers patients and syncs in a loop until it is killed.
// Prints "ack <id>" only after the transaction that created the patient has committed: that is what the
// registrar was told, and what must never be lost. "phase push|pull" tells which exchange was under way.
import { join } from 'node:path'
import { openCore } from '../../../../src-main/core/app'
import { fixedClock } from '../../../../src-main/core/clock'
import { parseDatabaseKey, type DatabaseKey } from '../../../../src-main/core/db/cipher'
import { attachSyncEngine } from '../../../../src-main/core/sync/engine'

const [dataDir, root, prefix, final] = process.argv.slice(2)
const started = Date.now()
const core = openCore({
  dataDir,
  // The same key as tests/unit/support/core.ts testKey: the test reads the store after each kill.
  databaseKey: () => parseDatabaseKey('7e57'.repeat(16)) as DatabaseKey,
  resourcesDir: join(root, 'resources'),
  migrationsDir: join(root, 'drizzle'),
  clock: fixedClock('2026-11-20T09:00:00+03:00'),
  passwordCost: 1024
})
const say = (line: string) => process.stdout.write(line + '\n')

async function main(): Promise<void> {
  const deps = await core.deps()
  const tracingFetch: typeof fetch = (input, init) => {
    const path = new URL(String(input)).pathname
    say(`phase ${path === '/v1/push' ? 'push' : path === '/v1/log' ? 'pull' : 'other'}`)
    return fetch(input, init)
  }
  const engine = attachSyncEngine(deps, { fetch: tracingFetch, pushMaxBytes: 1500, pullMaxBytes: 3000 })
  const signIn = await core.dispatch('auth.signIn', { login: 'registrar', password: 'demo1234' }, null)
  if (!signIn.ok) throw new Error(signIn.error.message)
  const token = (signIn.value as { token: string }).token
  say(`ready ${Date.now() - started}`)
  if (final) {
    await engine.runOrThrow()
    await engine.runOrThrow()
    say('done')
    core.close()
    return
  }
  for (let round = 0; ; round++) {
    for (let i = 0; i < 2; i++) {
      const created = await core.dispatch(
        'patients.create',
        {
          draft: {
            lastName: 'Крашева',
            firstName: `${prefix}${round}и${i}`.replace(/\d/g, (d) => 'абвгдежзик'[Number(d)]),
            sex: 'F',
            birthDate: '1991-01-01'
          },
          confirmDuplicate: true
        },
        token
      )
      if (!created.ok) throw new Error(created.error.message)
      say(`ack ${(created.value as { id: string }).id}`)
    }
    await engine.runOrThrow().catch((e: unknown) => say(`error ${(e as Error).message}`))
  }
}

main().catch((error: unknown) => {
  say(`fatal ${(error as Error).stack ?? String(error)}`)
  process.exit(1)
})
