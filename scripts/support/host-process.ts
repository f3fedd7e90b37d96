// A browser host as a child process, for the fault scripts (fuzz, kill -9) and their tests: the real HTTP server and
// core, started from the sources with tsx (or from out/main/host.js when asked), on a port of its own.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface HostReply {
  status: number
  text: string
  json: unknown
}

export interface HostProcess {
  readonly origin: string
  readonly pid: number
  readonly child: ChildProcess
  /** Everything the host wrote to stderr so far: a stack trace there is fine, in a reply it is not. */
  stderr(): string
  /** Posts a body as is (text), the way a hostile page or a broken client could. */
  post(name: string, body: string): Promise<HostReply>
  call<T = unknown>(name: string, input: unknown, token?: string | null): Promise<T>
  alive(): boolean
  /** Resident memory of the host process in bytes, from /proc. */
  rss(): number
  kill9(): Promise<void>
  stop(): Promise<void>
}

export async function startHostProcess(
  dataDir: string,
  opts: { built?: boolean } = {}
): Promise<HostProcess> {
  const entry = opts.built
    ? [resolve(projectRoot, 'out/main/host.js')]
    : ['--import', 'tsx', resolve(projectRoot, 'src-main/host/cli.ts')]
  const child = spawn(process.execPath, [...entry, '--data', dataDir, '--port', '0'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  let err = ''
  child.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')))
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`host did not start in 60 s:\n${out}\n${err}`)), 60_000)
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8')
      const match = /^HOST_URL=(\S+)$/m.exec(out)
      if (match) {
        clearTimeout(timer)
        done(match[1])
      }
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      fail(new Error(`host exited (${code ?? signal}) before starting:\n${out}\n${err}`))
    })
  })
  const parsed = new URL(url)
  const secret = /k=([^&]+)/.exec(parsed.hash)?.[1] ?? ''
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const alive = () => child.exitCode === null && child.signalCode === null

  const post = async (name: string, body: string): Promise<HostReply> => {
    const response = await fetch(`${parsed.origin}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Host-Secret': secret },
      body
    })
    const text = await response.text()
    let json: unknown = undefined
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    return { status: response.status, text, json }
  }

  return {
    origin: parsed.origin,
    pid: child.pid ?? 0,
    child,
    stderr: () => err,
    post,
    async call<T>(name: string, input: unknown, token: string | null = null): Promise<T> {
      const reply = await post(name, JSON.stringify({ input, token }))
      const result = reply.json as { ok: boolean; value?: T; error?: { code: string; message: string } }
      if (!result?.ok) throw new Error(`${name}: ${result?.error?.code} ${result?.error?.message}`)
      return result.value as T
    },
    alive,
    rss() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      return kb * 1024
    },
    async kill9() {
      if (alive()) child.kill('SIGKILL')
      await exited
    },
    async stop() {
      if (alive()) {
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(timer)
      }
    }
  }
}
