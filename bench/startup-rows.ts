// Start-up: a fresh Node process opens the core on the largest clinic and answers one ФИО search. Measured from
// the spawn to the answer, with the process's memory at that moment.
import { spawn } from 'node:child_process'
import { summarise } from './measure'
import { migrationsDir, projectRoot, resourcesDir } from './paths'
import { ms, type Row } from './report'

interface ProbeReport {
  answeredAtMs: number
  openToAnswerMs: number
  rssBytes: number
  cpuMs: number
  found: number
}

function probe(script: string, dir: string, query: string): Promise<{ wallMs: number; report: ProbeReport }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [script, dir, query, resourcesDir, migrationsDir], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      // The answer is the first line; the process may take a moment longer to close the store and exit.
      if (out.includes('\n')) {
        const wallMs = performance.now() - started
        resolve({ wallMs, report: JSON.parse(out.slice(0, out.indexOf('\n'))) as ProbeReport })
      }
    })
    child.on('exit', (code) => {
      if (!out.includes('\n')) reject(new Error(`start-up probe exited with ${code}`))
    })
  })
}

const QUERY = 'иванов ив'

export async function startupRows(
  script: string,
  dir: string,
  patients: number,
  runs: number
): Promise<Row[]> {
  // The first start warms the OS's file cache, as any start of the app after the first would find it.
  await probe(script, dir, QUERY)
  const results = []
  for (let i = 0; i < runs; i++) results.push(await probe(script, dir, QUERY))
  const wall = summarise(results.map((r) => r.wallMs))
  const open = summarise(results.map((r) => r.report.openToAnswerMs))
  const cpu = summarise(results.map((r) => r.report.cpuMs))
  const rss = summarise(results.map((r) => r.report.rssBytes / 1024 ** 2))
  const size = patients >= 1_000_000 ? `${patients / 1_000_000}M` : `${patients / 1000}k`
  return [
    {
      what: `Start-up to first search answer, ${size} patients (fresh process, ${runs} runs)`,
      ours: `${ms(wall.median)} / ${ms(wall.p99)}`,
      // CPU time is what the start costs on an idle machine; wall time also holds the waits of a busy one.
      comparison: `process CPU time ${ms(cpu.median)}; openCore → answer ${ms(open.median)}`,
      ratio: '—',
      goal: '≤ 1 s',
      met: wall.median <= 1000
    },
    {
      what: `Memory (RSS) at first answer, ${size} patients`,
      ours: `${rss.median.toFixed(0)} MB / ${rss.p99.toFixed(0)} MB`,
      comparison: '—',
      ratio: '—',
      goal: '≤ 300 MB',
      met: rss.p99 <= 300
    }
  ]
}
