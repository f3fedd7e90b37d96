// What CUPS prints (captured from CUPS 2.4 in the C locale) and what the registrar is told.
import { describe, expect, it } from 'vitest'
import type { CommandRunner, RunResult } from '../../../src-main/core/printing/command-runner'
import {
  describeListFailure,
  describeSendFailure,
  parseLpJobId,
  parseLpstat,
  printerProblem
} from '../../../src-main/core/printing/cups-output'
import { listPrinters, PrintingError, sendToPrinter } from '../../../src-main/core/printing/printers'

const ok = (stdout: string): RunResult => ({ exitCode: 0, stdout, stderr: '' })
const failed = (stderr: string, exitCode = 1, stdout = ''): RunResult => ({ exitCode, stdout, stderr })

const lpstat = [
  'printer Office is idle.  enabled since Sun Nov 22 00:11:05 2026',
  'printer Front now printing Front-12.  enabled since Sun Nov 22 00:11:42 2026',
  'printer Jammed disabled since Sun Nov 22 00:11:42 2026 -',
  '\tЗамятие бумаги',
  'printer Gone is idle.  enabled since Sun Nov 22 00:12:00 2026',
  '\tThe printer is not responding.',
  'printer Closed is idle.  enabled since Sun Nov 22 00:12:30 2026',
  '\tНет бумаги',
  'system default destination: Office',
  'Office accepting requests since Sun Nov 22 00:11:05 2026',
  'Front accepting requests since Sun Nov 22 00:11:42 2026',
  'Jammed accepting requests since Sun Nov 22 00:11:42 2026',
  'Gone accepting requests since Sun Nov 22 00:12:00 2026',
  'Closed not accepting requests since Sun Nov 22 00:12:30 2026 -',
  '\tНет бумаги',
  ''
].join('\n')

describe('lpstat -p -d -a', () => {
  it('lists printers with state, default, offline and refusing queues', () => {
    const list = parseLpstat(lpstat)
    expect(list.defaultPrinter).toBe('Office')
    const by = Object.fromEntries(list.printers.map((p) => [p.name, p]))
    expect(Object.keys(by)).toEqual(['Office', 'Front', 'Jammed', 'Gone', 'Closed'])
    expect(by.Office).toMatchObject({
      state: 'idle',
      accepting: true,
      offline: false,
      isDefault: true,
      message: null
    })
    expect(by.Front).toMatchObject({ state: 'printing', accepting: true, isDefault: false })
    expect(by.Jammed).toMatchObject({ state: 'disabled', message: 'Замятие бумаги' })
    expect(by.Gone).toMatchObject({ state: 'idle', offline: true, message: 'The printer is not responding.' })
    expect(by.Closed).toMatchObject({ state: 'idle', accepting: false, message: 'Нет бумаги' })
  })

  it('reads a machine without a default printer and without printers at all', () => {
    expect(
      parseLpstat('printer A is idle.  enabled since Mon 1 Jan\nno system default destination\n')
    ).toMatchObject({
      defaultPrinter: null,
      printers: [{ name: 'A', isDefault: false }]
    })
    expect(parseLpstat('no system default destination\n')).toEqual({ printers: [], defaultPrinter: null })
  })

  it('says why a printer cannot print now, in Russian', () => {
    const by = Object.fromEntries(parseLpstat(lpstat).printers.map((p) => [p.name, p]))
    expect(printerProblem(by.Office)).toBeNull()
    expect(printerProblem(by.Front)).toBeNull()
    expect(printerProblem(by.Jammed)?.message).toBe(
      'Принтер «Jammed» отключён (Замятие бумаги): выберите другой принтер или обратитесь к администратору'
    )
    expect(printerProblem(by.Gone)?.message).toContain('не отвечает')
    expect(printerProblem(by.Closed)?.message).toContain('не принимает задания (Нет бумаги)')
  })

  it('turns lpstat failures into messages', () => {
    expect(
      describeListFailure({ exitCode: null, stdout: '', stderr: '', failure: 'missing' })?.message
    ).toContain('CUPS не установлена')
    expect(
      describeListFailure(failed('lpstat: Scheduler is not running.\n', 1, 'no system default destination\n'))
    ).toMatchObject({ code: 'PRINTER_UNAVAILABLE', message: expect.stringContaining('не запущена') })
    expect(
      describeListFailure(failed('lpstat: No destinations added.\n', 1, 'no system default destination\n'))
    ).toBeNull()
  })
})

describe('lp', () => {
  it('reads the job id', () => {
    expect(parseLpJobId('request id is RegistrarPDF-17 (1 file(s))\n')).toBe('RegistrarPDF-17')
    expect(parseLpJobId('')).toBeNull()
  })

  it('turns lp failures into messages', () => {
    expect(describeSendFailure(failed('lp: Error - The printer or class does not exist.\n'), 'X')).toEqual({
      code: 'PRINTER_UNAVAILABLE',
      message: 'Принтер «X» не найден: выберите другой принтер'
    })
    expect(
      describeSendFailure(failed('lp: Destination "X" is not accepting jobs.\n'), 'X').message
    ).toContain('не принимает задания')
    expect(describeSendFailure(failed('lp: error - scheduler not responding.\n'), 'X').message).toContain(
      'не запущена'
    )
    expect(describeSendFailure(failed('lp: Error - No default destination.\n'), 'X').message).toContain(
      'не установлено ни одного принтера'
    )
    expect(
      describeSendFailure({ exitCode: null, stdout: '', stderr: '', failure: 'missing' }, 'X')
    ).toMatchObject({
      code: 'PRINTER_UNAVAILABLE',
      message: expect.stringContaining('нет команды lp')
    })
    expect(describeSendFailure(failed('lp: Error - Unsupported document-format "x".\n'), 'X')).toEqual({
      code: 'PRINT_FAILED',
      message: 'Принтер «X» отклонил задание: Unsupported document-format "x".'
    })
  })
})

/** A runner that plays a CUPS with the given lpstat output and lp answer, and records what was run. */
function fakeCups(list: RunResult, lp: RunResult) {
  const calls: { file: string; args: readonly string[] }[] = []
  const runner: CommandRunner = async (file, args) => {
    calls.push({ file, args })
    return file === 'lpstat' ? list : lp
  }
  return { runner, calls }
}

const pdf = new TextEncoder().encode('%PDF-1.3\n%%EOF\n')

describe('sending a job', () => {
  it('runs lp with the printer, copies and title as separate arguments, and returns the job id', async () => {
    const cups = fakeCups(ok(lpstat), ok('request id is Office-3 (1 file(s))\n'))
    const title = 'В-2026-01-000001 "; rm -rf / #'
    const sent = await sendToPrinter(
      { runner: cups.runner, platform: 'linux' },
      { printer: 'Office', copies: 2, title, pdf }
    )
    expect(sent).toEqual({ printerJobId: 'Office-3' })
    const lp = cups.calls.find((c) => c.file === 'lp')
    expect(lp?.args.slice(0, 6)).toEqual(['-d', 'Office', '-n', '2', '-t', title])
    expect(lp?.args[6]).toMatch(/document\.pdf$/)
  })

  it('refuses a disabled, offline or refusing printer before anything is queued', async () => {
    for (const printer of ['Jammed', 'Gone', 'Closed']) {
      const cups = fakeCups(ok(lpstat), ok('request id is X-1 (1 file(s))\n'))
      const error = await sendToPrinter(
        { runner: cups.runner, platform: 'linux' },
        { printer, copies: 1, title: 't', pdf }
      ).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(PrintingError)
      expect((error as PrintingError).failure.code).toBe('PRINTER_UNAVAILABLE')
      expect(cups.calls.some((c) => c.file === 'lp')).toBe(false)
    }
  })

  it('says so when no printer is installed, or CUPS is missing', async () => {
    const none = fakeCups(
      failed('lpstat: No destinations added.\n', 1, 'no system default destination\n'),
      ok('')
    )
    await expect(
      sendToPrinter(
        { runner: none.runner, platform: 'linux' },
        { printer: 'Office', copies: 1, title: 't', pdf }
      )
    ).rejects.toThrow('не установлено ни одного принтера')
    const missing = fakeCups({ exitCode: null, stdout: '', stderr: '', failure: 'missing' }, ok(''))
    await expect(listPrinters({ runner: missing.runner, platform: 'darwin' })).rejects.toThrow(
      'CUPS не установлена'
    )
  })

  it('passes on a job lp refused', async () => {
    const cups = fakeCups(ok(lpstat), failed('lp: Error - Forbidden\n'))
    await expect(
      sendToPrinter(
        { runner: cups.runner, platform: 'linux' },
        { printer: 'Office', copies: 1, title: 't', pdf }
      )
    ).rejects.toThrow('Нет прав на печать на принтере «Office»')
  })

  it('on Windows says that printing goes through the application window, without running anything', async () => {
    const cups = fakeCups(ok(lpstat), ok(''))
    await expect(listPrinters({ runner: cups.runner, platform: 'win32' })).rejects.toThrow('В Windows')
    expect(cups.calls).toHaveLength(0)
  })
})
