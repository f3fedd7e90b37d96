// The one way the renderer reaches the core. Two transports carry the same contract: IPC through the preload in
// Electron, HTTP to the browser host in Chromium. Stores see only `Backend.call`, typed by the contract.
import type { CommandInput, CommandName, CommandOutput } from '@contract/commands'
import type { AppErrorShape, ErrorCode, Result } from '@contract/errors'
import { i18n } from '../i18n'

export interface Backend {
  call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>>
}

/** What a failed command throws: the core's code and its Russian sentence, never a stack. */
export class BackendError extends Error implements AppErrorShape {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'BackendError'
  }
}

export type Transport = (name: CommandName, input: unknown, token: string | null) => Promise<Result<unknown>>

export interface BackendEvents {
  /** Every answer the core gave, so the session knows the core saw activity. */
  answered?(name: CommandName): void
  failed?(error: BackendError, name: CommandName): void
}

export interface ApiClient extends Backend {
  setToken(token: string | null): void
  token(): string | null
  on(events: BackendEvents): void
}

export function toBackendError(error: unknown): BackendError {
  if (error instanceof BackendError) return error
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    const { code, message } = error as AppErrorShape
    return new BackendError(code, message)
  }
  return new BackendError('INTERNAL', i18n.global.t('errors.noCore'))
}

export function createApiClient(transport: Transport): ApiClient {
  let token: string | null = null
  const listeners: BackendEvents[] = []
  return {
    setToken(next) {
      token = next
    },
    token: () => token,
    on(events) {
      listeners.push(events)
    },
    async call(name, input) {
      let result: Result<unknown>
      try {
        result = await transport(name, input, token)
      } catch (error) {
        const failure = toBackendError(error)
        for (const l of listeners) l.failed?.(failure, name)
        throw failure
      }
      for (const l of listeners) l.answered?.(name)
      if (result.ok) return result.value as CommandOutput<typeof name>
      const failure = new BackendError(result.error.code, result.error.message)
      for (const l of listeners) l.failed?.(failure, name)
      throw failure
    }
  }
}
