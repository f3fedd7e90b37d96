// What the figures were measured on: they mean little without the machine, its load and the runtime.
import { cpus, loadavg, platform, release, totalmem } from 'node:os'

export function describeMachine(now: Date, sqliteVersion: string): string {
  const cpu = cpus()
  const gib = (totalmem() / 1024 ** 3).toFixed(1)
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')
  return [
    `- CPU: ${cpu[0]?.model.trim() ?? 'unknown'}, ${cpu.length} cores`,
    `- Memory: ${gib} GiB`,
    `- OS: ${platform()} ${release()}`,
    `- Node ${process.version}, SQLite ${sqliteVersion} (better-sqlite3-multiple-ciphers, store encrypted with ChaCha20-Poly1305)`,
    `- Load average at start (1 / 5 / 15 min): ${load}`,
    `- Date: ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`
  ].join('\n')
}
