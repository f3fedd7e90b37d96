// Commands of the QR area: what a scan does, and which issuers' keys the clinic trusts.
import { z } from 'zod'
import { command, Empty, Id } from './command'
import { PatientDraft, PatientSummary } from './schemas'

export const ScanSource = z.enum(['camera', 'scanner', 'keyboard'])

export const RequestQrView = z.object({
  number: z.string(),
  fullName: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  birthDate: z.string(),
  snils: z.string().nullable(),
  enp: z.string().nullable(),
  extractKind: z.enum(['full', 'brief']),
  periodFrom: z.string(),
  periodTo: z.string(),
  issuedAt: z.string(),
  expiresOn: z.string(),
  issuerName: z.string()
})
export type RequestQrView = z.infer<typeof RequestQrView>

export const VerificationStatus = z.enum(['authentic', 'altered', 'unknown', 'revoked'])
export type VerificationStatus = z.infer<typeof VerificationStatus>

export const ScanResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('patient'), patientId: z.string(), fullName: z.string() }),
  z.object({
    kind: z.literal('request'),
    requestId: z.string(),
    patientId: z.string(),
    registered: z.boolean()
  }),
  z.object({ kind: z.literal('complaint'), complaintId: z.string(), patientId: z.string() }),
  z.object({
    kind: z.literal('requestNeedsPatient'),
    request: RequestQrView,
    /** Live patients sharing an identifier with the code, shown for the registrar to choose from. */
    candidates: z.array(PatientSummary.omit({ matchedBy: true })),
    reason: z.string()
  }),
  z.object({
    kind: z.literal('verification'),
    status: VerificationStatus,
    message: z.string(),
    documentNumber: z.string(),
    title: z.string().nullable(),
    issuerName: z.string().nullable(),
    issuedAt: z.string()
  })
])
export type ScanResult = z.infer<typeof ScanResult>

export const TrustedKey = z.object({
  keyId: z.string(),
  issuerKind: z.enum(['clinic', 'portal', 'other_clinic']),
  issuerName: z.string(),
  publicKey: z.string(),
  own: z.boolean(),
  addedAt: z.string(),
  revokedAt: z.string().nullable()
})

const ScanText = z.string().max(4096)

export const qrCommands = {
  'scan.process': command({
    doc: 'Act on a scanned or typed code: a request QR, a verification QR, or a bare ЕНП, СНИЛС, request or complaint number.',
    input: z.object({ text: ScanText, source: ScanSource }),
    output: ScanResult
  }),
  'scan.registerRequest': command({
    doc: 'Register a request from its QR for a patient the registrar chose, or created from the code after checking the identity document.',
    input: z.object({
      text: ScanText,
      patientId: Id.nullable(),
      newPatient: PatientDraft.nullable(),
      representativeId: Id.nullable().optional().default(null)
    }),
    output: z.object({ requestId: z.string(), patientId: z.string() })
  }),
  'keys.list': command({
    doc: 'Keys whose QR signatures this clinic trusts.',
    input: Empty,
    output: z.array(TrustedKey)
  }),
  'keys.addTrusted': command({
    doc: 'Trust the public key of the portal or of another clinic.',
    input: z.object({
      issuerKind: z.enum(['portal', 'other_clinic']),
      issuerName: z.string().trim().min(2).max(200),
      publicKey: z.string().trim().max(100)
    }),
    output: TrustedKey
  }),
  'keys.revoke': command({
    doc: 'Stop trusting a key: codes it signed read as revoked.',
    input: z.object({ keyId: z.string().max(64) }),
    output: TrustedKey
  })
} as const
