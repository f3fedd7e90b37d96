// Browser: POST /api/<command> to the host that served this page, with the per-launch secret in a header.
import type { Result } from '@contract/errors'
import { i18n } from '../i18n'
import type { Transport } from './backend'

const SECRET_KEY = 'registrar.hostSecret'

/**
 * The host prints its URL as http://127.0.0.1:PORT/#k=SECRET. The fragment never reaches a server; take it once,
 * keep it for this tab only, and wipe it from the address bar so it does not end up in a screenshot or a bookmark.
 */
export function takeLaunchSecret(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)k=([A-Za-z0-9_-]+)/.exec(location.hash)
  if (match) {
    storage.setItem(SECRET_KEY, match[1])
    history.replaceState(history.state, '', location.pathname + location.search)
  }
  return storage.getItem(SECRET_KEY)
}

function failure(code: 'FORBIDDEN' | 'INTERNAL', message: string): Result<unknown> {
  return { ok: false, error: { code, message } }
}

export function httpTransport(secret: string | null): Transport {
  return async (name, input, token) => {
    if (!secret) {
      return failure('FORBIDDEN', i18n.global.t('errors.noSecret'))
    }
    let response: Response
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Host-Secret': secret },
        body: JSON.stringify({ input, token }),
        credentials: 'omit',
        cache: 'no-store'
      })
    } catch {
      return failure('INTERNAL', i18n.global.t('errors.hostDown'))
    }
    try {
      // The host answers every refusal (403, 413, …) in the same Result shape, so the body is read regardless.
      return (await response.json()) as Result<unknown>
    } catch {
      return failure('INTERNAL', i18n.global.t('errors.hostGarbled', { status: response.status }))
    }
  }
}
