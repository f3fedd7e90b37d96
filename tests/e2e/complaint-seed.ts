// Test data of the complaints specs, through the host's API like any seed; the PDF a print command returns, read
// back the way a person would (pdftotext, zbar); and a USB scanner's burst of keys.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { randomUUID } from 'node:crypto'
import type { Page } from '@playwright/test'
import type { CommandInput, CommandOutput } from '../../src-main/contract/commands'
import type { Host } from './host'
import { tmpRoot } from './host'
import { createPatient } from './seed'

export interface Filed {
  id: string
  number: string
  patientId: string
  dueDate: string
}

export function daysAgo(days: number): string {
  const d = new Date()
  d.setDate(d.getDate() - days)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** A patient of this test alone, with a phone for the complaint's contacts. */
export async function complainant(
  host: Host,
  token: string,
  lastName = 'Жалобина'
): Promise<{ id: string; fullName: string }> {
  return createPatient(host, token, {
    lastName,
    firstName: 'Вера',
    middleName: 'Павловна',
    sex: 'F',
    birthDate: '1968-03-14',
    phone: '+7 916 555-12-34'
  })
}

/** An ЭМД of the patient's, as if it had come from the clinic's own МИС. */
export async function arrivedDocument(
  host: Host,
  token: string,
  patientId: string,
  fields: Partial<CommandInput<'documents.register'>> = {}
): Promise<CommandOutput<'documents.register'>> {
  return host.api(
    'documents.register',
    {
      patientId,
      kindCode: 'protocol-consultation',
      number: `К-${randomUUID().slice(0, 6)}`,
      date: daysAgo(10),
      organisationId: 'msk-gp-240',
      authorName: 'Петров Павел Петрович',
      authorRole: 'врач-невролог',
      title: 'Консультация невролога',
      content: 'Диагноз: M54.5 Боль внизу спины',
      ...fields
    },
    token
  )
}

export async function fileMissing(
  host: Host,
  token: string,
  patientId: string,
  fields: Partial<CommandInput<'complaints.fileMissing'>> = {}
): Promise<Filed> {
  return host.api(
    'complaints.fileMissing',
    {
      patientId,
      documentKindCode: 'protocol-lab',
      visitDate: daysAgo(7),
      regionCode: '77',
      organisationId: 'msk-gp-240',
      contacts: '+7 916 555-12-34',
      ...fields
    },
    token
  )
}

/** Runs `action` and returns the PDF the print command it triggers answers with. */
export async function pdfOf(page: Page, command: string, action: () => Promise<void>): Promise<string> {
  const answer = page.waitForResponse((r) => r.url().endsWith(`/api/${command}`))
  await action()
  const body = (await (await answer).json()) as { ok: boolean; value?: { pdfBase64: string } }
  if (!body.ok || !body.value) throw new Error(`${command} failed: ${JSON.stringify(body)}`)
  return body.value.pdfBase64
}

/** The PDF's text as pdftotext -layout lays it out, with runs of white space as one space. */
export function pdfText(pdfBase64: string): string {
  const dir = resolve(tmpRoot, 'media')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${randomUUID().slice(0, 8)}.pdf`)
  writeFileSync(file, Buffer.from(pdfBase64, 'base64'))
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
}

/**
 * The QR codes on the PDF's first page, one per line, read off a 150 dpi picture of it with zbar. A receipt has two;
 * zbar's -Sbinary would run them together on one line, so its own UTF-8 detection reads the Cyrillic here.
 */
export function qrCodesOnFirstPage(pdfBase64: string): string[] {
  const dir = resolve(tmpRoot, 'media', `qr-${randomUUID().slice(0, 8)}`)
  mkdirSync(dir, { recursive: true })
  const pdf = join(dir, 'document.pdf')
  writeFileSync(pdf, Buffer.from(pdfBase64, 'base64'))
  execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', pdf, join(dir, 'page')])
  const png = readdirSync(dir).find((f) => f.endsWith('.png'))
  if (!png) throw new Error('pdftoppm made no page')
  const out = execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', join(dir, png)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore']
  })
  return out
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}
