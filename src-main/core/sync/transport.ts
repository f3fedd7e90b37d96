// The desk's side of the wire: every request names the protocol and schema versions, carries the desk's secret,
// and turns any failure into a SyncClientError with a Russian message the status line can show.
import type { z } from 'zod'
import {
  EnrolResponse,
  Hello,
  HEADER_GENERATION,
  HEADER_PROTOCOL,
  HEADER_SCHEMA,
  LogPage,
  fastLogPage,
  PushResponse,
  SnapshotLine,
  fastSnapshotRecord,
  SyncErrorBody,
  SYNC_PROTOCOL_VERSION,
  type EnrolRequest,
  type PushRequest,
  type SyncErrorCode
} from '../../contract/sync-protocol'

export type SyncFailure = SyncErrorCode | 'OFFLINE' | 'BAD_RESPONSE'

export class SyncClientError extends Error {
  constructor(
    readonly code: SyncFailure,
    message: string
  ) {
    super(message)
    this.name = 'SyncClientError'
  }
}

export interface TransportOptions {
  serverUrl: string
  token: string | null
  schemaVersion: number
  protocolVersion?: number
  generation: string | null
  fetch?: typeof fetch
  timeoutMs?: number
}

export const offlineMessage =
  'Сервер синхронизации недоступен: работа продолжается без сети, изменения сохранены на этом компьютере'

export function createTransport(o: TransportOptions) {
  const doFetch = o.fetch ?? fetch
  const timeoutMs = o.timeoutMs ?? 30_000

  async function request(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    stream = false,
    text?: string
  ): Promise<Response> {
    const headers: Record<string, string> = {
      [HEADER_PROTOCOL]: String(o.protocolVersion ?? SYNC_PROTOCOL_VERSION),
      [HEADER_SCHEMA]: String(o.schemaVersion)
    }
    if (o.token) headers.authorization = `Bearer ${o.token}`
    if (o.generation) headers[HEADER_GENERATION] = o.generation
    const json = text ?? (body === undefined ? undefined : JSON.stringify(body))
    // As bytes: given a string, fetch first scans all of it for lone surrogates, a megabyte per push batch.
    const payload = json === undefined ? undefined : Buffer.from(json, 'utf8')
    if (payload !== undefined) headers['content-type'] = 'application/json'
    let res: Response
    try {
      res = await doFetch(new URL(path, o.serverUrl), {
        method,
        headers,
        body: payload,
        // A snapshot may stream for minutes; its pages are committed as they come, so only the start is timed.
        signal: stream ? undefined : AbortSignal.timeout(timeoutMs)
      })
    } catch {
      throw new SyncClientError('OFFLINE', offlineMessage)
    }
    if (!res.ok) {
      const text = await res.text().catch(() => '')
      let parsed: SyncErrorBody | null = null
      try {
        const r = SyncErrorBody.safeParse(JSON.parse(text))
        if (r.success) parsed = r.data
      } catch {
        parsed = null
      }
      if (parsed) throw new SyncClientError(parsed.code, parsed.message)
      if (res.status >= 500 || res.status === 404)
        throw new SyncClientError('OFFLINE', `${offlineMessage} (ответ ${res.status})`)
      throw new SyncClientError('BAD_RESPONSE', `Сервер синхронизации ответил ошибкой ${res.status}`)
    }
    return res
  }

  const utf8 = new TextDecoder()

  /** A JSON body, and its size on the wire. */
  async function readBody(res: Response): Promise<{ value: unknown; bytes: number }> {
    try {
      const body = await res.arrayBuffer()
      return { value: JSON.parse(utf8.decode(body)) as unknown, bytes: body.byteLength }
    } catch {
      throw new SyncClientError('OFFLINE', `${offlineMessage} (ответ оборван)`)
    }
  }

  function check<S extends z.ZodType>(
    schema: S,
    value: unknown,
    fast?: (value: unknown) => z.output<S> | null
  ): z.output<S> {
    const quick = fast?.(value)
    if (quick) return quick
    const parsed = schema.safeParse(value)
    if (!parsed.success)
      throw new SyncClientError('BAD_RESPONSE', 'Сервер синхронизации ответил не по протоколу')
    return parsed.data
  }

  async function json<S extends z.ZodType>(schema: S, res: Response): Promise<z.output<S>> {
    return check(schema, (await readBody(res)).value)
  }

  return {
    enrol: async (body: EnrolRequest) => json(EnrolResponse, await request('POST', '/v1/enrol', body)),
    hello: async () => json(Hello, await request('GET', '/v1/hello')),
    push: async (body: PushRequest) => json(PushResponse, await request('POST', '/v1/push', body)),
    /** The same push with each op already in its wire form (SyncOp's JSON), as the outbox can give it. */
    pushSerialized: async (ops: readonly string[]) =>
      json(PushResponse, await request('POST', '/v1/push', undefined, false, `{"ops":[${ops.join(',')}]}`)),
    /**
     * A page of the log after `after`, and how many bytes it took on the wire. This desk's own entries that the server
     * kept as sent come short: marked asSent, without their fields.
     */
    log: async (after: number, maxBytes: number) => {
      const { value, bytes } = await readBody(
        await request('GET', `/v1/log?after=${after}&maxBytes=${maxBytes}&echo=short`)
      )
      return { page: check(LogPage, value, fastLogPage), bytes }
    },
    /** Audit events, each already written as JSON (as AuditUpload's events): the server says how far it holds them. */
    auditSerialized: async (events: readonly string[]) => {
      const res = await request('POST', '/v1/audit', undefined, false, `{"events":[${events.join(',')}]}`)
      return ((await res.json()) as { storedThrough: number }).storedThrough
    },
    /** The snapshot as parsed lines, read off the stream as they arrive. */
    async *snapshot(q: {
      after: string | null
      upTo: number | null
      pageSize: number
    }): AsyncGenerator<SnapshotLine> {
      const params = new URLSearchParams({ pageSize: String(q.pageSize) })
      if (q.after) params.set('after', q.after)
      if (q.upTo !== null) params.set('upTo', String(q.upTo))
      const res = await request('GET', `/v1/snapshot?${params}`, undefined, true)
      if (!res.body) throw new SyncClientError('BAD_RESPONSE', 'Сервер синхронизации прислал пустой снимок')
      const decoder = new TextDecoder()
      let buffered = ''
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buffered += decoder.decode(chunk, { stream: true })
          // The lines of a chunk are cut out by position; what is left over waits for the next chunk.
          let from = 0
          let nl: number
          while ((nl = buffered.indexOf('\n', from)) >= 0) {
            const value = JSON.parse(buffered.slice(from, nl)) as unknown
            from = nl + 1
            const record = fastSnapshotRecord(value)
            if (record) {
              yield record
              continue
            }
            const parsed = SnapshotLine.safeParse(value)
            if (!parsed.success)
              throw new SyncClientError('BAD_RESPONSE', 'Снимок базы пришёл не по протоколу')
            yield parsed.data
          }
          buffered = buffered.slice(from)
        }
      } catch (error) {
        if (error instanceof SyncClientError) throw error
        throw new SyncClientError('OFFLINE', `${offlineMessage} (загрузка снимка прервана)`)
      }
    }
  }
}

export type Transport = ReturnType<typeof createTransport>
