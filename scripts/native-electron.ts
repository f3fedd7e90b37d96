// Before `npm start`: make sure a build of the store's driver (better-sqlite3-multiple-ciphers) for Electron's ABI
// exists in .native/, without touching the Node build that tests use. See src-main/core/db/native.ts for the decision logic and its tests.
import { fileURLToPath } from 'node:url'
import { execFileSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { driverPackage, planElectronBuild } from '../src-main/core/db/native'

const root = fileURLToPath(new URL('..', import.meta.url))
function electronVersion(): string | null {
  const file = join(root, 'node_modules', 'electron', 'package.json')
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : null
}

const plan = planElectronBuild(
  root,
  electronVersion(),
  { platform: process.platform, arch: process.arch },
  existsSync
)
if (!plan) {
  console.error('Electron не установлен: выполните npm install')
  process.exit(1)
}
if (!plan.needed) process.exit(0)

console.log(`Сборка ${driverPackage} для Electron → ${plan.target}`)
const scratch = mkdtempSync(join(tmpdir(), 'sqlite3mc-electron-'))
try {
  cpSync(join(root, 'node_modules', driverPackage), scratch, {
    recursive: true,
    filter: (src) => !src.includes(join(driverPackage, 'build'))
  })
  // Node's headers (npm_config_nodedir) are wrong for Electron: build against Electron's own.
  const env = { ...process.env }
  delete env.npm_config_nodedir
  delete env.NPM_CONFIG_NODEDIR
  const gyp = join(
    dirname(process.execPath),
    '..',
    'lib',
    'node_modules',
    'npm',
    'node_modules',
    'node-gyp',
    'bin',
    'node-gyp.js'
  )
  // npm ships node-gyp beside itself; when this Node's npm lives elsewhere, npx fetches it.
  const [command, args] = existsSync(gyp)
    ? [process.execPath, [gyp, ...plan.gypArgs]]
    : ['npx', ['--yes', 'node-gyp', ...plan.gypArgs]]
  execFileSync(command, args, { cwd: scratch, stdio: 'inherit', env })
  mkdirSync(dirname(plan.target), { recursive: true })
  copyFileSync(join(scratch, 'build', 'Release', 'better_sqlite3.node'), plan.target)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
