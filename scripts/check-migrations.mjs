// Fails when a Drizzle schema has changed without a generated migration: drizzle-kit generates into a scratch copy
// of the committed migrations, and any file it adds or changes there means a migration is missing from the
// repository. Two schemas are checked: the desk's (SQLite) and the sync server's (PostgreSQL).
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'

const stores = [
  {
    name: 'Desk',
    dialect: 'sqlite',
    schema: './src-main/core/db/schema.ts',
    out: 'drizzle',
    fix: 'npm run db:generate'
  },
  {
    name: 'Sync server',
    dialect: 'postgresql',
    schema: './src-server/db/schema.ts',
    out: 'src-server/drizzle',
    fix: 'npm run db:generate:server'
  }
]

const list = (dir) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.sql') || f.endsWith('.json'))
    .sort()

/** The committed files drizzle-kit would add or write otherwise. */
function outOfDate({ dialect, schema, out }) {
  // drizzle-kit takes --out relative to the project: the scratch copy lives under node_modules/.cache.
  mkdirSync('node_modules/.cache', { recursive: true })
  const scratch = relative(process.cwd(), mkdtempSync(join('node_modules', '.cache', 'drizzle-check-')))
  try {
    cpSync(out, scratch, { recursive: true })
    const args = ['drizzle-kit', 'generate', '--dialect', dialect, '--schema', schema, '--out', scratch]
    const report = execFileSync('npx', args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
    if (/error/i.test(report)) throw new Error(report)
    const committed = list(out)
    const generated = list(scratch)
    const added = generated.filter((f) => !committed.includes(f))
    const changed = committed.filter(
      (f) =>
        f !== 'meta/_journal.json' &&
        readFileSync(join(out, f), 'utf8') !== readFileSync(join(scratch, f), 'utf8')
    )
    return { files: [...added, ...changed], count: committed.filter((f) => f.endsWith('.sql')).length }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

let failed = false
for (const store of stores) {
  const { files, count } = outOfDate(store)
  if (files.length > 0) {
    failed = true
    console.error(
      `${store.name} migrations are out of date with ${store.schema}. Run \`${store.fix}\` and commit.`
    )
    for (const f of files) console.error(`  ${f}`)
  } else {
    console.log(`${store.name} migrations match the schema (${count} files).`)
  }
}
process.exit(failed ? 1 : 0)
