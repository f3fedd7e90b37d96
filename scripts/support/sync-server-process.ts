// Starts scripts/support/sync-server-child.ts and reads what it prints: where it listens, the enrolment codes, and
// on stop its own request timings and record count. Its CPU time so far is read from /proc whenever asked.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { projectRoot } from './host-process'

export interface ServedRequest {
  path: string
  ms: number
  status: number
  /** Wall clock (Date.now()) when the answer was finished. */
  at: number
}

export interface StoppedSyncServer {
  served: ServedRequest[]
  records: number | null
}

export interface SyncServerProcess {
  url: string
  codes: string[]
  backend: string
  /** CPU time the server process has used so far in ms, from /proc; null where that cannot be read. */
  cpuMs(): number | null
  /** Stops the server; later calls return the same answer. */
  stop(): Promise<StoppedSyncServer>
}

/** Linux counts process CPU time in clock ticks of 10 ms (USER_HZ is 100 on every architecture we run on). */
export const MS_PER_TICK = 10

/**
 * The fields of /proc/<pid>/stat from field 3 (state) on, so that field n is at index n - 3: the command name (field
 * 2) may hold spaces, so they are counted after its ')'. Null when there is no such process to read.
 */
export function procStat(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  } catch {
    return null
  }
}

function procCpuMs(pid: number | undefined): number | null {
  // utime and stime are fields 14 and 15.
  const fields = pid === undefined ? null : procStat(pid)
  return fields ? (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK : null
}

/**
 * Starts the server with this many enrolment codes. SYNC_SERVER_NODE_ARGS adds options for its node, such as
 * `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where a benchmark's server time goes.
 */
export function startSyncServerProcess(codes: number): Promise<SyncServerProcess> {
  const nodeArgs = (process.env.SYNC_SERVER_NODE_ARGS ?? '').split(' ').filter((a) => a !== '')
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      '--import',
      'tsx',
      resolve(projectRoot, 'scripts/support/sync-server-child.ts'),
      String(codes)
    ],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], env: process.env }
  )
  let out = ''
  let err = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')))
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')))
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  let stopped: Promise<StoppedSyncServer> | null = null
  const stop = (): Promise<StoppedSyncServer> =>
    (stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exited
      }
      const served = /^SERVED=(.+)$/m.exec(out)?.[1]
      const records = /^RECORDS=(\d+)$/m.exec(out)?.[1]
      return {
        served: served ? (JSON.parse(served) as ServedRequest[]) : [],
        records: records === undefined ? null : Number(records)
      }
    })())
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      void stop()
      fail(new Error(`sync server did not start:\n${out}\n${err}`))
    }, 120_000)
    const ready = () => {
      const url = /^SYNC_URL=(\S+)$/m.exec(out)?.[1]
      const list = /^CODES=(.+)$/m.exec(out)?.[1]
      if (!url || !list) return
      clearTimeout(timer)
      child.stdout.off('data', ready)
      done({
        url,
        codes: JSON.parse(list) as string[],
        backend: /^BACKEND=(\S+)$/m.exec(out)?.[1] ?? '?',
        cpuMs: () => procCpuMs(child.pid),
        stop
      })
    }
    child.stdout.on('data', ready)
    void exited.then(() => {
      clearTimeout(timer)
      fail(new Error(`sync server exited (${child.exitCode ?? child.signalCode}):\n${out}\n${err}`))
    })
  })
}
