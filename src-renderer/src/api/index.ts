// Picks the transport once at start: the preload's bridge when it is there (Electron), HTTP otherwise.
import { createApiClient, type ApiClient } from './backend'
import { httpTransport, takeLaunchSecret } from './http'
import { ipcTransport } from './ipc'

export { BackendError, type Backend } from './backend'

let client: ApiClient | null = null

export function initBackend(): ApiClient {
  client = window.api
    ? createApiClient(ipcTransport(window.api))
    : createApiClient(httpTransport(takeLaunchSecret(window.location, window.sessionStorage, window.history)))
  return client
}

export function useBackend(): ApiClient {
  if (!client) throw new Error('initBackend() must run before the stores are used')
  return client
}
