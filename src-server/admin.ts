// What the server's administrator looks at: the desks and the changes set aside for a person.
import { asc, desc, isNull } from 'drizzle-orm'
import type { ServerContext } from './context'
import { review, workstations } from './db/schema'

export async function listWorkstations(ctx: ServerContext) {
  const rows = await ctx.db.select().from(workstations).orderBy(asc(workstations.deskNumber))
  return rows.map(({ tokenHash: _secret, ...ws }) => ws)
}

export async function listReview(ctx: ServerContext, limit = 500) {
  return ctx.db.select().from(review).where(isNull(review.resolvedAt)).orderBy(desc(review.id)).limit(limit)
}
