// PostgreSQL's own CPU time, read from /proc as the sync server's is: the postmaster and every process it started
// (backends, WAL writer, checkpointer), those that have exited included, since the kernel adds a reaped child's time
// to its parent's. The sync rows add it to the desk's and the server's to show what all three cost per change on this
// machine's cores. Only a PostgreSQL on this machine whose /proc entries can be read is measured; otherwise null.
import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import pg from 'pg'
import { MS_PER_TICK, procStat } from '../scripts/support/sync-server-process'

function commandOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim()
  } catch {
    return null
  }
}

// Fields 4, 14 to 17 of /proc/<pid>/stat: the parent, and the user and system time of the process and of its reaped
// children.
const PPID = 1
const UTIME = 11
const STIME = 12
const CUTIME = 13
const CSTIME = 14

function clusterCpuMs(postmaster: number): number | null {
  const own = procStat(postmaster)
  if (!own) return null
  let ticks = Number(own[UTIME]) + Number(own[STIME]) + Number(own[CUTIME]) + Number(own[CSTIME])
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const f = procStat(Number(entry))
    if (f && Number(f[PPID]) === postmaster) ticks += Number(f[UTIME]) + Number(f[STIME])
  }
  return ticks * MS_PER_TICK
}

/**
 * A reader of the CPU milliseconds the PostgreSQL of `url` has used so far, or null when it does not run on this
 * machine where this process can see it (another host, another container, no /proc).
 */
export async function postgresCpuReader(url: string | undefined): Promise<(() => number | null) | null> {
  if (!url) return null
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    // This connection's backend names the postmaster as its parent. A process of that number here that is not
    // PostgreSQL's means the server runs elsewhere.
    const backend = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid
    if (commandOf(backend) !== 'postgres') return null
    const postmaster = Number(procStat(backend)?.[PPID])
    if (commandOf(postmaster) !== 'postgres') return null
    return () => clusterCpuMs(postmaster)
  } catch {
    return null
  } finally {
    await client.end().catch(() => {})
  }
}

/** CPU milliseconds used so far by each side of a sync: the desks (this process), the server, its PostgreSQL. */
export interface CpuReading {
  desk: number
  server: number | null
  /** Null where it cannot be read, and for PGlite, which runs inside the server's process and counts there. */
  postgres: number | null
}

export interface CpuMeter {
  read(): CpuReading
  /** Per change (or record) between two readings: each side's CPU, their sum, and the most a second the cores allow. */
  perChange(from: CpuReading, to: CpuReading, changes: number, unit?: string): string
}

export function cpuMeter(
  server: { cpuMs(): number | null; backend: string },
  postgres: (() => number | null) | null
): CpuMeter {
  const inServer = server.backend !== 'postgres'
  const desk = () => {
    const used = process.cpuUsage()
    return (used.user + used.system) / 1000
  }
  const spent = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a)
  return {
    read: () => ({ desk: desk(), server: server.cpuMs(), postgres: postgres?.() ?? null }),
    perChange(from, to, changes, unit = 'change') {
      const us = (ms: number) => `${((ms * 1000) / Math.max(1, changes)).toFixed(0)} µs`
      const deskMs = to.desk - from.desk
      const serverMs = spent(from.server, to.server)
      const postgresMs = inServer ? 0 : spent(from.postgres, to.postgres)
      const parts = [`desk ${us(deskMs)}`]
      if (serverMs !== null) parts.push(`server ${us(serverMs)}${inServer ? ' with PGlite' : ''}`)
      if (postgresMs !== null && !inServer) parts.push(`PostgreSQL ${us(postgresMs)}`)
      const text = `CPU per ${unit}: ${parts.join(', ')}`
      if (serverMs === null || postgresMs === null) return text
      const all = deskMs + serverMs + postgresMs
      const cores = availableParallelism()
      const ceiling = (changes * 1000 * cores) / Math.max(1, all)
      return `${text}; ${us(all)} in all, so at most ${Math.round(ceiling).toLocaleString('en-US')}/s on ${cores} cores`
    }
  }
}
