// The machine's CUPS for the printing tests: whether the virtual PDF printer is there (scripts/ci-printer.sh),
// a printer that cannot print, and the PDF files cups-pdf writes. cups-pdf re-renders each job with Ghostscript,
// which drops the text layer, so a printed file is checked by its page count and its QR read back from a picture.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'

export const PDF_PRINTER = 'RegistrarPDF'

function run(command: string, args: string[]): { ok: boolean; out: string } {
  try {
    return {
      ok: true,
      out: execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    }
  } catch (error) {
    const e = error as { code?: string; stderr?: string; message: string }
    return { ok: false, out: e.code === 'ENOENT' ? 'missing' : (e.stderr ?? e.message).trim() }
  }
}

/** Why the CUPS tests cannot run here, or null when they can. */
export function cupsMissing(): string | null {
  if (process.platform === 'win32') return 'Windows has no CUPS'
  const printer = run('lpstat', ['-p', PDF_PRINTER])
  if (!printer.ok && printer.out === 'missing')
    return 'CUPS is not installed (no lpstat): .ci/run installs it'
  if (!printer.ok) return `no CUPS printer ${PDF_PRINTER} (${printer.out}): run scripts/ci-printer.sh`
  if (/disabled/.test(printer.out)) return `${PDF_PRINTER} is disabled: run scripts/ci-printer.sh`
  for (const tool of ['pdfinfo', 'pdftoppm', 'zbarimg']) {
    if (!run('which', [tool]).ok) return `${tool} is not installed (poppler-utils, zbar-tools)`
  }
  return null
}

/** A queue that exists but is disabled: CUPS would hold a job there instead of printing it. */
export function addDisabledPrinter(name: string): void {
  execFileSync('lpadmin', ['-p', name, '-v', 'file:/dev/null', '-E'], { stdio: 'ignore' })
  execFileSync('cupsdisable', ['-r', 'Замятие бумаги', name], { stdio: 'ignore' })
}

export function removePrinter(name: string): void {
  run('lpadmin', ['-x', name])
}

/** Where cups-pdf puts a job of this user: Out in cups-pdf.conf, ${HOME}/PDF by default. */
function outputDirs(): string[] {
  const conf = existsSync('/etc/cups/cups-pdf.conf') ? readFileSync('/etc/cups/cups-pdf.conf', 'utf8') : ''
  const out = /^\s*Out\s+(.+)$/m.exec(conf)?.[1].trim() ?? '${HOME}/PDF'
  return [out.replace('${HOME}', process.env.HOME ?? homedir()), '/var/spool/cups-pdf/ANONYMOUS']
}

export function pdfFiles(): Set<string> {
  const files = new Set<string>()
  for (const dir of outputDirs().filter(existsSync))
    for (const f of readdirSync(dir)) if (f.endsWith('.pdf')) files.add(join(dir, f))
  return files
}

function pdfPages(file: string): number | null {
  const info = run('pdfinfo', [file])
  return info.ok ? Number(/Pages:\s+(\d+)/.exec(info.out)?.[1]) : null
}

/**
 * The file the printer wrote for our document: new since `before`, complete (pdfinfo reads it; cups-pdf writes
 * through Ghostscript and fills the file last), with the expected page count and, on its last page, a QR naming the
 * document — which tells ours from other tests' jobs printing at the same time.
 */
export async function printedPdf(
  before: Set<string>,
  expected: { pages: number; documentNumber: string },
  timeoutMs = 30_000
): Promise<{ file: string; codes: string[] }> {
  const others = new Set(before)
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    for (const file of pdfFiles()) {
      if (others.has(file) || statSync(file).size === 0) continue
      const pages = pdfPages(file)
      if (!pages) continue
      const codes = pages === expected.pages ? qrCodesOn(file, pages) : []
      if (codes.some((code) => code.includes(expected.documentNumber))) return { file, codes }
      others.add(file)
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`no new PDF from ${PDF_PRINTER} in ${outputDirs().join(', ')} within ${timeoutMs} ms`)
}

/** The QR codes on one page of a PDF, rendered at print resolution. */
export function qrCodesOn(file: string, page: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-qr-'))
  try {
    const prefix = join(dir, 'page')
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', String(page), '-l', String(page), file, prefix], {
      stdio: 'ignore'
    })
    const png = readdirSync(dir).find((f) => f.endsWith('.png'))
    if (!png) return []
    const out = run('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', join(dir, png)])
    return out.ok ? out.out.split('\n').filter(Boolean) : []
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
