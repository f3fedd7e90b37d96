// New cards in a pulled page are indexed for search after the page rather than one by one; a page that changes a
// card it also brings keeps the triggers. Either way the desk finds every card, by name and with a typo, and its
// trigram index and surname counts agree with its cards.
import type Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { searchInsertTriggers, withSearchIndexedAfter } from '../../../src-main/core/patients/search-index'
import { joinDesk, seedDesk, startTestServer, type Desk } from './support/sync-env'

/** The trigram index passes FTS5's own check, and the surname counts equal a count of the cards. */
function expectSearchAgrees(sqlite: Database.Database): void {
  sqlite.exec(`INSERT INTO patients_fts(patients_fts, rank) VALUES ('integrity-check', 1)`)
  const held = sqlite.prepare('SELECT surname, n FROM patient_surnames WHERE n > 0 ORDER BY surname').all()
  const counted = sqlite
    .prepare(
      `SELECT substr(search_text, 1, instr(search_text || ' ', ' ') - 1) AS surname, count(*) AS n
         FROM patients GROUP BY 1 ORDER BY 1`
    )
    .all()
  expect(held).toEqual(counted)
}

const triggersOf = (sqlite: Database.Database) =>
  sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all()

async function register(desk: Desk, lastName: string) {
  return desk.call(
    'patients.create',
    { draft: { lastName, firstName: 'Глеб', sex: 'M', birthDate: '1977-07-07' }, confirmDuplicate: true },
    desk.token
  )
}

const surnames = ['Ветлугин', 'Ветлугина', 'Заречный', 'Каргополов', 'Ветлугин', 'Пинежский']

describe('search after a pull', () => {
  it('finds the cards a page brought, and the index agrees with them', async () => {
    const server = await startTestServer()
    const a = await seedDesk(server, 20)
    const b = await joinDesk(server, 'Окно 2')
    const before = triggersOf(b.deps.store.sqlite)
    // One more of a surname the desk already holds: its count goes up rather than starting at one.
    const known = b.deps.store.sqlite
      .prepare('SELECT last_name FROM patients ORDER BY id LIMIT 1')
      .pluck()
      .get()
    for (const name of [...surnames, String(known)]) await register(a, name)
    await a.sync()
    await b.sync()
    const sqlite = b.deps.store.sqlite
    expect(triggersOf(sqlite)).toEqual(before)
    expectSearchAgrees(sqlite)
    const found = await b.call('patients.search', { query: 'ветлугин глеб' }, b.token)
    expect(found.filter((p) => p.fullName.startsWith('Ветлугин Глеб'))).toHaveLength(2)
    const typo = await b.call('patients.search', { query: 'каргополав' }, b.token)
    expect(typo.map((p) => p.fullName)).toContain('Каргополов Глеб')
    // A page that brings a card and changes it too keeps the triggers: the change takes the old values out.
    const card = await register(a, 'Онежский')
    await a.call(
      'patients.update',
      {
        id: card.id,
        version: card.version,
        draft: { lastName: 'Онежская', firstName: 'Глеб', sex: 'M', birthDate: '1977-07-07' }
      },
      a.token
    )
    await a.sync()
    await b.sync()
    expect(triggersOf(sqlite)).toEqual(before)
    expectSearchAgrees(sqlite)
    expect((await b.call('patients.search', { query: 'онежская' }, b.token)).map((p) => p.id)).toEqual([
      card.id
    ])
    // The old surname is only a typo away now: no exact match is left in the index.
    const old = await b.call('patients.search', { query: 'онежский глеб' }, b.token)
    expect(old.map((p) => p.matchedBy)).toEqual(['name_fuzzy'])
  })

  it('sets the insert triggers aside only inside the transaction, and puts them back as they were', async () => {
    const server = await startTestServer()
    const a = await seedDesk(server, 10)
    const sqlite = a.deps.store.sqlite
    const before = triggersOf(sqlite)
    const present = () =>
      (
        sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]
      ).filter((n) => (searchInsertTriggers as readonly string[]).includes(n)).length
    // Outside a transaction nothing is set aside.
    expect(withSearchIndexedAfter(sqlite, true, present)).toBe(searchInsertTriggers.length)
    // Inside one they are gone while the cards go in, and the cards are indexed after.
    const inside = sqlite.transaction(() =>
      withSearchIndexedAfter(sqlite, true, () => {
        sqlite
          .prepare(
            `INSERT INTO patients (id, last_name, first_name, sex, birth_date, search_text, created_at, updated_at)
             VALUES ('direct-1', 'Мезенцев', 'Ян', 'M', '1990-01-01', 'мезенцев ян', 'x', 'x')`
          )
          .run()
        return present()
      })
    )()
    expect(inside).toBe(0)
    expect(triggersOf(sqlite)).toEqual(before)
    expectSearchAgrees(sqlite)
    expect((await a.call('patients.search', { query: 'мезенцев' }, a.token)).map((p) => p.id)).toEqual([
      'direct-1'
    ])
    // A write that fails takes its cards and the dropped triggers back with it.
    expect(() =>
      sqlite.transaction(() =>
        withSearchIndexedAfter(sqlite, true, () => {
          throw new Error('сбой посреди страницы')
        })
      )()
    ).toThrow('сбой посреди страницы')
    expect(triggersOf(sqlite)).toEqual(before)
  })
})
