// Turning a valid-ish input into a hostile one, and writing request bodies as JSON text. The text is written by hand
// rather than by JSON.stringify so that a body can carry what an attacker can put on the wire but a JS object
// cannot express: an own "__proto__" key, 1e999 (Infinity once parsed), -0, nesting thousands deep.
import { int, pick, type Rng } from './samples'

/** A fragment of JSON text placed into the body as is. */
export class RawJson {
  constructor(readonly text: string) {}
}

export type Mutation =
  | 'valid-ish'
  | 'wrong-type'
  | 'huge-string'
  | 'deep-nesting'
  | 'prototype-keys'
  | 'unicode'
  | 'number-edge'
  | 'missing-field'
  | 'extra-field'
  | 'random-json'
  | 'body-shape'

export const mutations: readonly Mutation[] = [
  'valid-ish',
  'wrong-type',
  'huge-string',
  'deep-nesting',
  'prototype-keys',
  'unicode',
  'number-edge',
  'missing-field',
  'extra-field',
  'random-json',
  'body-shape'
]

const oddStrings = [
  '\ud800',
  '\udfff\ud800',
  '\u202eИванов',
  'Ива\u200bнов',
  '\u0000',
  'Иванов\u0000; DROP TABLE patients;--',
  "' OR 1=1 --",
  '%s%s%n',
  '\ufeff',
  'й'.normalize('NFD').repeat(30),
  '𝕴𝖛𝖆𝖓𝖔𝖛',
  '👨‍👩‍👧‍👦'.repeat(20),
  '\u2028\u2029',
  '<img src=x onerror=alert(1)>',
  '{{ 7*7 }}',
  '../../../../etc/passwd',
  'a\r\nX-Injected: 1',
  'NaN',
  'Infinity',
  '__proto__',
  'constructor',
  '  '
]

const edgeNumbers = [
  '1e999',
  '-1e999',
  '-0',
  '1e-400',
  '9007199254740993',
  '-9007199254740993',
  '123456789012345678901234567890',
  '0.1',
  '-1',
  '2147483648',
  '1e308'
]

function randomScalar(rng: Rng): unknown {
  return pick(rng, [
    null,
    true,
    false,
    0,
    -1,
    int(rng, -1e9, 1e9),
    rng() * 1e6,
    '',
    'абв',
    pick(rng, oddStrings),
    new RawJson(pick(rng, edgeNumbers))
  ])
}

export function randomJson(rng: Rng, depth = 0): unknown {
  const roll = rng()
  if (depth > 4 || roll < 0.5) return randomScalar(rng)
  if (roll < 0.75) return Array.from({ length: int(rng, 0, 5) }, () => randomJson(rng, depth + 1))
  const out: Record<string, unknown> = {}
  for (let i = int(rng, 0, 5); i > 0; i--)
    out[pick(rng, ['id', 'query', 'x', 'draft', 'to', '__proto__'])] = randomJson(rng, depth + 1)
  return out
}

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number }

/** Every place in the value where a mutation may land. */
function slots(value: unknown, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push({ parent: value, key: i }), slots(v, out)))
  else if (value && typeof value === 'object' && !(value instanceof RawJson)) {
    for (const [k, v] of Object.entries(value)) {
      out.push({ parent: value as Record<string, unknown>, key: k })
      slots(v, out)
    }
  }
  return out
}

function setSlot(slot: Slot, v: unknown): void {
  ;(slot.parent as Record<string | number, unknown>)[slot.key] = v
}

function wrongTypeFor(current: unknown, rng: Rng): unknown {
  const options: unknown[] = [null, 0, '1', true, [], {}, [current], { value: current }]
  return pick(
    rng,
    options.filter((o) => typeof o !== typeof current || Array.isArray(o) !== Array.isArray(current))
  )
}

/** Applies one mutation; the body-level ones return the whole body text instead. */
export function mutate(input: unknown, mutation: Mutation, rng: Rng): { input: unknown } | { body: string } {
  const root = { input } as Record<string, unknown>
  const places = slots(root.input).length > 0 ? slots(root.input) : slots(root)
  const at = pick(rng, places)
  switch (mutation) {
    case 'valid-ish':
      break
    case 'wrong-type':
      setSlot(at, wrongTypeFor((at.parent as Record<string | number, unknown>)[at.key], rng))
      break
    case 'huge-string':
      setSlot(at, pick(rng, ['я', 'a', '\u0301', '<'] as const).repeat(int(rng, 1_000, 400_000)))
      break
    case 'deep-nesting': {
      const depth = pick(rng, [100, 1_000, 10_000, 100_000])
      const [open, close] = rng() < 0.5 ? ['[', ']'] : ['{"a":', '}']
      setSlot(at, new RawJson(open.repeat(depth) + '1' + close.repeat(depth)))
      break
    }
    case 'prototype-keys': {
      const key = pick(rng, ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'])
      const payload = new RawJson(
        pick(rng, [
          '{"isAdmin":true,"role":"admin","polluted":1}',
          '{"prototype":{"polluted":1}}',
          'null',
          '"x"'
        ])
      )
      const target =
        at.parent && !Array.isArray(at.parent) && typeof at.parent === 'object' ? at.parent : root
      ;(target as Record<string, unknown>)[`\u0000raw:${key}`] = payload
      break
    }
    case 'unicode':
      setSlot(at, pick(rng, oddStrings))
      break
    case 'number-edge':
      setSlot(at, new RawJson(pick(rng, edgeNumbers)))
      break
    case 'missing-field':
      if (Array.isArray(at.parent)) at.parent.splice(Number(at.key), 1)
      else delete at.parent[at.key as string]
      break
    case 'extra-field': {
      const target = !Array.isArray(at.parent) ? at.parent : (root.input as Record<string, unknown>)
      if (target && typeof target === 'object') {
        ;(target as Record<string, unknown>)[pick(rng, ['extra', 'role', 'userId', 'token', 'id'])] =
          randomJson(rng)
      }
      break
    }
    case 'random-json':
      root.input = randomJson(rng)
      break
    case 'body-shape':
      return {
        body: pick(rng, [
          '',
          'null',
          '[]',
          '"input"',
          '{"input":',
          '{"input":{},"token":5}',
          '{"input":{},"token":{"a":1}}',
          '{"token":null}',
          `{"input":${toJsonText(input)},"token":"${'x'.repeat(int(rng, 1, 5000))}"}`,
          '\ufeff{"input":{}}',
          '{"input":{}} trailing',
          '{"__proto__":{"token":"x"},"input":{}}'
        ])
      }
  }
  return { input: root.input }
}

/** JSON text of a value, honouring RawJson fragments and "\0raw:<key>" own keys (written as <key> verbatim). */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text
  if (value === undefined) return 'null'
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`
  if (value && typeof value === 'object') {
    const parts = Object.entries(value).map(([k, v]) => {
      const key = k.startsWith('\u0000raw:') ? k.slice(5) : k
      return `${JSON.stringify(key)}:${toJsonText(v)}`
    })
    return `{${parts.join(',')}}`
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null'
  return JSON.stringify(value)
}
