import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

export const projectRoot = fileURLToPath(new URL('..', import.meta.url))
export const resourcesDir = join(projectRoot, 'resources')
export const migrationsDir = join(projectRoot, 'drizzle')
