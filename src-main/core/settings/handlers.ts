import { AppError } from '../../contract/errors'
import { checkOgrn } from '../../contract/identifiers'
import { eq } from 'drizzle-orm'
import { appendAudit } from '../audit/audit'
import { inTransaction } from '../context'
import { regions } from '../db/schema'
import { actorOf, type HandlerMap } from '../handlers'
import { join } from 'node:path'
import { loadReferenceData } from '../reference/reference-data'
import { referenceLists, shippedReferenceLists } from '../reference/reference-service'
import { getSettings, isInitialized, writeSetting } from './settings-service'

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.update' | 'reference.list'> = {
  'settings.get': (_input, { deps }) => getSettings(deps),
  'settings.update': (input, ctx) =>
    inTransaction(ctx.deps, () => {
      const ogrn = checkOgrn(input.clinic.ogrn)
      if (!ogrn.ok) throw new AppError('VALIDATION', ogrn.message)
      if (!ctx.deps.store.db.select().from(regions).where(eq(regions.code, input.clinic.regionCode)).get()) {
        throw new AppError('VALIDATION', 'Регион не найден в справочнике')
      }
      writeSetting(ctx.deps, 'clinic', input.clinic)
      writeSetting(ctx.deps, 'idleLockMinutes', input.idleLockMinutes)
      writeSetting(ctx.deps, 'deadlines', input.deadlines)
      writeSetting(ctx.deps, 'backupEveryHours', input.backupEveryHours)
      writeSetting(ctx.deps, 'backupKeep', input.backupKeep)
      appendAudit(ctx.deps, actorOf(ctx), { action: 'settings.update', entity: 'settings', details: input })
      return getSettings(ctx.deps)
    }),
  // Before setup the store has no directories yet: the first-run form reads the shipped files.
  'reference.list': async (_input, { deps }) =>
    isInitialized(deps)
      ? referenceLists(deps)
      : shippedReferenceLists(await loadReferenceData(join(deps.resourcesDir, 'reference')))
}
