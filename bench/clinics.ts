// Demo clinics of each size, generated once into bench/.data/ and reused: a million patients take minutes to make.
// A clinic is remade when the generator's code changes (its files' hash is kept beside the store), so a table never
// mixes figures from an old demo with a new search.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { prepareExtractFixture, type ExtractFixture } from './fixture'
import { projectRoot } from './paths'

export interface Clinic {
  patients: number
  dir: string
  /** How long making it took (wall and CPU seconds), and how large the store is: reported beside the table. */
  generatedSeconds: number
  generatedCpuSeconds: number
  bytes: number
  fixture: ExtractFixture
}

export interface ClinicMeta {
  fingerprint: string
  generatedSeconds: number
  generatedCpuSeconds: number
  fixture: ExtractFixture
}

const dataDir = join(projectRoot, 'bench', '.data')

/** Hash of everything that decides what a clinic holds. */
export function generatorFingerprint(): string {
  const hash = createHash('sha256')
  const dirs = [join(projectRoot, 'src-main', 'core', 'demo')]
  const files = [
    ...dirs.flatMap((d) => readdirSync(d).map((f) => join(d, f))),
    join(projectRoot, 'bench', 'fixture.ts')
  ].sort()
  for (const f of files) hash.update(f.slice(projectRoot.length)).update(readFileSync(f))
  return hash.digest('hex').slice(0, 16)
}

export async function clinicOf(patients: number, log: (line: string) => void): Promise<Clinic> {
  const dir = join(dataDir, `clinic-${patients}`)
  const file = join(dir, 'registrar.db')
  const metaFile = join(dir, 'meta.json')
  const fingerprint = generatorFingerprint()
  let meta: ClinicMeta | null = existsSync(metaFile)
    ? (JSON.parse(readFileSync(metaFile, 'utf8')) as ClinicMeta)
    : null
  if (!meta || meta.fingerprint !== fingerprint || !existsSync(file)) {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    log(`generating a clinic of ${patients.toLocaleString('en-US')} patients in ${dir} …`)
    const statsFile = join(dir, 'generated.json')
    // A child process, as `npm run demo` runs it: the generator's memory and flags are its own.
    const child = spawnSync(
      process.execPath,
      [
        '--max-semi-space-size=64',
        '--import',
        'tsx',
        'scripts/demo.ts',
        '--patients',
        String(patients),
        '--out',
        file,
        '--stats',
        statsFile
      ],
      { cwd: projectRoot, stdio: ['ignore', 'inherit', 'inherit'] }
    )
    if (child.status !== 0) throw new Error(`demo generator failed for ${patients} patients`)
    const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as { seconds: number; cpuSeconds: number }
    const fixture = await prepareExtractFixture(dir)
    meta = { fingerprint, generatedSeconds: stats.seconds, generatedCpuSeconds: stats.cpuSeconds, fixture }
    writeFileSync(metaFile, JSON.stringify(meta, null, 2))
  }
  return {
    patients,
    dir,
    generatedSeconds: meta.generatedSeconds,
    generatedCpuSeconds: meta.generatedCpuSeconds,
    bytes: statSync(file).size,
    fixture: meta.fixture
  }
}
