// Commands of the printing area: paper documents prepared by the core, printers of this computer, print jobs, and
// the issuance journal (журнал выдачи). The renderer gets a PDF to preview or save and refers to it by job id after.
import { z } from 'zod'
import { command, Id } from './command'
import { IsoDate, RequestStatus } from './schemas'

export const PrintDocumentKind = z.enum([
  'extract',
  'emd_copy',
  'request_receipt',
  'issuance_receipt',
  'complaint_receipt',
  'complaint_letter'
])

export const PrintJobView = z.object({
  jobId: z.string(),
  kind: PrintDocumentKind,
  title: z.string(),
  documentNumber: z.string(),
  /** The PDF for preview and «Сохранить как PDF». */
  pdfBase64: z.string(),
  pages: z.number().int(),
  verificationCode: z.string(),
  reprint: z.boolean()
})
export type PrintJobView = z.infer<typeof PrintJobView>

export const PrinterView = z.object({
  name: z.string(),
  state: z.enum(['idle', 'printing', 'disabled']),
  accepting: z.boolean(),
  offline: z.boolean(),
  message: z.string().nullable(),
  isDefault: z.boolean(),
  /** Null when the printer can take a job now; otherwise why not, in Russian. */
  problem: z.string().nullable()
})

export const PrinterListView = z.object({
  printers: z.array(PrinterView),
  systemDefault: z.string().nullable(),
  /** The printer to preselect: the one this desk used last if it is still there, else the system default. */
  preferred: z.string().nullable()
})
export type PrinterListView = z.infer<typeof PrinterListView>

/** A CUPS queue name: printable, no spaces, slashes, quotes or '#'; never an option. */
const PrinterName = z
  .string()
  .trim()
  .min(1, { message: 'Выберите принтер' })
  .max(127)
  .regex(/^[^\s/\\#"'-][^\s/\\#"']*$/, { message: 'Недопустимое имя принтера' })

const PersonText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `Укажите ${what}` })
    .max(max, { message: `Не длиннее ${max} символов` })

/** The recipient's signature drawn on screen: a PNG data URL, bounded (about 250 KB of image). */
const SignaturePng = z
  .string()
  .max(350_000, { message: 'Изображение подписи слишком большое' })
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/, { message: 'Подпись должна быть изображением PNG' })

export const IssuanceEntry = z.object({
  id: z.string(),
  printedAt: z.string(),
  what: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  requestId: z.string().nullable(),
  requestNumber: z.string().nullable(),
  documentId: z.string().nullable(),
  printedBy: z.string(),
  printedByName: z.string(),
  workstationName: z.string(),
  copies: z.number().int(),
  recipientKind: z.enum(['self', 'representative']),
  recipientName: z.string(),
  recipientDocument: z.string(),
  reprint: z.boolean(),
  verificationCode: z.string(),
  pdfSha256: z.string(),
  withSignature: z.boolean()
})
export type IssuanceEntry = z.infer<typeof IssuanceEntry>

export const printCommands = {
  'print.extract': command({
    doc: 'Build the paper extract (form 027/у) of an approved request for its period; a second print says «Повторная печать».',
    input: z.object({ requestId: Id, reprint: z.boolean().optional().default(false) }),
    output: PrintJobView
  }),
  'print.documentCopy': command({
    doc: 'Build the paper copy of an ЭМД with its signature stamps and «Копия верна».',
    input: z.object({ documentId: Id, reprint: z.boolean().optional().default(false) }),
    output: PrintJobView
  }),
  'print.requestReceipt': command({
    doc: 'Build the receipt for a taken extract request: number, due date, what to bring.',
    input: z.object({ requestId: Id, reprint: z.boolean().optional().default(false) }),
    output: PrintJobView
  }),
  'printers.list': command({
    doc: 'Printers of this computer with their state, and which one to preselect.',
    input: z.object({}).strict(),
    output: PrinterListView
  }),
  'print.send': command({
    doc: 'Send a prepared document to a printer; a printer that cannot print now is refused with the reason.',
    input: z.object({ jobId: Id, printer: PrinterName, copies: z.number().int().min(1).max(10) }),
    output: z.object({ printerJobId: z.string() })
  }),
  'issuance.record': command({
    doc: 'Record handing over a prepared extract or ЭМД copy; an extract’s request becomes «Выдано». Returns the issuance receipt.',
    input: z
      .object({
        jobId: Id,
        recipientKind: z.enum(['self', 'representative']),
        representativeId: Id.nullable().optional().default(null),
        recipientName: PersonText(200, 'ФИО получателя'),
        recipientDocument: PersonText(200, 'документ, который предъявил получатель'),
        copies: z.number().int().min(1).max(10),
        signaturePng: SignaturePng.nullable().optional().default(null)
      })
      .refine((d) => d.recipientKind === 'self' || !!d.representativeId, {
        message: 'Выберите представителя, который получает документ',
        path: ['representativeId']
      })
      .refine((d) => d.recipientKind === 'representative' || !d.representativeId, {
        message: 'Пациент получает документ сам: представителя указывать не нужно',
        path: ['representativeId']
      }),
    output: z.object({
      issuanceId: z.string(),
      requestStatus: RequestStatus.nullable(),
      receipt: PrintJobView
    })
  }),
  'issuance.list': command({
    doc: 'The issuance journal for a range of days, newest first, optionally of one registrar.',
    input: z
      .object({
        from: IsoDate,
        to: IsoDate,
        printedBy: Id.optional(),
        limit: z.number().int().min(1).max(2000).optional().default(500)
      })
      .refine((d) => d.from <= d.to, { message: 'Начало периода позже его конца', path: ['from'] }),
    output: z.array(IssuanceEntry)
  })
} as const
