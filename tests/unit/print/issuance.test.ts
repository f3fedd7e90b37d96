// Printing and handing over through the contract, as the UI will call it: prepare, print, record the issuance.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import QRCode from 'qrcode'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { issuances, outbox } from '../../../src-main/core/db/schema'
import type { CommandRunner, RunResult } from '../../../src-main/core/printing/command-runner'
import { demoCore, tempDir } from '../support/core'
import { knownPatient, pdfPages, readyRequest, type DemoCore } from './fixtures'

const LPSTAT_OK =
  'printer Desk is idle.  enabled since Fri Nov 20 09:00:00 2026\nsystem default destination: Desk\n'
const LPSTAT_DISABLED =
  'printer Desk disabled since Fri Nov 20 09:00:00 2026 -\n\tНет тонера\nsystem default destination: Desk\n'

/** Plays CUPS: lpstat answers `list`, lp answers `lp`. */
async function playPrinter(t: DemoCore, list: string, lp: RunResult) {
  const runs: string[] = []
  const runner: CommandRunner = async (file, args) => {
    runs.push(`${file} ${args.join(' ')}`)
    return file === 'lpstat' ? { exitCode: 0, stdout: list, stderr: '' } : lp
  }
  ;(await t.core.deps()).printing = { runner, platform: 'linux' }
  return runs
}

const lpOk: RunResult = { exitCode: 0, stdout: 'request id is Desk-41 (1 file(s))\n', stderr: '' }

async function journal(t: DemoCore) {
  return t.call('issuance.list', { from: '2026-11-01', to: '2026-11-30' }, t.tokens.auditor)
}

describe('issuance', () => {
  it('prints, hands over with a drawn signature, moves the request to «Выдано» and shows in the journal and the card', async () => {
    const t = await demoCore(10)
    const token = t.tokens.registrar
    const runs = await playPrinter(t, LPSTAT_OK, lpOk)
    const p = await knownPatient(t)
    const request = await readyRequest(t, p.patientId)
    const job = await t.call('print.extract', { requestId: request.id }, token)
    const printers = await t.call('printers.list', {}, token)
    expect(printers).toMatchObject({
      systemDefault: 'Desk',
      preferred: 'Desk',
      printers: [{ name: 'Desk', problem: null }]
    })
    expect(await t.call('print.send', { jobId: job.jobId, printer: 'Desk', copies: 2 }, token)).toEqual({
      printerJobId: 'Desk-41'
    })
    expect(runs.at(-1)).toMatch(/^lp -d Desk -n 2 -t В-2026-01-\d{6} Выписка .* \/.*document\.pdf$/)

    const signaturePng = await QRCode.toDataURL('подпись получателя', { width: 240 })
    const issued = await t.call(
      'issuance.record',
      {
        jobId: job.jobId,
        recipientKind: 'self',
        recipientName: p.fullName,
        recipientDocument: 'паспорт 45 10 123456, выдан 01.02.2020',
        copies: 2,
        signaturePng
      },
      token
    )
    expect(issued.requestStatus).toBe('issued')
    expect((await t.call('requests.get', { id: request.id }, token)).status).toBe('issued')

    const receipt = pdfPages(issued.receipt.pdfBase64).join('\n').replace(/\s+/g, ' ')
    for (const needle of [
      'РАСПИСКА',
      'в получении медицинского документа',
      request.number,
      job.verificationCode,
      'паспорт 45 10 123456, выдан 01.02.2020',
      'Количество экземпляров 2',
      'Ёлкина Н. С.',
      'Смирнова О. В.'
    ]) {
      expect(receipt).toContain(needle)
    }
    const file = join(tempDir(), 'receipt.pdf')
    writeFileSync(file, Buffer.from(issued.receipt.pdfBase64, 'base64'))
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })).toMatch(/\bimage\b/)

    const entries = await journal(t)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      requestId: request.id,
      requestNumber: request.number,
      patientName: p.fullName,
      printedByName: 'Смирнова Ольга Викторовна',
      copies: 2,
      recipientKind: 'self',
      reprint: false,
      verificationCode: job.verificationCode,
      withSignature: true
    })
    const deps = await t.core.deps()
    const row = deps.store.db.select().from(issuances).where(eq(issuances.id, issued.issuanceId)).get()
    expect(row?.pdfSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(row?.workstationId).toBeTruthy()
    expect(
      deps.store.db.select().from(outbox).where(eq(outbox.entityId, issued.issuanceId)).all()
    ).toHaveLength(1)

    const card = await t.call('patients.get', { id: p.patientId }, token)
    expect(card.issuances).toEqual([
      expect.objectContaining({ id: issued.issuanceId, copies: 2, reprint: false })
    ])
    const audit = await t.call('audit.forPatient', { patientId: p.patientId }, t.tokens.senior)
    const actions = audit.map((e) => e.action)
    for (const action of ['print.prepare', 'print.send', 'issuance.record', 'request.status'])
      expect(actions).toContain(action)
  })

  it('a failing printer leaves the request unissued and the journal empty', async () => {
    const t = await demoCore(10)
    const token = t.tokens.registrar
    const p = await knownPatient(t)
    const request = await readyRequest(t, p.patientId)
    const job = await t.call('print.extract', { requestId: request.id }, token)

    const runs = await playPrinter(t, LPSTAT_DISABLED, lpOk)
    expect(await t.fail('print.send', { jobId: job.jobId, printer: 'Desk', copies: 1 }, token)).toEqual({
      code: 'PRINTER_UNAVAILABLE',
      message: 'Принтер «Desk» отключён (Нет тонера): выберите другой принтер или обратитесь к администратору'
    })
    expect(runs.some((r) => r.startsWith('lp '))).toBe(false)
    expect((await t.call('printers.list', {}, token)).preferred).toBeNull()

    await playPrinter(t, LPSTAT_OK, {
      exitCode: 1,
      stdout: '',
      stderr: 'lp: Error - Unsupported document-format\n'
    })
    expect(await t.fail('print.send', { jobId: job.jobId, printer: 'Desk', copies: 1 }, token)).toMatchObject(
      {
        code: 'PRINT_FAILED'
      }
    )

    expect((await t.call('requests.get', { id: request.id }, token)).status).toBe('ready')
    expect(await journal(t)).toEqual([])
    const audit = await t.call('audit.forPatient', { patientId: p.patientId }, t.tokens.senior)
    expect(audit.filter((e) => e.action === 'print.failed')).toHaveLength(2)
  })

  it('refuses a request that is not ready, and a recipient without authority', async () => {
    const t = await demoCore(10)
    const token = t.tokens.registrar
    const child = await knownPatient(t, '2016-03-03')
    const parent = await t.call(
      'representatives.add',
      { patientId: child.patientId, fullName: 'Ёлкин Сергей Иванович', relation: 'parent' },
      token
    )
    const request = await t.call(
      'requests.create',
      {
        patientId: child.patientId,
        applicantKind: 'representative',
        representativeId: parent.id,
        channel: 'in_person',
        kind: 'brief',
        periodFrom: '2026-01-01',
        periodTo: '2026-10-31',
        purpose: 'для школы',
        delivery: 'in_person'
      },
      token
    )
    await t.call('requests.transition', { id: request.id, to: 'processing' }, token)
    await t.call('requests.transition', { id: request.id, to: 'approved' }, token)
    const job = await t.call('print.extract', { requestId: request.id }, token)
    const byParent = {
      jobId: job.jobId,
      recipientKind: 'representative',
      representativeId: parent.id,
      recipientName: parent.fullName,
      recipientDocument: 'паспорт 4500 000111',
      copies: 1
    } as const
    expect(await t.fail('issuance.record', byParent, token)).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringContaining('Одобрено')
    })
    await t.call('requests.transition', { id: request.id, to: 'ready' }, token)
    const bySelf = {
      ...byParent,
      recipientKind: 'self',
      representativeId: null,
      recipientName: child.fullName
    } as const
    expect(await t.fail('issuance.record', bySelf, token)).toMatchObject({ code: 'NO_AUTHORITY' })
    expect(await journal(t)).toEqual([])
    const issued = await t.call('issuance.record', byParent, token)
    expect(issued.requestStatus).toBe('issued')
    expect((await journal(t))[0]).toMatchObject({
      recipientKind: 'representative',
      recipientName: parent.fullName
    })
  })

  it('a reprint is journalled as such and keeps the request issued; a stale first print is refused', async () => {
    const t = await demoCore(10)
    const token = t.tokens.registrar
    const p = await knownPatient(t)
    const request = await readyRequest(t, p.patientId)
    const first = await t.call('print.extract', { requestId: request.id }, token)
    const stale = await t.call('print.extract', { requestId: request.id }, token)
    const recipient = {
      recipientKind: 'self',
      recipientName: p.fullName,
      recipientDocument: 'паспорт',
      copies: 1
    } as const
    await t.call('issuance.record', { jobId: first.jobId, ...recipient }, token)
    expect(await t.fail('issuance.record', { jobId: stale.jobId, ...recipient }, token)).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringContaining('уже выдана')
    })
    const again = await t.call('print.extract', { requestId: request.id }, token)
    expect(again.reprint).toBe(true)
    const second = await t.call('issuance.record', { jobId: again.jobId, ...recipient }, token)
    expect(second.requestStatus).toBe('issued')
    const entries = await journal(t)
    expect(entries.map((e) => e.reprint)).toEqual([true, false])
    expect(pdfPages(second.receipt.pdfBase64).join(' ')).toContain('(повторная печать)')
  })

  it('hands over an ЭМД copy without touching any request', async () => {
    const t = await demoCore(10)
    const p = await knownPatient(t)
    const job = await t.call('print.documentCopy', { documentId: p.emdId }, t.tokens.senior)
    const issued = await t.call(
      'issuance.record',
      {
        jobId: job.jobId,
        recipientKind: 'self',
        recipientName: p.fullName,
        recipientDocument: 'паспорт',
        copies: 1
      },
      t.tokens.senior
    )
    expect(issued.requestStatus).toBeNull()
    expect((await journal(t))[0]).toMatchObject({ documentId: p.emdId, requestId: null })
  })

  it('checks roles, jobs and the drawn signature', async () => {
    const t = await demoCore(10)
    const p = await knownPatient(t)
    const request = await readyRequest(t, p.patientId)
    expect(await t.fail('print.extract', { requestId: request.id }, t.tokens.auditor)).toMatchObject({
      code: 'FORBIDDEN'
    })
    expect(
      await t.fail('issuance.list', { from: '2026-11-01', to: '2026-11-30' }, t.tokens.admin)
    ).toMatchObject({
      code: 'FORBIDDEN'
    })
    const recipient = {
      recipientKind: 'self',
      recipientName: p.fullName,
      recipientDocument: 'паспорт',
      copies: 1
    } as const
    expect(
      await t.fail('issuance.record', { jobId: 'no-such-job', ...recipient }, t.tokens.registrar)
    ).toMatchObject({
      code: 'NOT_FOUND'
    })
    const receipt = await t.call('print.requestReceipt', { requestId: request.id }, t.tokens.registrar)
    expect(
      await t.fail('issuance.record', { jobId: receipt.jobId, ...recipient }, t.tokens.registrar)
    ).toMatchObject({
      code: 'VALIDATION'
    })
    const job = await t.call('print.extract', { requestId: request.id }, t.tokens.registrar)
    const notPng = `data:image/png;base64,${Buffer.from('GIF89a not a png at all, really').toString('base64')}`
    expect(
      await t.fail(
        'issuance.record',
        { jobId: job.jobId, ...recipient, signaturePng: notPng },
        t.tokens.registrar
      )
    ).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Подпись получателя') })
    expect((await t.call('requests.get', { id: request.id }, t.tokens.registrar)).status).toBe('ready')
    expect(await journal(t)).toEqual([])
  })
})
