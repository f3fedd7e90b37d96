// The sync server's migrations (PostgreSQL); the desk's own store has drizzle.config.ts.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'postgresql',
  schema: './src-server/db/schema.ts',
  out: './src-server/drizzle'
})
