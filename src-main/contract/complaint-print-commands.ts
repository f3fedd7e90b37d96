// Commands that put a complaint on paper: the patient's receipt, and the letter that sends a complaint routed on
// paper to the organisation that issued the document or to the region's health authority.
import { z } from 'zod'
import { command, Id } from './command'
import { PrintJobView } from './print-commands'

export const complaintPrintCommands = {
  'print.complaintReceipt': command({
    doc: 'Build the patient’s receipt for a complaint: number, what was reported, due date, how to ask, a QR with the number.',
    input: z.object({ complaintId: Id, reprint: z.boolean().optional().default(false) }),
    output: PrintJobView
  }),
  'print.complaintLetter': command({
    doc: 'Build the letter for a complaint routed on paper, to the addressee the routing chose; sending it is marked apart.',
    input: z.object({ complaintId: Id, reprint: z.boolean().optional().default(false) }),
    output: PrintJobView
  })
} as const
