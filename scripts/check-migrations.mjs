// Fails when the Drizzle schema has changed without a generated migration: drizzle-kit generates into a scratch
// copy of drizzle/, and any file it adds or changes there means a migration is missing from the repository.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'

// drizzle-kit takes --out relative to the project: the scratch copy lives under node_modules/.cache.
mkdirSync('node_modules/.cache', { recursive: true })
const scratch = relative(process.cwd(), mkdtempSync(join('node_modules', '.cache', 'drizzle-check-')))
try {
  cpSync('drizzle', scratch, { recursive: true })
  const report = execFileSync(
    'npx',
    [
      'drizzle-kit',
      'generate',
      '--dialect',
      'sqlite',
      '--schema',
      './src-main/core/db/schema.ts',
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
  const committed = list('drizzle')
  const generated = list(scratch)
  const added = generated.filter((f) => !committed.includes(f))
  const changed = committed.filter(
    (f) =>
      f !== 'meta/_journal.json' &&
      readFileSync(join('drizzle', f), 'utf8') !== readFileSync(join(scratch, f), 'utf8')
  )
  if (added.length > 0 || changed.length > 0) {
    console.error(
      'Migrations are out of date with src-main/core/db/schema.ts. Run `npm run db:generate` and commit.'
    )
    for (const f of [...added, ...changed]) console.error(`  ${f}`)
    process.exit(1)
  }
  console.log(`Migrations match the schema (${committed.filter((f) => f.endsWith('.sql')).length} files).`)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
