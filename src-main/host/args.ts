// Command-line flags of the browser host: `node out/main/host.js --data DIR --port P [--workstation NAME]
// [--key-file FILE]`.

export interface HostArgs {
  dataDir: string
  port: number
  workstationName?: string
  /** The database key file; absent means registrar.key in the data folder. */
  keyFile?: string
  help: boolean
}

export const usage = `Рабочее место регистратора в браузере (только 127.0.0.1)

  node out/main/host.js [--data КАТАЛОГ] [--port ПОРТ] [--workstation ИМЯ] [--key-file ФАЙЛ]

  --data         каталог с базой registrar.db (по умолчанию ./data)
  --port         порт; 0 — выбрать свободный (по умолчанию 0)
  --workstation  имя рабочего места для новой базы
  --key-file     файл ключа шифрования базы, доступный только владельцу (права 600);
                 по умолчанию КАТАЛОГ/registrar.key, создаётся при первом запуске
`

export class ArgsError extends Error {}

export function parseHostArgs(argv: readonly string[]): HostArgs {
  const args: HostArgs = { dataDir: 'data', port: 0, help: false }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    // Both "--port 8080" and "--port=8080" are common; accept either.
    const eq = flag.indexOf('=')
    const name = eq > 0 ? flag.slice(0, eq) : flag
    const inline = eq > 0 ? flag.slice(eq + 1) : undefined
    const value = (): string => {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') throw new ArgsError(`Флаг ${name}: нет значения`)
      return v
    }
    switch (name) {
      case '--data':
        args.dataDir = value()
        break
      case '--port': {
        const raw = value()
        const port = Number(raw)
        if (!/^\d+$/.test(raw) || port > 65535) throw new ArgsError(`Флаг --port: «${raw}» не номер порта`)
        args.port = port
        break
      }
      case '--workstation':
        args.workstationName = value()
        break
      case '--key-file':
        args.keyFile = value()
        break
      case '--help':
      case '-h':
        args.help = true
        break
      default:
        throw new ArgsError(`Неизвестный флаг: ${flag}`)
    }
  }
  return args
}
