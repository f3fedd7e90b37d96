// Electron: the preload's window.api carries the call to the main process, which dispatches into the core.
import type { PreloadApi } from '../../../src-main/preload/api-types'
import type { Transport } from './backend'

export function ipcTransport(api: PreloadApi): Transport {
  return (name, input, token) => api.invoke(name, input, token)
}
