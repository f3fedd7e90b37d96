// The clinic's sync server for end-to-end tests: the real `src-server/main.ts` in its own process, on embedded PGlite
// in a data folder of the test's own, so that it can be stopped (the link is down) and started again on the same
// port with the same data (the link is back).
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { root, tmpRoot } from './host'

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export class SyncServerProcess {
  private child: ChildProcess | null = null
  private readonly adminToken = randomBytes(18).toString('base64url')

  private constructor(
    readonly port: number,
    readonly dataDir: string
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  static async create(label: string): Promise<SyncServerProcess> {
    const dataDir = resolve(tmpRoot, 'data', `${label}-server-${randomUUID().slice(0, 8)}`)
    mkdirSync(dataDir, { recursive: true })
    const server = new SyncServerProcess(await freePort(), dataDir)
    await server.start()
    return server
  }

  /** Starts (again) and waits for the line the server prints once it listens; the first start migrates PGlite. */
  async start(): Promise<void> {
    // PGlite always: a DATABASE_URL in the environment is for the unit tests' own schemas.
    const { DATABASE_URL: _pg, ...env } = process.env
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        resolve(root, 'src-server/main.ts'),
        'serve',
        '--port',
        String(this.port),
        '--host',
        '127.0.0.1',
        '--data',
        this.dataDir
      ],
      { cwd: root, env: { ...env, SYNC_ADMIN_TOKEN: this.adminToken }, stdio: ['ignore', 'pipe', 'pipe'] }
    )
    this.child = child
    let output = ''
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`sync server did not start in 60 s:\n${output}`)), 60_000)
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8')
        if (output.includes('Сервер синхронизации:')) {
          clearTimeout(timer)
          ready()
        }
      })
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
      child.once('exit', (code) => {
        clearTimeout(timer)
        fail(new Error(`sync server exited with ${code}:\n${output}`))
      })
    })
    child.stdout?.resume()
    child.stderr?.on('data', (chunk: Buffer) =>
      process.stderr.write(`[sync-server] ${chunk.toString('utf8')}`)
    )
  }

  /** What the server's administrator does with `npm run server -- code --name …`. */
  async enrolmentCode(name: string): Promise<string> {
    const response = await fetch(`${this.url}/v1/admin/codes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, kind: 'desk' })
    })
    const body = (await response.json()) as { code?: string }
    if (!response.ok || !body.code) throw new Error(`no enrolment code: ${JSON.stringify(body)}`)
    return body.code
  }

  async stop(): Promise<void> {
    const child = this.child
    this.child = null
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((done) => child.once('exit', () => done()))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }

  async dispose(): Promise<void> {
    await this.stop()
    rmSync(this.dataDir, { recursive: true, force: true })
  }
}
