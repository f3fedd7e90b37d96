// The shape of one contract entry. Each area's file of commands uses it; commands.ts joins them.
import { z } from 'zod'

export interface CommandSpec<I extends z.ZodType, O extends z.ZodType> {
  /** One line: what the command does, in the domain's words. */
  doc: string
  input: I
  output: O
}

export function command<I extends z.ZodType, O extends z.ZodType>(
  spec: CommandSpec<I, O>
): CommandSpec<I, O> {
  return spec
}

export const Id = z.string().min(1).max(64)
export const Empty = z.object({}).strict()
export const Ok = z.object({ ok: z.literal(true) })
