// The patient form's fields as the inputs hold them (strings), and the checks that run before the core is asked.
import { checkEnp, checkSnils } from '@contract/identifiers'
import { PatientDraft, type Patient, type PatientDraftInput } from '@contract/schemas'
import { isIsoDate } from '../../format/date-input'
import { i18n } from '../../i18n'

export interface PatientFormModel {
  lastName: string
  firstName: string
  middleName: string
  sex: '' | 'M' | 'F'
  birthDate: string
  snils: string
  enp: string
  insurer: string
  docKind: '' | NonNullable<Patient['docKind']>
  docSeries: string
  docNumber: string
  address: string
  phone: string
  email: string
  attachedOrgId: string
  paperCard: boolean
}

export type FieldErrors = Partial<Record<keyof PatientFormModel, string>>

export function emptyModel(): PatientFormModel {
  return {
    lastName: '',
    firstName: '',
    middleName: '',
    sex: '',
    birthDate: '',
    snils: '',
    enp: '',
    insurer: '',
    docKind: '',
    docSeries: '',
    docNumber: '',
    address: '',
    phone: '',
    email: '',
    attachedOrgId: '',
    paperCard: false
  }
}

export function modelOf(p: Patient): PatientFormModel {
  return {
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName ?? '',
    sex: p.sex,
    birthDate: p.birthDate,
    snils: p.snils ?? '',
    enp: p.enp ?? '',
    insurer: p.insurer ?? '',
    docKind: p.docKind ?? '',
    docSeries: p.docSeries ?? '',
    docNumber: p.docNumber ?? '',
    address: p.address ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    attachedOrgId: p.attachedOrgId ?? '',
    paperCard: p.paperCard
  }
}

function fieldsOf(m: PatientFormModel) {
  return {
    ...m,
    docKind: m.docKind === '' ? null : m.docKind,
    attachedOrgId: m.attachedOrgId === '' ? null : m.attachedOrgId
  }
}

/** The draft for the core; only after validateModel() found nothing (sex chosen). */
export function draftOfModel(m: PatientFormModel): PatientDraftInput {
  if (m.sex === '') throw new Error('validateModel() must pass before the draft is built')
  return { ...fieldsOf(m), sex: m.sex }
}

/** One identifier field as the registrar leaves it: empty is fine, anything else must pass its check. */
export function identifierError(field: 'snils' | 'enp', value: string): string | undefined {
  if (value.trim() === '') return undefined
  const check = field === 'snils' ? checkSnils(value) : checkEnp(value)
  return check.ok ? undefined : check.message
}

/** The contract's own schema, run here so that each message lands under its field before anything is sent. */
export function validateModel(m: PatientFormModel): FieldErrors {
  const errors: FieldErrors = {}
  if (m.sex === '') errors.sex = i18n.global.t('validation.sex')
  if (m.birthDate === '') errors.birthDate = i18n.global.t('validation.birthDateRequired')
  else if (!isIsoDate(m.birthDate)) errors.birthDate = i18n.global.t('validation.date')
  // Sex has its own sentence above; the schema's generic enum message would only repeat it worse.
  const parsed = PatientDraft.safeParse({ ...fieldsOf(m), sex: m.sex === '' ? undefined : m.sex })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0]
      if (typeof key === 'string' && key in m && !errors[key as keyof PatientFormModel]) {
        errors[key as keyof PatientFormModel] = issue.message
      }
    }
  }
  return errors
}
