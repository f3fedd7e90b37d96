// Fails when the sync server's Drizzle schema (src-server/db/schema.ts) has changed without a generated migration:
// the same check as check-migrations.mjs, for drizzle.server.config.ts and src-server/drizzle.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'

const out = 'src-server/drizzle'
mkdirSync('node_modules/.cache', { recursive: true })
const scratch = relative(process.cwd(), mkdtempSync(join('node_modules', '.cache', 'drizzle-server-check-')))
try {
  cpSync(out, scratch, { recursive: true })
  const report = execFileSync(
    'npx',
    [
      'drizzle-kit',
      'generate',
      '--dialect',
      'postgresql',
      '--schema',
      './src-server/db/schema.ts',
      '--out',
      scratch
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' }
  )
  if (/error/i.test(report)) {
    console.error(report)
    process.exit(1)
  }
  const list = (dir) =>
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.sql') || f.endsWith('.json'))
      .sort()
  const committed = list(out)
  const generated = list(scratch)
  const added = generated.filter((f) => !committed.includes(f))
  const changed = committed.filter(
    (f) =>
      f !== 'meta/_journal.json' &&
      readFileSync(join(out, f), 'utf8') !== readFileSync(join(scratch, f), 'utf8')
  )
  if (added.length > 0 || changed.length > 0) {
    console.error(
      'Server migrations are out of date with src-server/db/schema.ts. Run ' +
        '`npx drizzle-kit generate --config drizzle.server.config.ts` and commit.'
    )
    for (const f of [...added, ...changed]) console.error(`  ${f}`)
    process.exit(1)
  }
  console.log(
    `Server migrations match the schema (${committed.filter((f) => f.endsWith('.sql')).length} files).`
  )
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
