// Request numbers: В-<year>-<desk>-<serial>. The desk number keeps numbers unique when desks work offline.
import { sql } from 'drizzle-orm'
import type { CoreDeps } from '../context'
import { counters } from '../db/schema'
import { readSetting } from '../settings/settings-service'

export function nextNumber(deps: CoreDeps, series: string, year: number): string {
  const row = deps.store.db
    .insert(counters)
    .values({ series, year, last: 1 })
    .onConflictDoUpdate({
      target: [counters.series, counters.year],
      set: { last: sql`${counters.last} + 1` }
    })
    .returning({ last: counters.last })
    .get()
  const desk = readSetting<string>(deps, 'deskNumber') ?? '01'
  return `${series}-${year}-${desk}-${String(row.last).padStart(6, '0')}`
}
