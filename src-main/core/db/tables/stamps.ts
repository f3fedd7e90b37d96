// Columns every record a desk can change carries: `version` is the base version for the sync outbox.
import { integer, text } from 'drizzle-orm/sqlite-core'

export const stamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1)
}
