// npm run fuzz -- --per-command N [--seed S] [--concurrency C] [--only a.b,c.d] [--built]
// Random and mutated inputs for every contract command through a real browser host; prints a table per command,
// the host's memory before and after, and every reply that broke the boundary's promise. Exit 1 on any finding.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCampaign, type CommandTally } from './fuzz/campaign'
import { startHostProcess } from './support/host-process'

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const perCommand = Number(flag('per-command') ?? 200)
const seed = Number(flag('seed') ?? Date.now() % 1_000_000)
const concurrency = Number(flag('concurrency') ?? 4)
const only = flag('only')?.split(',')
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} МБ`

function row(t: CommandTally): string {
  const outcomes = Object.entries(t.outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ${n}`)
    .join(', ')
  return `| ${t.name} | ${t.inputs} | ${outcomes} | ${t.maxLatencyMs.toFixed(0)} | ${t.findings.length ? 'ДА' : '—'} |`
}

const dataDir = mkdtempSync(join(tmpdir(), 'registrar-fuzz-'))
const host = await startHostProcess(dataDir, { built: process.argv.includes('--built') })
console.log(
  `Фазз: ${perCommand} входов на команду, seed ${seed}, параллельно ${concurrency}, хост pid ${host.pid}`
)
console.log('| команда | входов | исходы по кодам | макс. задержка, мс | находки |')
console.log('| --- | --- | --- | --- | --- |')
try {
  const result = await runCampaign(host, {
    perCommand,
    seed,
    concurrency,
    only,
    onCommandDone: (t) => console.log(row(t))
  })
  const total = result.tallies.reduce((s, t) => s + t.inputs, 0)
  const maxLatency = Math.max(...result.tallies.map((t) => t.maxLatencyMs))
  console.log('')
  console.log(
    `Команд: ${result.tallies.length}, входов всего: ${total}, время: ${result.seconds.toFixed(0)} с`
  )
  console.log(`Макс. задержка: ${maxLatency.toFixed(0)} мс`)
  console.log(`Память хоста (RSS): до ${mb(result.rssBefore)}, после ${mb(result.rssAfter)}`)
  console.log(
    `Процесс жив: ${result.aliveAfter ? 'да' : 'НЕТ'}, отвечает после: ${result.answersAfter ? 'да' : 'НЕТ'}`
  )
  console.log(`Находок: ${result.findings.length}`)
  const shown = new Set<string>()
  for (const f of result.findings) {
    const key = `${f.command} ${f.problem.slice(0, 60)}`
    if (shown.has(key)) continue
    shown.add(key)
    console.log(`\n— ${f.command} [${f.mutation}]: ${f.problem}\n  тело: ${f.body}\n  ответ: ${f.reply}`)
  }
  // The host's log says why an INTERNAL happened; the reply, by design, does not.
  if (result.findings.length > 0) console.log(`\nЖурнал хоста (конец):\n${host.stderr().slice(-3000)}`)
  process.exitCode = result.findings.length === 0 && result.answersAfter ? 0 : 1
} finally {
  await host.stop()
  if (!process.argv.includes('--keep')) rmSync(dataDir, { recursive: true, force: true })
}
