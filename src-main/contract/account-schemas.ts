// Staff, sessions, the clinic's settings, the system's status and the reference directories.
import { z } from 'zod'
import { Role, requiredText, text } from './primitives'

export const UserView = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  role: Role,
  active: z.boolean()
})
export type UserView = z.infer<typeof UserView>

export const Password = z
  .string()
  .min(8, { message: 'Пароль не короче 8 символов' })
  .max(128, { message: 'Пароль не длиннее 128 символов' })

export const Login = z
  .string()
  .trim()
  .min(3, { message: 'Логин не короче 3 символов' })
  .max(40, { message: 'Логин не длиннее 40 символов' })
  .regex(/^[a-z0-9._-]+$/i, { message: 'Логин: латинские буквы, цифры, точка, дефис, подчёркивание' })

export const UserDraft = z.object({
  login: Login,
  fullName: requiredText(200, 'ФИО сотрудника'),
  role: Role,
  password: Password
})

export const Session = z.object({
  token: z.string(),
  user: UserView,
  workstation: z.object({ id: z.string(), name: z.string() }),
  idleLockMinutes: z.number().int()
})
export type Session = z.infer<typeof Session>

export const ClinicDetails = z.object({
  name: requiredText(300, 'полное название организации'),
  shortName: requiredText(120, 'краткое название'),
  address: requiredText(300, 'адрес'),
  ogrn: z.string().trim().max(15),
  regionCode: z.string().trim().min(2).max(3),
  phone: text(40).optional().default('')
})
export type ClinicDetails = z.infer<typeof ClinicDetails>

export const Deadlines = z.object({
  portal: z.number().int().min(1).max(30),
  institution: z.number().int().min(1).max(30),
  urgent: z.number().int().min(1).max(30),
  discrepancy: z.number().int().min(1).max(30),
  missingDocument: z.number().int().min(1).max(60),
  extractCeilingCalendarDays: z.number().int().min(1).max(30)
})
export type Deadlines = z.infer<typeof Deadlines>

export const Settings = z.object({
  clinic: ClinicDetails,
  idleLockMinutes: z.number().int().min(1).max(240),
  deadlines: Deadlines,
  backupEveryHours: z.number().int().min(0).max(168),
  backupKeep: z.number().int().min(1).max(365)
})
export type Settings = z.infer<typeof Settings>

export const SystemStatus = z.object({
  initialized: z.boolean(),
  clinicName: z.string().nullable(),
  regionName: z.string().nullable(),
  portalData: z.boolean().nullable(),
  workstation: z.object({ id: z.string(), name: z.string() }).nullable(),
  today: z.string(),
  appVersion: z.string()
})
export type SystemStatus = z.infer<typeof SystemStatus>

export const ReferenceItem = z.object({ code: z.string(), name: z.string() })
export const Region = ReferenceItem.extend({ portalData: z.boolean() })
export const Organisation = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  ogrn: z.string(),
  regionCode: z.string()
})
