// The checks every change passes on the server, the same as on a desk.
import { describe, expect, it } from 'vitest'
import { checkOp } from '../../../src-main/core/sync/op-rules'
import { createClamp, MAX_FUTURE_MS } from '../../../src-main/core/sync/merge'
import { decodeHlc, encodeHlc } from '../../../src-main/core/outbox/hlc'

const id = '0193a000-0000-7000-8000-000000000001'
const check = (entity: string, op: 'insert' | 'update' | 'delete', fields: Record<string, unknown>) =>
  checkOp({ entity, entityId: id, op, fields })
const message = (r: ReturnType<typeof checkOp>) => (r.ok ? null : r.message)

describe('op rules', () => {
  it('refuses what a desk would never write', () => {
    expect(message(check('spaceship', 'insert', {}))).toContain('Неизвестный вид записи')
    expect(message(check('patient', 'update', { snils: '11223344596' }))).toContain('СНИЛС')
    expect(message(check('patient', 'update', { enp: '1234567890123456' }))).toContain('ЕНП')
    expect(message(check('patient', 'update', { lastName: 'R2-D2' }))).toContain('только буквы')
    expect(message(check('patient', 'update', { birthDate: '2026-02-30' }))).toContain('настоящая дата')
    expect(message(check('patient', 'update', { sex: 'X' }))).toContain('недопустимое значение')
    expect(message(check('patient', 'update', { wings: 2 }))).toContain('неизвестно')
    expect(message(check('patient', 'delete', {}))).toContain('не удаляются')
    expect(message(check('request_status', 'update', { note: 'x' }))).toContain('только дополняется')
    expect(message(check('extract_request', 'update', { number: 'В-1' }))).toContain('не меняется')
    expect(message(check('extract_request', 'update', { status: 'refused', refusalReason: null }))).toContain(
      'Причина отказа'
    )
    expect(message(check('sync_task', 'insert', { message: 'x' }))).toContain('только сервер')
    expect(message(check('user_credential', 'insert', { passwordHash: 'plain' }))).toContain(
      'неизвестном виде'
    )
    expect(message(check('patient', 'insert', { lastName: 'Иванов' }))).toMatch(/обязательно/)
  })

  it('drops what is the desk’s own and keeps the rest', () => {
    const r = check('patient', 'update', { phone: '+7 1', version: 7, updatedAt: 'x', searchText: 'x' })
    expect(r).toMatchObject({ ok: true, fields: { phone: '+7 1' } })
    expect(check('representative', 'delete', {})).toMatchObject({ ok: true })
  })

  it('clamps stamps from the future to the server clock, keeping their order', () => {
    let now = 1_000_000
    const clamp = createClamp(() => now)
    const near = encodeHlc({ ms: now + MAX_FUTURE_MS, counter: 0 }, 'a')
    expect(clamp(near)).toMatchObject({ hlc: near, clamped: false })
    const far1 = clamp(encodeHlc({ ms: now + 365 * 86_400_000, counter: 0 }, 'a'))
    const far2 = clamp(encodeHlc({ ms: now + 365 * 86_400_000, counter: 1 }, 'a'))
    expect(far1.clamped && far2.clamped).toBe(true)
    expect(decodeHlc(far1.hlc).ms).toBe(now)
    expect(far2.hlc > far1.hlc).toBe(true)
    now += 10
    expect(decodeHlc(clamp(encodeHlc({ ms: now + 86_400_000, counter: 0 }, 'a')).hlc).ms).toBe(now)
  })
})
