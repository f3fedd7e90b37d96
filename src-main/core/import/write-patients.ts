// A patient row: the card with this МИС id, else the live card with the same СНИЛС or ЕНП (registered at the desk
// before the МИС sent it), else a new card. Fields the row gives replace the card's; fields it omits stay.
import { eq } from 'drizzle-orm'
import { formatSnils } from '../../contract/identifiers'
import { patients } from '../db/schema'
import { searchTextOf } from '../patients/names'
import {
  cardWith,
  changedFields,
  liveCard,
  refuseRepeat,
  type PatientRow,
  type RowOutcome,
  type RunContext
} from './run-context'
import { RowError, type PatientFields, type PatientRecord } from './rows'
import { importedId, sourceKey, systemOfKey } from './source-ids'

function matchInStore(run: RunContext, rec: PatientRecord, key: string): PatientRow | undefined {
  const bySource = run.q.patientBySource.get({ key })
  if (bySource) return bySource
  const byId = run.q.patientById.get({ id: importedId(run.system, 'patient', rec.sourceId) })
  if (byId) return byId
  const { snils, enp } = rec.fields
  const bySnils = snils ? cardWith(run, 'snils', snils) : undefined
  const byEnp = enp ? cardWith(run, 'enp', enp) : undefined
  const a = bySnils && liveCard(run, bySnils)
  const b = byEnp && liveCard(run, byEnp)
  if (a && b && a.id !== b.id)
    throw new RowError(
      'СНИЛС и ЕНП принадлежат разным картам в базе: объедините их или исправьте данные в МИС'
    )
  const card = a ?? b
  // Checked against the file, not only the store: a dry run has rolled the earlier batch's link back.
  const earlier = card && run.filePatients.get(card.id)
  if (earlier)
    throw new RowError(
      `Карта с этим ${a ? 'СНИЛС' : 'ЕНП'} уже сопоставлена пациенту №${earlier.position} этого файла`
    )
  if (card?.sourceId && card.sourceId !== key && systemOfKey(card.sourceId) === run.system) {
    const other = card.sourceId.slice(run.system.length + 1)
    throw new RowError(
      `Карта с этим ${a ? 'СНИЛС' : 'ЕНП'} уже связана с другой записью этой МИС (id «${other}»): ` +
        'вероятно, пациент заведён в МИС дважды'
    )
  }
  return card
}

/** Same СНИЛС or ЕНП on another live card is the same person: refused, as the registration form refuses it. */
function refuseHardDuplicate(run: RunContext, fields: Partial<PatientFields>, selfId: string | null): void {
  for (const which of ['snils', 'enp'] as const) {
    const value = fields[which]
    if (!value) continue
    const other = cardWith(run, which, value)
    if (other && liveCard(run, other).id !== selfId) {
      const what = which === 'snils' ? `СНИЛС ${formatSnils(value)}` : `ЕНП ${value}`
      throw new RowError(`${what} уже записан в другой карте: объедините карты или исправьте данные в МИС`)
    }
  }
}

function refuseFileDuplicate(run: RunContext, fields: PatientFields): void {
  for (const [which, map, label] of [
    ['snils', run.patientBySnils, 'СНИЛС'],
    ['enp', run.patientByEnp, 'ЕНП']
  ] as const) {
    const value = fields[which]
    const earlier = value ? map.get(value) : undefined
    if (earlier) throw new RowError(`${label} совпадает с пациентом №${earlier.position} этого файла`)
  }
}

export function importPatient(run: RunContext, position: number, rec: PatientRecord): RowOutcome {
  refuseRepeat(run, 'patients', rec.sourceId)
  refuseFileDuplicate(run, rec.fields)
  const key = sourceKey(run.system, rec.sourceId)
  const card = matchInStore(run, rec, key)
  const { db } = run.deps.store
  let outcome: RowOutcome
  let id: string
  let birthDate: string
  if (!card) {
    id = importedId(run.system, 'patient', rec.sourceId)
    const searchText = searchTextOf(rec.fields)
    const similar = run.q.livePatientByNameAndBirth.get({ key: searchText, birthDate: rec.fields.birthDate })
    if (similar)
      run.warn(
        'в базе уже есть карта с такими ФИО и датой рождения без СНИЛС и ЕНП: проверьте, не тот же ли это человек'
      )
    const row: PatientRow = {
      id,
      ...rec.fields,
      mergedInto: null,
      sourceId: key,
      searchText,
      createdAt: run.now,
      updatedAt: run.now,
      version: 1
    }
    run.writer.insert(patients, [row])
    const { searchText: _derived, ...synced } = row
    run.record({ entity: 'patient', entityId: id, op: 'insert', fields: synced, baseVersion: 0 })
    outcome = 'new'
    birthDate = row.birthDate
  } else {
    id = card.id
    const next: Partial<PatientFields> = {}
    for (const field of rec.given) (next as Record<string, unknown>)[field] = rec.fields[field]
    const changed: Partial<PatientRow> = changedFields<Partial<PatientFields>>(card, next)
    refuseHardDuplicate(run, changed, liveCard(run, card).id)
    if (!card.sourceId) changed.sourceId = key
    for (const which of ['snils', 'enp'] as const) {
      if (changed[which] === undefined) continue
      if (card[which]) run.released.set(`${which}:${card[which]}`, card.id)
      if (changed[which]) run.released.delete(`${which}:${changed[which]}`)
    }
    birthDate = (changed.birthDate as string | undefined) ?? card.birthDate
    if (Object.keys(changed).length === 0) outcome = 'unchanged'
    else {
      const named = { ...card, ...changed }
      const set = {
        ...changed,
        searchText: searchTextOf(named),
        updatedAt: run.now,
        version: card.version + 1
      }
      db.update(patients).set(set).where(eq(patients.id, card.id)).run()
      run.record({
        entity: 'patient',
        entityId: card.id,
        op: 'update',
        fields: changed,
        baseVersion: card.version
      })
      outcome = 'updated'
    }
  }
  // References from later rows go to the live card, as every search at the desk does.
  const live = card?.mergedInto ? liveCard(run, card) : null
  const target = live ? { id: live.id, birthDate: live.birthDate, position } : { id, birthDate, position }
  run.taken.patients.set(rec.sourceId, { position, id: target.id, patientId: target.id })
  run.filePatients.set(target.id, target)
  if (rec.fields.snils) run.patientBySnils.set(rec.fields.snils, target)
  if (rec.fields.enp) run.patientByEnp.set(rec.fields.enp, target)
  return outcome
}
