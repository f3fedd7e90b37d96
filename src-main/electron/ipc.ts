// The one IPC channel: the renderer sends a contract command with its session token; the core answers a Result.
import { ipcMain } from 'electron'
import { isCommandName } from '../contract/commands'
import type { Core } from '../core/app'
import { IPC_CHANNEL } from '../preload/api-types'
import { mayHandleIpc } from './security'

export function registerIpc(core: Core, devServerUrl: string | undefined): void {
  ipcMain.handle(IPC_CHANNEL, async (event, request: unknown) => {
    const frame = event.senderFrame
    if (!frame || !mayHandleIpc(frame.url, frame === event.sender.mainFrame, devServerUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Запрос не из окна приложения' } }
    }
    const { name, input, token } = (typeof request === 'object' && request !== null ? request : {}) as Record<
      string,
      unknown
    >
    if (!isCommandName(name))
      return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: 'Неизвестная команда' } }
    return core.dispatch(name, input, typeof token === 'string' ? token : null)
  })
}
