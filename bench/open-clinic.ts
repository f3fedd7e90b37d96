// Opens a cached clinic the way the app does (openCore), without the backup timer, and names the registrar who
// acts in it.
import { join } from 'node:path'
import { openCore, type Core } from '../src-main/core/app'
import { dataFolderKey } from '../src-main/core/db/key-file'
import type { Actor, CoreDeps } from '../src-main/core/context'
import { thisWorkstationId } from '../src-main/core/settings/settings-service'
import { findUserByLogin } from '../src-main/core/users/user-service'
import { migrationsDir, resourcesDir } from './paths'

export interface OpenClinic {
  core: Core
  deps: CoreDeps
  registrar: Actor
}

export async function openClinic(dir: string): Promise<OpenClinic> {
  const core = openCore({
    dataDir: dir,
    databaseKey: dataFolderKey(dir),
    resourcesDir,
    migrationsDir,
    scheduleBackups: false
  })
  const deps = await core.deps()
  const user = findUserByLogin(deps, 'registrar')
  if (!user) throw new Error(`no demo registrar in ${join(dir, 'registrar.db')}`)
  const registrar: Actor = {
    userId: user.id,
    fullName: user.fullName,
    role: user.role,
    workstationId: thisWorkstationId(deps)
  }
  return { core, deps, registrar }
}
