// Valid-ish inputs drawn from a command's zod schema: the shape, bounds and enums the contract declares, filled with
// strings a desk really sees (ФИО, dates, СНИЛС, ids of records that exist). Mutations in mutate.ts start from these,
// so that a fuzz input gets past the first check often enough to reach the handlers behind it.
import type { z } from 'zod'

export type Rng = () => number

/** Mulberry32: a seeded generator, so that a failing run can be repeated with the same --seed. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]
export const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1))

/**
 * Strings that mean something to some field of the contract; ids of real records are added at run time. No login of
 * a demo user is among them: five wrong passwords would lock the account the fuzz itself signs in with.
 */
export const domainStrings = [
  'Иванов',
  'Петрова',
  'Анна',
  'Сергеевич',
  'Иванов Иван Иванович',
  '2026-11-20',
  '2026-02-30',
  '1980-01-15',
  '2026-11-20T09:00:00+03:00',
  '112-233-445 95',
  '11223344595',
  '9999999999999999',
  '4581 123456',
  'ГБУЗ «Городская поликлиника № 1»',
  'г. Москва, ул. Ленина, д. 1',
  'http://127.0.0.1:1/',
  'Demo-пароль-2026!',
  'passport',
  'extract',
  'missing',
  'personal_data',
  '77',
  ''
]

export interface SampleContext {
  rng: Rng
  /** Ids of patients, requests, complaints... that exist in the store: without them every lookup is "not found". */
  ids: string[]
}

type Def = { type: string; [key: string]: unknown }
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def

interface Checks {
  min?: number
  max?: number
  int?: boolean
}

function checksOf(def: Def): Checks {
  const out: Checks = {}
  for (const check of (def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []) {
    const c = check._zod.def
    if (c.check === 'min_length') out.min = c.minimum as number
    if (c.check === 'max_length') out.max = c.maximum as number
    if (c.check === 'greater_than') out.min = c.value as number
    if (c.check === 'less_than') out.max = c.value as number
    if (c.check === 'number_format') out.int = true
  }
  return out
}

function sampleString(ctx: SampleContext, checks: Checks): string {
  const { rng } = ctx
  const roll = rng()
  let value: string
  if (roll < 0.35 && ctx.ids.length > 0) value = pick(rng, ctx.ids)
  else if (roll < 0.85) value = pick(rng, domainStrings)
  else value = 'х'.repeat(int(rng, 1, Math.min(checks.max ?? 40, 400)))
  if (checks.max !== undefined && value.length > checks.max) value = value.slice(0, checks.max)
  if (checks.min !== undefined && value.length < checks.min) value = value.padEnd(checks.min, 'а')
  return value
}

function sampleNumber(rng: Rng, checks: Checks): number {
  const min = checks.min ?? -1000
  const max = checks.max ?? 100_000
  const n = min + rng() * (Math.min(max, min + 10_000) - min)
  return checks.int ? Math.round(n) : n
}

/** A value that the schema would probably accept; depth stops runaway recursion in self-referencing schemas. */
export function sample(schema: z.ZodType, ctx: SampleContext, depth = 0): unknown {
  const def = defOf(schema)
  const { rng } = ctx
  if (depth > 12) return null
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>
      const out: Record<string, unknown> = {}
      for (const [key, field] of Object.entries(shape)) {
        const fieldType = defOf(field).type
        // Optional fields are left out now and then, as the renderer does.
        if ((fieldType === 'optional' || fieldType === 'default') && rng() < 0.3) continue
        out[key] = sample(field, ctx, depth + 1)
      }
      return out
    }
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return sample(def.innerType as z.ZodType, ctx, depth + 1)
    case 'nullable':
      return rng() < 0.15 ? null : sample(def.innerType as z.ZodType, ctx, depth + 1)
    case 'pipe':
      return sample(def.in as z.ZodType, ctx, depth + 1)
    case 'lazy':
      return sample((def.getter as () => z.ZodType)(), ctx, depth + 1)
    case 'string':
      return sampleString(ctx, checksOf(def))
    case 'number':
      return sampleNumber(rng, checksOf(def))
    case 'int':
      return Math.round(sampleNumber(rng, checksOf(def)))
    case 'boolean':
      return rng() < 0.5
    case 'enum':
      return pick(rng, Object.values(def.entries as Record<string, string | number>))
    case 'literal':
      return pick(rng, def.values as unknown[])
    case 'array': {
      const checks = checksOf(def)
      const n = int(rng, checks.min ?? 0, Math.min(checks.max ?? 4, 4))
      return Array.from({ length: n }, () => sample(def.element as z.ZodType, ctx, depth + 1))
    }
    case 'tuple':
      return (def.items as z.ZodType[]).map((item) => sample(item, ctx, depth + 1))
    case 'union':
      return sample(pick(rng, def.options as z.ZodType[]), ctx, depth + 1)
    case 'intersection':
      return Object.assign(
        {},
        sample(def.left as z.ZodType, ctx, depth + 1),
        sample(def.right as z.ZodType, ctx, depth + 1)
      )
    case 'record': {
      const out: Record<string, unknown> = {}
      for (let i = int(rng, 0, 3); i > 0; i--) {
        out[String(sample(def.keyType as z.ZodType, ctx, depth + 1))] = sample(
          def.valueType as z.ZodType,
          ctx,
          depth + 1
        )
      }
      return out
    }
    case 'null':
      return null
    case 'undefined':
    case 'void':
      return undefined
    default:
      // unknown, any, transform and the rest: anything at all.
      return pick(rng, [null, 0, 'текст', {}, [], true])
  }
}
