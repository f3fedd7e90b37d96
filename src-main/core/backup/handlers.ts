import { actorOf, type HandlerMap } from '../handlers'
import { getSettings } from '../settings/settings-service'
import { createBackup, listBackups, restoreBackup } from './backup-service'

export const backupHandlers: HandlerMap<'backup.list' | 'backup.create' | 'backup.restore'> = {
  'backup.list': (_input, { deps }) => listBackups(deps.backupDir),
  'backup.create': (_input, ctx) =>
    createBackup(ctx.deps, actorOf(ctx), ctx.deps.backupDir, getSettings(ctx.deps).backupKeep),
  'backup.restore': (input, ctx) =>
    restoreBackup(ctx.deps, actorOf(ctx), ctx.deps.backupDir, input.name, getSettings(ctx.deps).backupKeep)
}
