// A device that speaks the wire protocol by hand, to send what a well-behaved desk never would: replays, reordered
// and duplicated batches, ops in any order across devices.
import { randomUUID } from 'node:crypto'
import { encodeHlc } from '../../../../src-main/core/outbox/hlc'
import {
  HEADER_GENERATION,
  HEADER_PROTOCOL,
  HEADER_SCHEMA,
  type PushResponse,
  type SyncOp
} from '../../../../src-main/contract/sync-protocol'
import type { TestServer } from './sync-env'

export async function rawRequest(
  server: TestServer,
  path: string,
  init: { token?: string; body?: unknown; generation?: string; schema?: number; protocol?: number } = {}
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {
    [HEADER_PROTOCOL]: String(init.protocol ?? 1),
    [HEADER_SCHEMA]: String(init.schema ?? 1),
    'content-type': 'application/json'
  }
  if (init.token) headers.authorization = `Bearer ${init.token}`
  if (init.generation) headers[HEADER_GENERATION] = init.generation
  const res = await fetch(`${server.url}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body)
  })
  return { status: res.status, body: await res.json() }
}

/** A patient insert's fields as a desk sends them: every column, the empty ones null. */
export function patientFields(given: Record<string, unknown>): Record<string, unknown> {
  return {
    lastName: 'Пустова',
    firstName: 'Ирина',
    middleName: null,
    sex: 'F',
    birthDate: '1982-12-12',
    snils: null,
    enp: null,
    insurer: null,
    docKind: null,
    docSeries: null,
    docNumber: null,
    address: null,
    phone: null,
    email: null,
    attachedOrgId: null,
    paperCard: false,
    mergedInto: null,
    createdAt: '2026-11-20T06:00:00.000Z',
    ...given
  }
}

export interface RawDevice {
  id: string
  token: string
  generation: string
  seq: number
  op(entity: string, entityId: string, op: SyncOp['op'], fields: Record<string, unknown>, ms: number): SyncOp
  push(ops: SyncOp[]): Promise<PushResponse>
}

export async function rawDevice(server: TestServer, name: string): Promise<RawDevice> {
  const id = randomUUID()
  const code = await server.createCode(name)
  const enrolled = await rawRequest(server, '/v1/enrol', { body: { code, deviceId: id, name, clinic: null } })
  if (enrolled.status !== 200) throw new Error(JSON.stringify(enrolled.body))
  const { token, generation } = enrolled.body as { token: string; generation: string }
  const device: RawDevice = {
    id,
    token,
    generation,
    seq: 0,
    op(entity, entityId, op, fields, ms) {
      device.seq++
      return {
        opId: randomUUID(),
        deviceSeq: device.seq,
        hlc: encodeHlc({ ms, counter: device.seq }, id),
        entity,
        entityId,
        op,
        fields,
        baseVersion: 1,
        seenSeq: 1_000_000,
        schemaVersion: 1
      }
    },
    async push(ops) {
      const res = await rawRequest(server, '/v1/push', { token, generation, body: { ops } })
      if (res.status !== 200) throw new Error(JSON.stringify(res.body))
      return res.body as PushResponse
    }
  }
  return device
}
