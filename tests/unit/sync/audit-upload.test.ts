// A desk's audit journal reaches the server as the desk wrote it: every event once, its text and hashes unchanged,
// across several uploads; an upload sent again (its answer lost) adds nothing.
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { readSyncState, updateSyncState } from '../../../src-main/core/sync/state'
import { queryRows } from '../../../src-server/context'
import { backends, seedDesk, startTestServer } from './support/sync-env'

describe('audit upload', () => {
  it.each(backends)(
    'keeps every event once and unchanged, across uploads and a resend (%s)',
    async (backend) => {
      const server = await startTestServer({ backend })
      // Small uploads: the journal goes in several.
      const a = await seedDesk(server, 10, { pushMaxBytes: 4096 })
      for (let i = 0; i < 15; i++)
        await a.call(
          'patients.create',
          {
            draft: {
              lastName: `Журналов${'абвгдежзиклмноп'[i]}`,
              firstName: 'Ян',
              sex: 'M',
              birthDate: '1970-01-01',
              address: `г. Донецк, ул. «Лесная» "${i}", д. 5\\${i}`
            },
            confirmDuplicate: true
          },
          a.token
        )
      await a.sync()
      const onDesk = a.deps.store.sqlite
        .prepare(
          `SELECT id, seq, at, user_id AS userId, action, entity, entity_id AS entityId, patient_id AS patientId,
           details, prev_hash AS prevHash, hash FROM audit_events ORDER BY seq`
        )
        .all()
      expect(onDesk.length).toBeGreaterThan(15)
      const stored = async () =>
        queryRows<{ device_seq: number; data: unknown }>(
          server.store.db,
          sql`select device_seq, data from audit_events order by device_seq`
        )
      const first = await stored()
      expect(first.map((r) => r.data)).toEqual(onDesk)
      expect(readSyncState(a.deps)?.auditPushedSeq).toBe(first.at(-1)?.device_seq)

      updateSyncState(a.deps, { auditPushedSeq: 0 })
      await a.sync()
      expect(await stored()).toEqual(first)
    }
  )
})
