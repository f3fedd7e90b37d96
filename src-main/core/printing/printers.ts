// Printers of this computer and print jobs, through CUPS on Linux and macOS: `lpstat` lists, `lp` prints. A printer
// that CUPS would queue a job for without printing it (disabled, refusing, not answering) is refused up front: the
// registrar must not hand over a document as printed while it sits in a queue.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CommandRunner } from './command-runner'
import {
  describeListFailure,
  describeSendFailure,
  parseLpJobId,
  parseLpstat,
  printerProblem,
  type PrinterList,
  type PrintingFailure
} from './cups-output'

export class PrintingError extends Error {
  constructor(readonly failure: PrintingFailure) {
    super(failure.message)
    this.name = 'PrintingError'
  }
}

export interface PrintingEnv {
  runner: CommandRunner
  platform: NodeJS.Platform
}

function requireCups(platform: NodeJS.Platform): void {
  if (platform === 'win32') {
    // Windows has no lp; the Electron shell prints there through Chromium's own print path.
    throw new PrintingError({
      code: 'PRINTER_UNAVAILABLE',
      message:
        'В Windows документ печатается через окно печати приложения: нажмите «Печать» в просмотре или сохраните PDF'
    })
  }
}

export async function listPrinters(env: PrintingEnv): Promise<PrinterList> {
  requireCups(env.platform)
  const result = await env.runner('lpstat', ['-p', '-d', '-a'])
  if (result.exitCode === 0) return parseLpstat(result.stdout)
  const failure = describeListFailure(result)
  if (failure) throw new PrintingError(failure)
  // lpstat exits 1 when no printer is installed, and may still have said which default it lacks.
  return parseLpstat(result.stdout)
}

export interface SendRequest {
  printer: string
  copies: number
  title: string
  pdf: Uint8Array
}

export async function sendToPrinter(env: PrintingEnv, job: SendRequest): Promise<{ printerJobId: string }> {
  const { printers } = await listPrinters(env)
  if (printers.length === 0) {
    throw new PrintingError({
      code: 'PRINTER_UNAVAILABLE',
      message:
        'В системе не установлено ни одного принтера: сохраните документ в PDF или обратитесь к администратору'
    })
  }
  const printer = printers.find((p) => p.name === job.printer)
  if (!printer) {
    throw new PrintingError({
      code: 'PRINTER_UNAVAILABLE',
      message: `Принтер «${job.printer}» не найден: выберите другой принтер`
    })
  }
  const problem = printerProblem(printer)
  if (problem) throw new PrintingError(problem)
  const dir = await mkdtemp(join(tmpdir(), 'registrar-print-'))
  try {
    const file = join(dir, 'document.pdf')
    await writeFile(file, job.pdf, { mode: 0o600 })
    // lp hands the file to the scheduler before it exits, so the file may go as soon as lp returns.
    const result = await env.runner('lp', [
      '-d',
      printer.name,
      '-n',
      String(job.copies),
      '-t',
      job.title,
      file
    ])
    if (result.exitCode !== 0) throw new PrintingError(describeSendFailure(result, printer.name))
    const printerJobId = parseLpJobId(result.stdout)
    if (!printerJobId) {
      throw new PrintingError({
        code: 'PRINT_FAILED',
        message: `Принтер «${printer.name}» не подтвердил приём задания: проверьте очередь печати`
      })
    }
    return { printerJobId }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
