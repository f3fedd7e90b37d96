// The bridge the preload puts on window: one function, the contract's commands only. Shared by the preload, the
// Electron main process (which answers IPC_CHANNEL) and the renderer's IPC transport.
import type { CommandName } from '../contract/commands'
import type { Result } from '../contract/errors'

export const IPC_CHANNEL = 'contract:invoke'

/** What travels over IPC_CHANNEL. The main process answers with a Result and never rejects. */
export interface IpcRequest {
  name: CommandName
  input: unknown
  token: string | null
}

export interface PreloadApi {
  invoke(name: CommandName, input: unknown, token: string | null): Promise<Result<unknown>>
}

declare global {
  interface Window {
    /** Present in Electron only; the browser build talks HTTP to the host instead. */
    api?: PreloadApi
  }
}
