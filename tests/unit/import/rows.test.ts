import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { directoriesFromReference } from '../../../src-main/core/import/directories'
import { patientRecord, RowError } from '../../../src-main/core/import/rows'
import { documentRecord, requestRecord, visitRecord } from '../../../src-main/core/import/rows-clinical'
import { loadReferenceData } from '../../../src-main/core/reference/reference-data'
import { projectRoot } from '../support/core'
import { documentRow, patientRow, requestRow, snilsOf, visitRow } from './fixtures'

const today = '2026-11-20'

async function dirs() {
  return directoriesFromReference(await loadReferenceData(join(projectRoot, 'resources/reference')))
}

function refusal(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    if (error instanceof RowError) return error.message
    throw error
  }
  throw new Error('the row was accepted')
}

describe('one row, judged like a form judges it (no store needed)', () => {
  it('normalises a patient as the registration form does and knows which fields the row set', async () => {
    const d = await dirs()
    const snils = snilsOf(1)
    const dashed = `${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}`
    const rec = patientRecord({ ...patientRow(1), snils: dashed }, d, today)
    expect(rec.fields).toMatchObject({ snils, docSeries: '4506', attachedOrgId: 'msk-gp-240', insurer: null })
    expect(rec.given.has('phone')).toBe(true)
    expect(rec.given.has('insurer')).toBe(false)
  })

  it('names the field and the rule in Russian', async () => {
    const d = await dirs()
    expect(refusal(() => patientRecord({ ...patientRow(1), birthDate: '2027-01-01' }, d, today))).toBe(
      'Дата рождения: не может быть в будущем'
    )
    expect(refusal(() => patientRecord({ ...patientRow(1), sex: undefined }, d, today))).toBe(
      'Пол: не заполнено'
    )
    expect(refusal(() => patientRecord({ ...patientRow(1), birthdate: '1980-01-01' }, d, today))).toContain(
      'Нераспознанный ключ'
    )
    expect(
      refusal(() => visitRecord({ ...visitRow(1), organisation: { ogrn: '1027799045186' } }, d, today))
    ).toBe('Организация: ОГРН: неверная контрольная цифра — сверьте номер с выпиской из реестра')
    expect(refusal(() => visitRecord({ ...visitRow(1), specialtyCode: undefined }, d, today))).toBe(
      'Специальность: укажите specialty или specialtyCode'
    )
    const unsigned = documentRow(1) as { signatures: Record<string, string>[] }
    unsigned.signatures[0].signedAt = '2026-07-01T10:00:00+03:00'
    expect(refusal(() => documentRecord(unsigned, d, today))).toBe(
      'Подпись №1: документ подписан вне срока действия сертификата'
    )
    expect(refusal(() => requestRecord({ ...requestRow(1), status: 'refused' }, today))).toContain(
      'Причина отказа'
    )
  })
})
