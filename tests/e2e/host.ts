// One browser host per test: its own process, port and data folder, so tests cannot see each other's data.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const tmpRoot = resolve(root, 'tests', '.tmp')

export interface ApiError {
  code: string
  message: string
}

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(`${error.code}: ${error.message}`)
  }
}

export class Host {
  readonly origin: string
  readonly secret: string

  constructor(
    /** The URL the host printed: http://127.0.0.1:PORT/#k=SECRET */
    readonly url: string,
    readonly dataDir: string,
    private readonly child: ChildProcess
  ) {
    const parsed = new URL(url)
    this.origin = parsed.origin
    this.secret = /k=([^&]+)/.exec(parsed.hash)?.[1] ?? ''
  }

  /** Calls a command the way the renderer does; returns the raw Result. */
  async call(
    name: string,
    input: unknown,
    token: string | null = null
  ): Promise<{ ok: boolean; value?: unknown; error?: ApiError }> {
    const response = await fetch(`${this.origin}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Host-Secret': this.secret },
      body: JSON.stringify({ input, token })
    })
    return (await response.json()) as { ok: boolean; value?: unknown; error?: ApiError }
  }

  /** Calls a command and returns its value, throwing on a refusal. */
  async api<T = unknown>(name: string, input: unknown, token: string | null = null): Promise<T> {
    const result = await this.call(name, input, token)
    if (!result.ok) throw new ApiFailure(result.error ?? { code: 'UNKNOWN', message: 'no error' })
    return result.value as T
  }

  async signIn(login: string, password = 'demo1234'): Promise<string> {
    const session = await this.api<{ token: string }>('auth.signIn', { login, password })
    return session.token
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise<void>((done) => this.child.once('exit', () => done()))
      this.child.kill('SIGTERM')
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    }
    rmSync(this.dataDir, { recursive: true, force: true })
  }
}

/** `prepare` fills the data folder before the host opens it (a store made with the core's clock set back). */
export async function startHost(label: string, prepare?: (dataDir: string) => Promise<void>): Promise<Host> {
  const dataDir = resolve(tmpRoot, 'data', `${label}-${randomUUID().slice(0, 8)}`)
  mkdirSync(dataDir, { recursive: true })
  await prepare?.(dataDir)
  const child = spawn(
    process.execPath,
    [resolve(root, 'out/main/host.js'), '--data', dataDir, '--port', '0'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let output = ''
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`host did not print HOST_URL in 20 s:\n${output}`)),
      20_000
    )
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const match = /^HOST_URL=(\S+)$/m.exec(output)
      if (match) {
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`host exited with ${code}:\n${output}`))
    })
  })
  // Keep draining, so a chatty host never blocks on a full pipe; show its errors in the test's output.
  child.stdout?.resume()
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[host] ${chunk.toString('utf8')}`))
  return new Host(url, dataDir, child)
}
