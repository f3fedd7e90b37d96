// The client of the kill -9 campaign: writes patients and extract requests through the browser host's API and
// keeps what the host acknowledged. Each write carries a key of its own (in the first name, in the purpose), so the
// check after the crash can say for every write whether it is there, and whether it is there once.

export interface Ack {
  kind: 'patient' | 'request'
  key: string
  id: string
}

export interface WriteLedger {
  acked: Ack[]
  /** Sent but never answered: the kill came first. Each may be present or not, never twice. */
  inDoubt: { kind: Ack['kind']; key: string }[]
  counter: number
}

export const CRASH_LAST_NAME = 'Крашев'
const letters = 'абвгдежзик'

/** A counter spelt in letters: a first name must be letters only. */
export function keyOf(n: number): string {
  return `Ключ${String(n).replace(/\d/g, (d) => letters[Number(d)])}`
}

export function purposeOf(key: string): string {
  return `Проверка сбоя ${key}`
}

type Post = (name: string, input: unknown, token: string) => Promise<{ ok: boolean; value?: unknown }>

/** Writes until `stop()` says so or the host stops answering; never retries an unanswered write. */
export async function writeUntilKilled(
  post: Post,
  token: string,
  ledger: WriteLedger,
  stop: () => boolean,
  rng: () => number
): Promise<void> {
  while (!stop()) {
    const patients = ledger.acked.filter((a) => a.kind === 'patient')
    const kind: Ack['kind'] = patients.length > 0 && rng() < 0.4 ? 'request' : 'patient'
    const key = keyOf(++ledger.counter)
    const input =
      kind === 'patient'
        ? {
            draft: { lastName: CRASH_LAST_NAME, firstName: key, sex: 'M', birthDate: '1970-01-01' },
            confirmDuplicate: true
          }
        : {
            patientId: patients[Math.floor(rng() * patients.length)].id,
            applicantKind: 'self',
            channel: 'in_person',
            kind: 'brief',
            periodFrom: '2025-01-01',
            periodTo: '2025-12-31',
            purpose: purposeOf(key),
            delivery: 'in_person'
          }
    let reply: { ok: boolean; value?: unknown }
    try {
      reply = await post(kind === 'patient' ? 'patients.create' : 'requests.create', input, token)
    } catch {
      ledger.inDoubt.push({ kind, key })
      return
    }
    if (!reply.ok) throw new Error(`write refused: ${JSON.stringify(reply)}`)
    ledger.acked.push({ kind, key, id: (reply.value as { id: string }).id })
  }
}
