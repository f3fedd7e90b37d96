// npm run bench:encryption [-- --patients N]: what encryption at rest costs. The same demo clinic twice, a plain copy
// and the same file encrypted in place (as a desk from before is), then the same searches and registrations on
// both, alternating, so the load of a shared machine falls on both alike. Prints a markdown table.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openCore, type Core } from '../src-main/core/app'
import { newDatabaseKey, type DatabaseKey } from '../src-main/core/db/cipher'
import { searchPatients } from '../src-main/core/patients/search'
import { setupDemo } from '../src-main/core/setup/setup-service'
import { summarise, type Sample } from './measure'
import { migrationsDir, resourcesDir } from './paths'
import { prefixQueries, samplePatients } from './queries'
import { medianP99, ms, times } from './report'

const { values } = parseArgs({ options: { patients: { type: 'string', default: '20000' } } })
const patients = Number(values.patients)
const log = (line: string) => process.stderr.write(`${line}\n`)
const work = mkdtempSync(join(tmpdir(), 'bench-encryption-'))

function open(dir: string, databaseKey: (() => DatabaseKey) | 'unencrypted'): Core {
  return openCore({ dataDir: dir, resourcesDir, migrationsDir, databaseKey, scheduleBackups: false })
}

try {
  log(`demo clinic of ${patients} patients …`)
  const plainDir = join(work, 'plain')
  const cryptDir = join(work, 'encrypted')
  const made = open(plainDir, 'unencrypted')
  await setupDemo(await made.deps(), { patients })
  made.close()
  // The plain store put in place of the encrypted desk's: the core encrypts it on open, as it would a desk's.
  mkdirSync(cryptDir, { recursive: true })
  copyFileSync(join(plainDir, 'registrar.db'), join(cryptDir, 'registrar.db'))
  const key = newDatabaseKey()
  const migrateStarted = performance.now()
  const cryptFirst = open(cryptDir, () => key)
  await cryptFirst.deps()
  const migrateMs = performance.now() - migrateStarted
  cryptFirst.close()

  const openMs = { plain: [] as number[], encrypted: [] as number[] }
  const openTimed = async (which: 'plain' | 'encrypted'): Promise<Core> => {
    const started = performance.now()
    const core = which === 'plain' ? open(plainDir, 'unencrypted') : open(cryptDir, () => key)
    const deps = await core.deps()
    deps.store.sqlite.prepare('SELECT count(*) FROM patients').pluck().get()
    openMs[which].push(performance.now() - started)
    return core
  }
  for (let i = 0; i < 5; i++)
    for (const which of ['plain', 'encrypted'] as const) (await openTimed(which)).close()

  const plain = await openTimed('plain')
  const crypt = await openTimed('encrypted')
  const stores = { plain: (await plain.deps()).store, encrypted: (await crypt.deps()).store }
  const queries = prefixQueries(samplePatients(stores.plain.sqlite, 400, 21), 22)

  const search = (cachePages: number | null) => {
    const out = { plain: [] as number[], encrypted: [] as number[] }
    for (const which of ['plain', 'encrypted'] as const) {
      stores[which].sqlite.pragma(cachePages === null ? 'cache_size = -16000' : `cache_size = ${cachePages}`)
      for (const q of queries.slice(0, 100)) searchPatients(stores[which], q, 20)
    }
    for (let round = 0; round < 3; round++) {
      for (const which of ['plain', 'encrypted'] as const) {
        for (const q of queries) {
          const started = performance.now()
          searchPatients(stores[which], q, 20)
          out[which].push(performance.now() - started)
        }
      }
    }
    return { plain: summarise(out.plain), encrypted: summarise(out.encrypted) }
  }
  log('search …')
  const warm = search(null)
  // 64 pages of cache: nearly every page a search touches is read from the OS and decrypted again.
  const cold = search(64)

  log('registration …')
  const tokenOf = async (core: Core) => {
    const r = await core.dispatch('auth.signIn', { login: 'registrar', password: 'demo1234' }, null)
    if (!r.ok) throw new Error(r.error.message)
    return (r.value as { token: string }).token
  }
  const tokens = { plain: await tokenOf(plain), encrypted: await tokenOf(crypt) }
  const cores = { plain, encrypted: crypt }
  const inserts = { plain: [] as number[], encrypted: [] as number[] }
  for (let i = 0; i < 300; i++) {
    for (const which of ['plain', 'encrypted'] as const) {
      const draft = {
        lastName: `Замерова${String.fromCharCode(1072 + (i % 32))}`,
        firstName: 'Ирина',
        sex: 'F' as const,
        birthDate: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`
      }
      const started = performance.now()
      const r = await cores[which].dispatch(
        'patients.create',
        { draft, confirmDuplicate: true },
        tokens[which]
      )
      inserts[which].push(performance.now() - started)
      if (!r.ok) throw new Error(r.error.message)
    }
  }
  const insert = { plain: summarise(inserts.plain), encrypted: summarise(inserts.encrypted) }
  const size = (dir: string) => statSync(join(dir, 'registrar.db')).size / 2 ** 20
  plain.close()
  crypt.close()

  const row = (what: string, s: { plain: Sample; encrypted: Sample }) =>
    `| ${what} | ${medianP99(s.plain)} | ${medianP99(s.encrypted)} | ${times(s.encrypted.median / s.plain.median)} |`
  const lines = [
    `Encryption at rest, ${patients.toLocaleString('en-US')} patients (median / p99):`,
    '',
    '| Measure | Plain | Encrypted | Ratio (median) |',
    '| --- | --- | --- | --- |',
    row('Open the store and read (key derivation included)', {
      plain: summarise(openMs.plain),
      encrypted: summarise(openMs.encrypted)
    }),
    row(`ФИО prefix search, ${queries.length * 3} queries, default cache`, warm),
    row(`ФИО prefix search, ${queries.length * 3} queries, 64-page cache`, cold),
    row('Register a patient (patients.create, synchronous = FULL)', insert),
    '',
    `Encrypting the plain store in place (copy, verify, rekey, verify): ${ms(migrateMs)}; ` +
      `file ${size(plainDir).toFixed(1)} MiB plain, ${size(cryptDir).toFixed(1)} MiB encrypted.`
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
