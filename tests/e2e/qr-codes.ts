// QR codes the way a visitor brings them: a request signed by the (demo) portal, drawn as a picture, turned into the
// video Chromium's fake camera plays; and the verification code read back off a printed PDF with poppler and zbar.
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import QRCode from 'qrcode'
import type { SigningKey } from '../../src-main/core/qr/keys'
import { loadDemoPortalKey, signRequestPayload } from '../../src-main/core/qr/request-issuer'
import { root, tmpRoot } from './host'
import { today, yearsAgo } from './seed'

export const demoPortal = loadDemoPortalKey(join(root, 'resources'))
export const mediaDir = resolve(tmpRoot, 'media')

export interface RequestQrFields {
  number?: string
  snils?: string | null
  enp?: string | null
  lastName: string
  firstName: string
  middleName?: string | null
  birthDate: string
}

let serial = 0
/** A request number nobody has used: the year and six digits from the process and a counter. */
export function freshRequestNumber(): string {
  serial += 1
  return `В-${new Date().getFullYear()}-${String((process.pid * 100 + serial) % 1_000_000).padStart(6, '0')}`
}

export function requestQr(fields: RequestQrFields, key: SigningKey = demoPortal): string {
  const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
  return signRequestPayload(key, {
    number: fields.number ?? freshRequestNumber(),
    snils: fields.snils ?? null,
    enp: fields.enp ?? null,
    lastName: fields.lastName,
    firstName: fields.firstName,
    middleName: fields.middleName ?? null,
    birthDate: fields.birthDate,
    extractKind: 'full',
    periodFrom: yearsAgo(1),
    periodTo: today(),
    issuedAt: new Date().toISOString(),
    expiresOn: expires
  })
}

function workFile(ext: string): string {
  mkdirSync(mediaDir, { recursive: true })
  return resolve(mediaDir, `${randomUUID().slice(0, 8)}.${ext}`)
}

/**
 * A short loop for Chromium's fake camera, 640×480 at 10 frames a second: the code centred, growing from 300 to 395 px
 * over two seconds, as a phone screen brought towards the webcam. Several sizes because ZXing (inside html5-qrcode)
 * misses some codes at some sizes — in these tests one code failed at 6 px a module and read at 5.25, another the
 * other way round — and a camera repeating one still frame would never give it another chance; a real hand does.
 * `shiftRight` instead holds the code still, that many pixels towards the edge and partly out of the picture: a code
 * not yet in place (for the screenshot of the dialog at work).
 */
export async function qrVideo(text: string, shiftRight = 0): Promise<string> {
  const png = workFile('png')
  await QRCode.toFile(png, text, { errorCorrectionLevel: 'M', margin: 4, scale: 6 })
  const y4m = workFile('y4m')
  const frames = 20
  const size = `300+5*mod(n\\,${frames})`
  const picture =
    shiftRight > 0
      ? `pad=640+${shiftRight}:480:(640-iw)/2+${shiftRight}:(oh-ih)/2:color=white,crop=640:480:0:0`
      : `scale=w=${size}:h=${size}:eval=frame:flags=neighbor,pad=640:480:(ow-iw)/2:(oh-ih)/2:color=white:eval=frame`
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-framerate',
    '10',
    '-loop',
    '1',
    '-i',
    png,
    '-vf',
    `${picture},format=yuv420p`,
    '-frames:v',
    String(frames),
    y4m
  ])
  rmSync(png)
  return y4m
}

/** Every QR code printed in a PDF, read the way a person's scanner would: pages rendered to pictures, then zbar. */
export function qrCodesInPdf(pdfBase64: string): string[] {
  const dir = workFile('pdf.d')
  mkdirSync(dir)
  const pdf = join(dir, 'document.pdf')
  writeFileSync(pdf, Buffer.from(pdfBase64, 'base64'))
  execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', pdf, join(dir, 'page')])
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .map((f) => join(dir, f))
  // -Sbinary: the bytes as printed (UTF-8), not zbar's guess at a legacy code page for the Cyrillic in them.
  let out: Buffer
  try {
    out = execFileSync('zbarimg', ['--quiet', '--raw', '-Sbinary', ...pages])
  } catch (error) {
    // zbarimg exits with 4 when a page has no code; what it found on the others is still on stdout.
    out = (error as { stdout?: Buffer }).stdout ?? Buffer.alloc(0)
  }
  rmSync(dir, { recursive: true, force: true })
  return out
    .toString('utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}
