// The one IPC channel: the renderer sends a contract command with its session token; the core answers a Result.
import { ipcMain } from 'electron'
import { isCommandName } from '../contract/commands'
import type { Core } from '../core/app'
import { mayHandleIpc } from './security'

export const IPC_CHANNEL = 'registrar:invoke'

export function registerIpc(core: Core, devServerUrl: string | undefined): void {
  ipcMain.handle(IPC_CHANNEL, async (event, name: unknown, input: unknown, token: unknown) => {
    const frame = event.senderFrame
    if (!frame || !mayHandleIpc(frame.url, frame === event.sender.mainFrame, devServerUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Запрос не из окна приложения' } }
    }
    if (!isCommandName(name))
      return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: 'Неизвестная команда' } }
    return core.dispatch(name, input, typeof token === 'string' ? token : null)
  })
}
