// Opens the server's database: embedded PGlite in a data folder by default, a real PostgreSQL when DATABASE_URL
// is given. Both get the same migrations and the same Drizzle queries.
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import * as schema from './schema'

export type ServerDb = PgDatabase<PgQueryResultHKT, typeof schema>

export interface ServerStore {
  db: ServerDb
  kind: 'pglite' | 'postgres'
  /** A consistent copy of a PGlite database (a backup, for tests and small sites); null for PostgreSQL. */
  dump(): Promise<Blob | null>
  close(): Promise<void>
}

export const serverMigrationsDir = fileURLToPath(new URL('../drizzle', import.meta.url))

export type StoreLocation =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory'; from?: Blob }
  | { kind: 'postgres'; url: string; schema?: string; dropSchemaOnClose?: boolean }

export async function openServerStore(where: StoreLocation): Promise<ServerStore> {
  if (where.kind === 'postgres') {
    // A schema of its own (tests): runs sharing one PostgreSQL never see each other's rows.
    const name = where.schema
    if (name !== undefined && !/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad schema name ${name}`)
    const pool = new pg.Pool({
      connectionString: where.url,
      max: 4,
      options: name ? `-c search_path=${name}` : undefined
    })
    if (name) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${name}`)
    const db = drizzlePg(pool, { schema }) as unknown as ServerDb
    await migratePg(drizzlePg(pool), {
      migrationsFolder: serverMigrationsDir,
      migrationsSchema: where.schema ?? 'drizzle'
    })
    const close = async () => {
      if (name && where.dropSchemaOnClose) await pool.query(`DROP SCHEMA ${name} CASCADE`)
      await pool.end()
    }
    return { db, kind: 'postgres', dump: async () => null, close }
  }
  let client: PGlite
  if (where.kind === 'pglite') {
    mkdirSync(where.dataDir, { recursive: true, mode: 0o700 })
    client = new PGlite(join(resolve(where.dataDir), 'pgdata'))
  } else {
    client = new PGlite(where.from ? { loadDataDir: where.from } : undefined)
  }
  await client.waitReady
  const db = drizzlePglite(client, { schema }) as unknown as ServerDb
  await migratePglite(drizzlePglite(client), { migrationsFolder: serverMigrationsDir })
  return {
    db,
    kind: 'pglite',
    dump: () => client.dumpDataDir('none'),
    close: () => client.close()
  }
}
