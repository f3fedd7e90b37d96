import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { patients } from '../../../src-main/core/db/schema'
import { joinDesk, seedDesk, settle, startTestServer } from './support/sync-env'

describe('sync basics', () => {
  it('a desk joins the clinic and changes flow both ways', async () => {
    const server = await startTestServer()
    const a = await seedDesk(server, 12)
    const b = await joinDesk(server, 'Окно 2')
    const count = (d: typeof a) =>
      d.deps.store.db
        .select({ n: sql<number>`count(*)` })
        .from(patients)
        .get()!.n
    expect(count(b)).toBe(count(a))
    const created = await a.call(
      'patients.create',
      {
        draft: { lastName: 'Синхронов', firstName: 'Пётр', sex: 'M', birthDate: '1980-05-05' }
      },
      a.token
    )
    await settle([a, b])
    const card = await b.call('patients.get', { id: created.id }, b.token)
    expect(card.patient.lastName).toBe('Синхронов')
    const status = await b.call('sync.status', {}, b.token)
    expect(status.pendingChanges).toBe(0)
    expect(status.state).toBe('online')
  })
})
