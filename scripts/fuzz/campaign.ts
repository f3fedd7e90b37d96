// One fuzz campaign against a running browser host: for every contract command, N inputs (valid-ish, then mutated,
// plus random JSON and broken bodies) sent over HTTP with a token of a role that may use the command, now and then
// with none or a forged one. Every reply is held to the boundary's promise: JSON, {ok, value} or {ok:false,
// error:{code, message}} with a known code and a Russian sentence, nothing from the inside (stack, "Error:", SQL).
import { commandNames, commands, type CommandName } from '../../src-main/contract/commands'
import { errorCodes } from '../../src-main/contract/errors'
import type { Role } from '../../src-main/contract/schemas'
import { commandAccess, may } from '../../src-main/core/auth/permissions'
import type { HostProcess } from '../support/host-process'
import { mutate, mutations, toJsonText } from './mutate'
import { pick, sample, seededRng, type Rng } from './samples'

export interface CommandTally {
  name: string
  inputs: number
  outcomes: Record<string, number>
  maxLatencyMs: number
  findings: Finding[]
}

export interface Finding {
  command: string
  problem: string
  mutation: string
  body: string
  reply: string
}

export interface CampaignResult {
  tallies: CommandTally[]
  findings: Finding[]
  rssBefore: number
  rssAfter: number
  aliveAfter: boolean
  answersAfter: boolean
  seconds: number
}

const roleLogins: Record<Role, string> = {
  registrar: 'registrar',
  senior_registrar: 'senior',
  admin: 'admin',
  auditor: 'auditor'
}
const roles = Object.keys(roleLogins) as Role[]
const knownCodes = new Set<string>(errorCodes)
const cyrillic = /[А-Яа-яЁё]/
// What must never reach the registrar: stack frames, exception names, SQL engine words, JS internals.
const internals =
  /(\bError:|\n\s+at |TypeError|RangeError|ReferenceError|SyntaxError|SQLITE|sqlite|\[object |native code|function |undefined|NaN)/

/** Why a reply breaks the boundary's promise, or null when it keeps it. */
export function replyProblem(status: number, json: unknown): string | null {
  if (status >= 500) return `HTTP ${status}`
  if (typeof json !== 'object' || json === null) return 'ответ не JSON-объект'
  const r = json as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } }
  if (r.ok === true) return status === 200 ? null : `ok с HTTP ${status}`
  if (r.ok !== false || typeof r.error !== 'object' || r.error === null) return 'нет {ok, error}'
  const keys = Object.keys(r.error).sort().join(',')
  if (keys !== 'code,message') return `лишние поля в ошибке: ${keys}`
  const { code, message } = r.error
  if (typeof code !== 'string' || !knownCodes.has(code)) return `неизвестный код ${String(code)}`
  if (typeof message !== 'string' || message.trim() === '') return 'пустое сообщение'
  if (!cyrillic.test(message)) return `сообщение не по-русски: ${message.slice(0, 120)}`
  if (internals.test(message)) return `внутренности в сообщении: ${message.slice(0, 200)}`
  if (code === 'INTERNAL') return `INTERNAL: ${message}`
  return null
}

export interface CampaignOptions {
  perCommand: number
  seed: number
  /** Requests in flight at once. */
  concurrency: number
  only?: string[]
  onCommandDone?: (tally: CommandTally) => void
}

/** Sets up the demo clinic on an empty host and collects ids of real records for the samples. */
export async function prepareHost(host: HostProcess): Promise<string[]> {
  await host.call('system.setupDemo', { patients: 30 })
  const token = await host.call<{ token: string }>('auth.signIn', { login: 'senior', password: 'demo1234' })
  const patients = await host.call<{ id: string }[]>(
    'patients.search',
    { query: 'а', limit: 20 },
    token.token
  )
  const queue = await host.call<{ id: string }[]>('requests.queue', {}, token.token)
  const complaints = await host.call<{ id: string }[]>('complaints.queue', {}, token.token).catch(() => [])
  return [...patients, ...queue, ...complaints].map((r) => r.id).filter((id) => typeof id === 'string')
}

function roleFor(name: CommandName, rng: Rng): Role | null {
  const access = commandAccess[name]
  if (access === 'public') return rng() < 0.5 ? pick(rng, roles) : null
  const allowed = access === 'session' ? roles : roles.filter((r) => may(r, access))
  return allowed.length > 0 ? pick(rng, allowed) : null
}

export async function runCampaign(host: HostProcess, opts: CampaignOptions): Promise<CampaignResult> {
  const started = Date.now()
  const ids = await prepareHost(host)
  const tokens = new Map<Role, string>()
  const tokenOf = async (role: Role): Promise<string> => {
    const known = tokens.get(role)
    if (known) return known
    const session = await host.call<{ token: string }>('auth.signIn', {
      login: roleLogins[role],
      password: 'demo1234'
    })
    tokens.set(role, session.token)
    return session.token
  }
  const rssBefore = host.rss()
  const findings: Finding[] = []
  const tallies: CommandTally[] = []
  const names = commandNames.filter((n) => !opts.only || opts.only.includes(n))
  for (const name of names) {
    const rng = seededRng(opts.seed ^ hashName(name))
    const tally: CommandTally = { name, inputs: 0, outcomes: {}, maxLatencyMs: 0, findings: [] }
    let next = 0
    const worker = async (): Promise<void> => {
      while (next < opts.perCommand && host.alive()) {
        next++
        const mutation = next % 5 === 1 ? 'valid-ish' : pick(rng, mutations)
        const base = sample(commands[name].input, { rng, ids })
        const mutated = mutate(base, mutation, rng)
        const role = roleFor(name, rng)
        const tokenRoll = rng()
        const token =
          tokenRoll < 0.05 ? null : tokenRoll < 0.1 ? 'поддельный-токен' : role ? await tokenOf(role) : null
        const body =
          'body' in mutated
            ? mutated.body
            : `{"input":${toJsonText(mutated.input)},"token":${toJsonText(token)}}`
        const t0 = performance.now()
        let problem: string | null
        let outcome: string
        let replyText = ''
        try {
          const reply = await host.post(name, body)
          replyText = reply.text
          problem = replyProblem(reply.status, reply.json)
          const r = reply.json as { ok?: boolean; error?: { code?: string } } | undefined
          outcome = r?.ok ? 'ok' : String(r?.error?.code ?? `HTTP ${reply.status}`)
          // A session the fuzz ended (sign-out, lock, failed unlocks) is opened again for the next input.
          if (
            role &&
            (outcome === 'UNAUTHENTICATED' || outcome === 'SESSION_LOCKED') &&
            token === tokens.get(role)
          )
            tokens.delete(role)
        } catch (error) {
          problem = `нет ответа: ${String(error)}`
          outcome = 'NO_REPLY'
        }
        tally.maxLatencyMs = Math.max(tally.maxLatencyMs, performance.now() - t0)
        tally.inputs++
        tally.outcomes[outcome] = (tally.outcomes[outcome] ?? 0) + 1
        if (problem) {
          const finding = {
            command: name,
            problem,
            mutation,
            body: body.length > 600 ? `${body.slice(0, 600)}… (${body.length} символов)` : body,
            reply: replyText.slice(0, 400)
          }
          findings.push(finding)
          if (tally.findings.length < 5) tally.findings.push(finding)
        }
      }
    }
    await Promise.all(Array.from({ length: opts.concurrency }, worker))
    tallies.push(tally)
    opts.onCommandDone?.(tally)
    if (!host.alive()) break
  }
  const aliveAfter = host.alive()
  let answersAfter = false
  if (aliveAfter) {
    const status = await host.call<{ initialized?: boolean }>('system.status', {}).catch(() => null)
    answersAfter = status !== null
  }
  return {
    tallies,
    findings,
    rssBefore,
    rssAfter: aliveAfter ? host.rss() : 0,
    aliveAfter,
    answersAfter,
    seconds: (Date.now() - started) / 1000
  }
}

function hashName(name: string): number {
  let h = 2166136261
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619)
  return h >>> 0
}
