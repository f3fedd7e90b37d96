// Who may apply for and receive a patient's medical documents (323-ФЗ ст. 54: from 15 the patient acts alone;
// ГК РФ ст. 186: a power of attorney without a term is valid for one year from its date).
import type { Authority } from '../../contract/schemas'
import { ageOn } from '../clock'

export const AGE_OF_MEDICAL_CONSENT = 15

export interface RepresentativeFacts {
  fullName: string
  relation: 'parent' | 'guardian' | 'proxy'
  authorityDocument: string | null
  poaNumber: string | null
  poaDate: string | null
  poaValidUntil: string | null
}

function ru(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${d}.${m}.${y}`
}

export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number)
  // 29 February plus a year is 28 February.
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate()
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

export function assessAuthority(
  patientBirthDate: string,
  rep: RepresentativeFacts | null,
  today: string
): Authority {
  const age = ageOn(patientBirthDate, today)
  if (!rep) {
    return age < AGE_OF_MEDICAL_CONSENT
      ? { ok: false, message: `Пациенту ${age} (до 15 лет): заявление подаёт законный представитель` }
      : { ok: true, message: 'Пациент обращается сам' }
  }
  switch (rep.relation) {
    case 'parent':
      if (age < AGE_OF_MEDICAL_CONSENT) return { ok: true, message: 'Родитель несовершеннолетнего до 15 лет' }
      return {
        ok: false,
        message: `Пациенту ${age}: с 15 лет он распоряжается документами сам, родителю нужна доверенность`
      }
    case 'guardian':
      return rep.authorityDocument
        ? { ok: true, message: `Опекун (попечитель): ${rep.authorityDocument}` }
        : { ok: false, message: 'Не указан документ, назначающий опекуна (попечителя)' }
    case 'proxy': {
      if (!rep.poaNumber || !rep.poaDate)
        return { ok: false, message: 'Не указаны номер и дата доверенности' }
      if (rep.poaDate > today)
        return { ok: false, message: `Доверенность № ${rep.poaNumber} датирована будущим днём` }
      const until = rep.poaValidUntil ?? addYears(rep.poaDate, 1)
      if (until < today) {
        return { ok: false, message: `Срок доверенности № ${rep.poaNumber} истёк ${ru(until)}` }
      }
      return { ok: true, message: `Доверенность № ${rep.poaNumber} действует до ${ru(until)}` }
    }
  }
}
