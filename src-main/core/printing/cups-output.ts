// Reading what CUPS' lpstat and lp print (run in the C locale), and telling the registrar in Russian what went
// wrong. Pure functions: the formats are the contract with CUPS on Linux and macOS, and the tests pin them.
import type { RunResult } from './command-runner'

export interface PrinterInfo {
  name: string
  state: 'idle' | 'printing' | 'disabled'
  /** False after `cupsreject`: the queue refuses new jobs. */
  accepting: boolean
  /** The device does not answer: a job would wait in the queue instead of printing. */
  offline: boolean
  /** The printer's state message (a reason given by the administrator, or the device's own). */
  message: string | null
  isDefault: boolean
}

export interface PrinterList {
  printers: PrinterInfo[]
  defaultPrinter: string | null
}

const PRINTER_LINE =
  /^printer (\S+) (?:is (idle)|now (printing) \S+?|(disabled) since .*?)\.?(?:\s+enabled since .*)?$/
const ACCEPTING_LINE = /^(\S+) (not )?accepting requests since/
const DEFAULT_LINE = /^system default destination: (\S+)/
const OFFLINE_HINTS =
  /not responding|unable to connect|offline|may not exist|not connected|unplugged|connection refused|waiting for printer to become available|network host .* is busy/i

/** `lpstat -p -d -a`: printers with their state, continuation lines (tab-indented) as the state message. */
export function parseLpstat(stdout: string): PrinterList {
  const printers = new Map<string, PrinterInfo>()
  let defaultPrinter: string | null = null
  let current: PrinterInfo | null = null
  let acceptingOf: PrinterInfo | null = null
  for (const raw of stdout.split(/\r?\n/)) {
    if (raw.trim() === '') continue
    if (/^\s/.test(raw)) {
      // A continuation line belongs to the printer line above it; after an accepting line it repeats the reason.
      const target = current ?? acceptingOf
      const text = raw.trim()
      if (target && text) {
        if (!target.message) target.message = text
        if (OFFLINE_HINTS.test(text)) target.offline = true
      }
      continue
    }
    current = null
    acceptingOf = null
    const p = PRINTER_LINE.exec(raw)
    if (p) {
      current = {
        name: p[1],
        state: p[2] ? 'idle' : p[3] ? 'printing' : 'disabled',
        accepting: true,
        offline: false,
        message: null,
        isDefault: false
      }
      printers.set(current.name, current)
      continue
    }
    const a = ACCEPTING_LINE.exec(raw)
    if (a) {
      const known = printers.get(a[1])
      if (known) {
        known.accepting = !a[2]
        acceptingOf = known
      }
      continue
    }
    const d = DEFAULT_LINE.exec(raw)
    if (d) defaultPrinter = d[1]
  }
  const list = [...printers.values()]
  for (const p of list) p.isDefault = p.name === defaultPrinter
  return {
    printers: list,
    defaultPrinter: defaultPrinter && printers.has(defaultPrinter) ? defaultPrinter : null
  }
}

/** `lp` answers «request id is Office-42 (1 file(s))»; the job id is what `cancel` and `lpstat -o` know. */
export function parseLpJobId(stdout: string): string | null {
  const m = /request id is (\S+)/.exec(stdout)
  return m ? m[1] : null
}

export interface PrintingFailure {
  code: 'PRINTER_UNAVAILABLE' | 'PRINT_FAILED'
  message: string
}

const CUPS_DOWN =
  /scheduler is not running|scheduler not responding|unable to connect to server|connection refused|cups server/i

/** What a failed lpstat means for the registrar; null when there is simply no printer (an empty list is no error). */
export function describeListFailure(result: RunResult): PrintingFailure | null {
  const text = `${result.stderr}\n${result.stdout}`
  if (result.failure === 'missing') {
    return {
      code: 'PRINTER_UNAVAILABLE',
      message:
        'Служба печати CUPS не установлена (нет команды lpstat): сохраните документ в PDF или обратитесь к администратору'
    }
  }
  if (result.failure === 'timeout') {
    return {
      code: 'PRINTER_UNAVAILABLE',
      message: 'Служба печати не ответила вовремя: повторите через минуту'
    }
  }
  if (/no destinations added/i.test(text)) return null
  if (CUPS_DOWN.test(text)) {
    return {
      code: 'PRINTER_UNAVAILABLE',
      message: 'Служба печати CUPS не запущена: обратитесь к администратору или сохраните документ в PDF'
    }
  }
  return { code: 'PRINTER_UNAVAILABLE', message: `Не удалось получить список принтеров: ${firstLine(text)}` }
}

/** Why a printer that is listed cannot take a job now, or null when it can. */
export function printerProblem(printer: PrinterInfo): PrintingFailure | null {
  const why = printer.message ? ` (${printer.message})` : ''
  if (printer.state === 'disabled') {
    return {
      code: 'PRINTER_UNAVAILABLE',
      message: `Принтер «${printer.name}» отключён${why}: выберите другой принтер или обратитесь к администратору`
    }
  }
  if (!printer.accepting) {
    return {
      code: 'PRINTER_UNAVAILABLE',
      message: `Принтер «${printer.name}» не принимает задания${why}: выберите другой принтер`
    }
  }
  if (printer.offline) {
    return {
      code: 'PRINTER_UNAVAILABLE',
      message: `Принтер «${printer.name}» не отвечает${why}: проверьте, что он включён и подключён`
    }
  }
  return null
}

/** What a failed `lp` means for the registrar. */
export function describeSendFailure(result: RunResult, printer: string): PrintingFailure {
  const text = `${result.stderr}\n${result.stdout}`
  if (result.failure === 'missing') {
    return {
      code: 'PRINTER_UNAVAILABLE',
      message:
        'Служба печати CUPS не установлена (нет команды lp): сохраните документ в PDF или обратитесь к администратору'
    }
  }
  if (result.failure === 'timeout') {
    return {
      code: 'PRINT_FAILED',
      message: `Принтер «${printer}» не принял задание вовремя: проверьте очередь печати`
    }
  }
  if (/does not exist|unknown destination|not found/i.test(text)) {
    return { code: 'PRINTER_UNAVAILABLE', message: `Принтер «${printer}» не найден: выберите другой принтер` }
  }
  if (/no default destination/i.test(text)) {
    return {
      code: 'PRINTER_UNAVAILABLE',
      message: 'В системе не установлено ни одного принтера: сохраните документ в PDF'
    }
  }
  if (/not accepting jobs/i.test(text)) {
    return {
      code: 'PRINTER_UNAVAILABLE',
      message: `Принтер «${printer}» не принимает задания: выберите другой принтер`
    }
  }
  if (CUPS_DOWN.test(text)) {
    return {
      code: 'PRINTER_UNAVAILABLE',
      message: 'Служба печати CUPS не запущена: обратитесь к администратору или сохраните документ в PDF'
    }
  }
  if (/forbidden|not authorized|not allowed/i.test(text)) {
    return {
      code: 'PRINT_FAILED',
      message: `Нет прав на печать на принтере «${printer}»: обратитесь к администратору`
    }
  }
  return { code: 'PRINT_FAILED', message: `Принтер «${printer}» отклонил задание: ${firstLine(text)}` }
}

function firstLine(text: string): string {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find(Boolean)
  return (line ?? 'причина не сообщается').replace(/^(lp|lpstat):\s*(error\s*-\s*)?/i, '').slice(0, 200)
}
