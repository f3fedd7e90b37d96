// Where the app's files are, in development and when packaged.
import { join } from 'node:path'

export interface AppPaths {
  resourcesDir: string
  migrationsDir: string
  dataDir: string
  projectRoot: string
}

export function appPaths(opts: {
  isPackaged: boolean
  appPath: string
  resourcesPath: string
  userData: string
}): AppPaths {
  const root = opts.isPackaged ? opts.resourcesPath : opts.appPath
  return {
    projectRoot: opts.appPath,
    resourcesDir: join(root, 'resources'),
    migrationsDir: join(root, 'drizzle'),
    dataDir: join(opts.userData, 'data')
  }
}
