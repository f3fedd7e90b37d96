// A pulled page goes into the store under one savepoint; when one of its changes cannot be written, the rest of the
// page still lands and the one that failed is kept as a task, as when every change had a savepoint of its own.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { LogEntry } from '../../../src-main/contract/sync-protocol'
import { patients, syncTasks } from '../../../src-main/core/db/schema'
import { applyEntries, applySnapshotRecords } from '../../../src-main/core/sync/apply'
import { startCore } from '../support/core'

const at = '2026-11-20T06:00:00.000Z'
const card = (lastName: string | null) => ({
  lastName,
  firstName: 'Пётр',
  sex: 'M',
  birthDate: '1980-01-01',
  createdAt: at
})

function entry(seq: number, id: string, fields: Record<string, unknown>): LogEntry {
  return {
    seq,
    opId: `op-${id}`,
    deviceId: 'desk-other',
    hlc: `2026-11-20T06:00:0${seq}.000Z-0000-desk-other`,
    entity: 'patient',
    entityId: id,
    op: 'insert',
    fields,
    lost: [],
    outcome: 'applied',
    at
  }
}

describe('applying a page of pulled changes', () => {
  it('writes the good changes of a page and keeps the one that fails as a task', async () => {
    const deps = await startCore().core.deps()
    // No surname: the table refuses it (NOT NULL), which aborts the page's savepoint.
    const page = [
      entry(1, 'p-1', card('Первов')),
      entry(2, 'p-2', card(null)),
      entry(3, 'p-3', card('Третьяков'))
    ]
    deps.store.sqlite.transaction(() => applyEntries(deps, page, 'desk-self'))()
    const names = deps.store.db.select({ id: patients.id, lastName: patients.lastName }).from(patients).all()
    expect(names.filter((p) => p.id.startsWith('p-')).map((p) => p.lastName)).toEqual(['Первов', 'Третьяков'])
    const tasks = deps.store.db.select().from(syncTasks).where(eq(syncTasks.kind, 'apply_failed')).all()
    expect(tasks.map((t) => t.entityId)).toEqual(['p-2'])
    expect(tasks[0].message).toContain('не удалось применить')
  })

  it('does the same for a page of a snapshot', async () => {
    const deps = await startCore().core.deps()
    const records = ['Снимков', null, 'Последний'].map((lastName, i) => ({
      entity: 'patient',
      entityId: `s-${i}`,
      data: card(lastName),
      deleted: false
    }))
    deps.store.sqlite.transaction(() => applySnapshotRecords(deps, records, 10, at))()
    const ids = deps.store.db
      .select({ id: patients.id })
      .from(patients)
      .all()
      .map((p) => p.id)
    expect(ids.filter((id) => id.startsWith('s-')).sort()).toEqual(['s-0', 's-2'])
    const tasks = deps.store.db.select().from(syncTasks).where(eq(syncTasks.kind, 'apply_failed')).all()
    expect(tasks.map((t) => t.entityId)).toEqual(['s-1'])
  })

  it('leaves its own change alone when it comes back as sent, and writes what the server changed', async () => {
    const deps = await startCore().core.deps()
    deps.store.sqlite.transaction(() =>
      applyEntries(deps, [entry(1, 'p-own', { ...card('Своев'), phone: '+7 1' })], 'desk-self')
    )()
    const sent = (opId: string, fields: Record<string, unknown>) =>
      deps.store.sqlite
        .prepare(
          `INSERT INTO outbox (device_seq, op_id, device_id, hlc, entity, entity_id, op, fields, base_version,
             schema_version, created_at) VALUES ((SELECT coalesce(max(device_seq), 0) + 1 FROM outbox), ?,
             'desk-self', 'h', 'patient', 'p-own', 'update', ?, 1, 1, ?)`
        )
        .run(opId, JSON.stringify({ ...fields, id: 'p-own', version: 2 }), at)
    const back = (
      seq: number,
      opId: string,
      fields: Record<string, unknown>,
      lost: LogEntry['lost'] = []
    ) => ({
      ...entry(seq, 'p-own', fields),
      opId,
      deviceId: 'desk-self',
      op: 'update' as const,
      lost
    })
    const phone = () =>
      deps.store.db.select({ phone: patients.phone }).from(patients).where(eq(patients.id, 'p-own')).get()!
        .phone
    const acked = (opId: string) =>
      deps.store.sqlite.prepare('SELECT ack_seq FROM outbox WHERE op_id = ?').pluck().get(opId)
    // The row is changed behind sync's back, so that a write of the echo would show.
    const behind = () =>
      deps.store.sqlite.prepare(`UPDATE patients SET phone = 'иначе' WHERE id = 'p-own'`).run()

    sent('op-a', { phone: '+7 2', email: 'a@example.org' })
    behind()
    deps.store.sqlite.transaction(() =>
      applyEntries(deps, [back(2, 'op-a', { phone: '+7 2' })], 'desk-self')
    )()
    expect(acked('op-a')).toBe(2)
    expect(phone()).toBe('иначе')

    sent('op-b', { phone: '+7 3' })
    deps.store.sqlite.transaction(() =>
      applyEntries(deps, [back(3, 'op-b', { phone: '+7 4' })], 'desk-self')
    )()
    expect(acked('op-b')).toBe(3)
    expect(phone()).toBe('+7 4')

    sent('op-c', { phone: '+7 5' })
    behind()
    const lost = [{ field: 'email', value: 'b@example.org', hlc: 'h', deviceId: 'desk-other' }]
    deps.store.sqlite.transaction(() =>
      applyEntries(deps, [back(4, 'op-c', { phone: '+7 5' }, lost)], 'desk-self')
    )()
    expect(phone()).toBe('+7 5')
  })
  it('takes its own change sent back short as an answer: marks it, writes nothing, and flags one it never sent', async () => {
    const deps = await startCore().core.deps()
    deps.store.sqlite.transaction(() =>
      applyEntries(deps, [entry(1, 'p-short', { ...card('Кратков'), phone: '+7 1' })], 'desk-self')
    )()
    deps.store.sqlite
      .prepare(
        `INSERT INTO outbox (device_seq, op_id, device_id, hlc, entity, entity_id, op, fields, base_version,
           schema_version, created_at) VALUES (1, 'op-sent', 'desk-self', 'h', 'patient', 'p-short', 'update', ?, 1, 1, ?)`
      )
      .run(JSON.stringify({ phone: '+7 2' }), at)
    const short = (seq: number, opId: string, deviceId: string): LogEntry => ({
      ...entry(seq, 'p-short', {}),
      opId,
      deviceId,
      op: 'update',
      asSent: true
    })
    deps.store.sqlite.transaction(() =>
      applyEntries(
        deps,
        [
          short(2, 'op-sent', 'desk-self'),
          short(3, 'op-never-sent', 'desk-self'),
          short(4, 'op-x', 'desk-other')
        ],
        'desk-self'
      )
    )()
    const outbox = deps.store.sqlite.prepare('SELECT ack_seq AS ack, pushed_at AS pushed FROM outbox').get()
    expect(outbox).toEqual({ ack: 2, pushed: at })
    // Nothing written: the card keeps what it had, though the short entries carry no fields at all.
    const row = deps.store.db.select().from(patients).where(eq(patients.id, 'p-short')).get()!
    expect([row.lastName, row.phone]).toEqual(['Кратков', '+7 1'])
    const tasks = deps.store.db.select().from(syncTasks).where(eq(syncTasks.kind, 'apply_failed')).all()
    expect(tasks.map((t) => t.message)).toEqual([expect.stringContaining('без значений')])
  })
})
