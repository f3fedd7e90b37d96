// The log is read in sequence order page after page, whatever the page size: every entry once, none skipped, the
// fields as the server keeps them. The page is written as text straight from the rows, so the order must be the
// number's and not the text's (seq 10 after 9, 100 after 99).
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { LogPage } from '../../../src-main/contract/sync-protocol'
import { patientFields, rawDevice, rawRequest } from './support/raw-device'
import { backends, seedDesk, startTestServer } from './support/sync-env'

const letters = 'абвгдежзик'
const surname = (n: number) =>
  `Страничкин${letters[Math.floor(n / 100)]}${letters[Math.floor(n / 10) % 10]}${letters[n % 10]}`
const patient = (n: number) =>
  patientFields({
    lastName: surname(n),
    firstName: 'Лев',
    sex: 'M',
    phone: n % 2 ? `+7 900 000-00-${String(n % 100).padStart(2, '0')}` : null
  })

describe('log pages', () => {
  it.each(backends)(
    'come in sequence order across 9→10 and 99→100, each entry once (%s)',
    async (backend) => {
      const server = await startTestServer({ backend })
      await seedDesk(server, 10)
      const d = await rawDevice(server, 'Окно 7')
      const ids: string[] = Array.from({ length: 130 }, () => randomUUID())
      const pushed = await d.push(ids.map((id, n) => d.op('patient', id, 'insert', patient(n), 30_000 + n)))
      expect(pushed.ackedThrough).toBe(130)
      expect(pushed.results.at(-1)!.seq).toBeGreaterThan(130)
      for (const maxBytes of [1, 4_000, 1_000_000]) {
        const seen: number[] = []
        let after = 0
        for (let pages = 0; pages < 500; pages++) {
          const res = await rawRequest(server, `/v1/log?after=${after}&maxBytes=${maxBytes}`, {
            token: d.token,
            generation: d.generation
          })
          expect(res.status).toBe(200)
          const page = LogPage.parse(res.body)
          seen.push(...page.entries.map((e) => e.seq))
          for (const e of page.entries.filter((x) => x.deviceId === d.id)) {
            const n = ids.indexOf(e.entityId)
            expect(e).toMatchObject({ entity: 'patient', op: 'insert', outcome: 'applied', lost: [] })
            expect(e.fields).toMatchObject({ lastName: surname(n), phone: patient(n).phone })
          }
          after = page.entries.at(-1)?.seq ?? after
          if (!page.hasMore) break
        }
        expect(seen.length).toBe(pushed.results.at(-1)!.seq)
        expect(seen).toEqual([...seen].sort((x, y) => x - y))
        expect(new Set(seen).size).toBe(seen.length)
        expect(seen.at(-1)! - seen[0] + 1).toBe(seen.length)
      }
    }
  )
})
