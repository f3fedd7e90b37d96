// Renders the first page of each paper document the desk prints, from the demo clinic through the real contract,
// into docs/documents/*.png: extract-full, extract-brief, emd-copy, request-receipt, issuance-receipt,
// complaint-receipt and complaint-letter.
// Run: npx tsx scripts/render-documents.ts [--out docs/documents] [--dpi 100]
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { CommandInput, CommandName, CommandOutput } from '../src-main/contract/commands'
import { newDatabaseKey } from '../src-main/core/db/cipher'
import { openCore } from '../src-main/core/app'
import { fixedClock } from '../src-main/core/clock'
import { sampleSignaturePng } from './sample-signature'

// The clinic's own time zone, so that times on the receipts read as the desk would print them.
process.env.TZ = 'Europe/Moscow'

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'docs/documents' }, dpi: { type: 'string', default: '100' } }
})
const root = fileURLToPath(new URL('..', import.meta.url))
const outDir = resolve(root, values.out!)
const work = mkdtempSync(join(tmpdir(), 'registrar-documents-'))
const core = openCore({
  dataDir: work,
  // A throwaway store: a fresh key each time, encrypted like the app's.
  databaseKey: newDatabaseKey,
  resourcesDir: join(root, 'resources'),
  migrationsDir: join(root, 'drizzle'),
  clock: fixedClock('2026-11-20T10:30:00+03:00'),
  passwordCost: 1024
})

async function call<N extends CommandName>(name: N, input: CommandInput<N>, token: string | null = null) {
  const result = await core.dispatch(name, input, token)
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`)
  return result.value as CommandOutput<N>
}

function savePng(name: string, pdfBase64: string): void {
  const pdf = join(work, `${name}.pdf`)
  writeFileSync(pdf, Buffer.from(pdfBase64, 'base64'))
  const png = join(outDir, name)
  execFileSync('pdftoppm', ['-r', values.dpi!, '-png', '-f', '1', '-l', '1', '-singlefile', pdf, png], {
    stdio: ['ignore', 'ignore', 'ignore']
  })
  console.log(`${png}.png`)
}

try {
  mkdirSync(outDir, { recursive: true })
  await call('system.setupDemo', { patients: 400 })
  const token = (await call('auth.signIn', { login: 'registrar', password: 'demo1234' })).token
  const { sqlite } = (await core.deps()).store

  // The adult with the most visits in the last two years makes an extract that shows what a full one holds.
  const patient = sqlite
    .prepare(
      `select p.id from patients p join visits v on v.patient_id = p.id
       where p.birth_date <= '2000-01-01' and v.date >= '2024-11-20'
       group by p.id order by count(*) desc, p.id limit 1`
    )
    .get() as { id: string }
  const requestFor = async (kind: 'full' | 'brief') => {
    const request = await call(
      'requests.create',
      {
        patientId: patient.id,
        applicantKind: 'self',
        channel: 'in_person',
        kind,
        periodFrom: '2024-11-20',
        periodTo: '2026-11-20',
        purpose: 'для предъявления в медицинскую организацию по месту лечения',
        delivery: 'in_person'
      },
      token
    )
    for (const to of ['processing', 'approved', 'ready'] as const) {
      await call('requests.transition', { id: request.id, to }, token)
    }
    return request
  }

  const full = await requestFor('full')
  const extract = await call('print.extract', { requestId: full.id }, token)
  savePng('extract-full', extract.pdfBase64)
  const brief = await requestFor('brief')
  savePng('extract-brief', (await call('print.extract', { requestId: brief.id }, token)).pdfBase64)
  savePng('request-receipt', (await call('print.requestReceipt', { requestId: full.id }, token)).pdfBase64)

  const document = sqlite
    .prepare(
      `select d.id from medical_documents d join document_signatures s on s.document_id = d.id
       group by d.id having count(*) >= 2 order by d.date desc, d.id limit 1`
    )
    .get() as { id: string }
  savePng('emd-copy', (await call('print.documentCopy', { documentId: document.id }, token)).pdfBase64)

  const issued = await call(
    'issuance.record',
    {
      jobId: extract.jobId,
      recipientKind: 'self',
      recipientName: full.patientName,
      recipientDocument: 'паспорт гражданина РФ 45 12 345678, выдан 14.03.2019',
      copies: 1,
      signaturePng: sampleSignaturePng()
    },
    token
  )
  savePng('issuance-receipt', issued.receipt.pdfBase64)

  // A discharge summary from a region whose data never reaches the portal: the complaint goes by letter.
  const complaint = await call(
    'complaints.fileMissing',
    {
      patientId: patient.id,
      documentKindCode: 'discharge-summary',
      visitDate: '2026-10-05',
      regionCode: '93',
      organisationId: 'dnr-donetsk-gp-9',
      contacts: '+7 949 123-45-67 (дочь)',
      comment: 'Выписной эпикриз после лечения в дневном стационаре не поступил на портал'
    },
    token
  )
  savePng(
    'complaint-receipt',
    (await call('print.complaintReceipt', { complaintId: complaint.id }, token)).pdfBase64
  )
  savePng(
    'complaint-letter',
    (await call('print.complaintLetter', { complaintId: complaint.id }, token)).pdfBase64
  )
} finally {
  core.close()
  rmSync(work, { recursive: true, force: true })
}
