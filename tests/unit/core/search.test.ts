// How the name search behaves where its million-patient shortcuts could change answers: the order of results, the
// typo neighbours it may and may not offer, and the words after the surname.
import { describe, expect, it } from 'vitest'
import type { PatientDraftInput } from '../../../src-main/contract/schemas'
import { editDistance, foldForSearch } from '../../../src-main/core/patients/names'
import { byVariants, firstThird } from '../../../src-main/core/patients/typo-search'
import { demoCore, startCore } from '../support/core'

function draft(lastName: string, firstName: string, birthDate = '1980-05-05'): PatientDraftInput {
  return {
    lastName,
    firstName,
    middleName: 'Петрович',
    sex: 'M',
    birthDate,
    snils: '',
    enp: '',
    docKind: 'passport',
    docSeries: '4510',
    docNumber: String(100000 + Math.floor(Math.random() * 800000))
  }
}

/** Namesakes need different birth dates, or the desk asks to confirm a duplicate. */
const bornOn = (i: number) =>
  `1980-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}`

describe('name search', () => {
  it('lists cards starting with the first word first, then the rest, each alphabetically', async () => {
    const t = await demoCore(300)
    const found = await t.call('patients.search', { query: 'ова', limit: 100 }, t.tokens.registrar)
    const names = found.map((r) => r.fullName.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е'))
    expect(names.length).toBeGreaterThan(20)
    const starting = names.filter((n) => n.startsWith('ова'))
    expect(names.slice(0, starting.length)).toEqual(starting)
    const rest = names.slice(starting.length)
    expect(rest.every((n) => n.includes('ова'))).toBe(true)
    expect(rest).toEqual([...rest].sort())
    // The limit is bound to the statements as a parameter: each call's own.
    for (const limit of [3, 1, 7]) {
      const page = await t.call('patients.search', { query: 'ова', limit }, t.tokens.registrar)
      expect(page.map((r) => r.id)).toEqual(found.slice(0, limit).map((r) => r.id))
    }
  })

  it('lists a fragment found later in the ФИО after the cards it starts, and nothing twice', async () => {
    const t = await demoCore(10)
    const token = t.tokens.registrar
    const starts = await t.call('patients.create', { draft: draft('Жмуркин', 'Лев') }, token)
    const inside = await t.call(
      'patients.create',
      { draft: { ...draft('Абрамов', 'Лев'), middleName: 'Жмуркович' } },
      token
    )
    const found = async (query: string) =>
      (await t.call('patients.search', { query }, token)).map((r) => [r.id, r.matchedBy])
    expect(await found('жмурк')).toEqual([
      [starts.id, 'name'],
      [inside.id, 'name']
    ])
    // Every trigram hit is a card step 1 already listed.
    expect(await found('жмуркин')).toEqual([[starts.id, 'name']])
  })

  it('counts a typo neighbour that extends the first word against the page without listing its cards twice', async () => {
    const t = await demoCore(10)
    const token = t.tokens.registrar
    // "жмуркин" and "жмурко" are both one edit from "жмурки"; the cards of "жмуркин" start with the query, so they are
    // exact matches already, but as typo neighbours they still take their places in the page, alphabetically first.
    const exact = await t.call('patients.create', { draft: draft('Жмуркин', 'Лев') }, token)
    const near = await t.call('patients.create', { draft: draft('Жмурко', 'Лев') }, token)
    const found = async (limit: number) =>
      (await t.call('patients.search', { query: 'жмурки', limit }, token)).map((r) => [r.id, r.matchedBy])
    expect(await found(2)).toEqual([[exact.id, 'name']])
    expect(await found(3)).toEqual([
      [exact.id, 'name'],
      [near.id, 'name_fuzzy']
    ])
  })

  it('offers surnames one typo away anywhere, and two away in a long surname with its first letter right when none is one away', async () => {
    const t = await demoCore(20)
    const token = t.tokens.registrar
    const p = await t.call('patients.create', { draft: draft('Воскресенский', 'Глеб') }, token)
    const ids = async (query: string) => (await t.call('patients.search', { query }, token)).map((r) => r.id)
    expect(await ids('Боскресенский')).toContain(p.id)
    expect(await ids('Воскрисенскей')).toContain(p.id)
    // Two typos, one of them in the first letter: more noise than finds, so not offered.
    expect(await ids('Баскресенскей')).not.toContain(p.id)
    // A surname one typo away is offered alone: those two away ("Воскресенская") would only follow it as noise.
    const she = await t.call(
      'patients.create',
      { draft: { ...draft('Воскресенская', 'Ольга'), sex: 'F' } },
      token
    )
    expect(await ids('Воскресенскии')).toEqual([p.id])
    expect(await ids('Воскресенскаа')).toEqual([she.id])
  })

  it('matches the words after a misspelt surname against every card of that surname, not only the first few', async () => {
    const t = await demoCore(10)
    const token = t.tokens.registrar
    for (let i = 0; i < 25; i++)
      await t.call('patients.create', { draft: draft('Щеглов', 'Антон', bornOn(i)) }, token)
    const yakov = await t.call('patients.create', { draft: draft('Щеглов', 'Яков') }, token)
    const found = await t.call('patients.search', { query: 'Щиглов як' }, token)
    expect(found.map((r) => [r.id, r.matchedBy])).toEqual([[yakov.id, 'name_fuzzy']])
  })

  it('lists each card once when a misspelt surname is reached both by its variants and by its range', async () => {
    const t = await demoCore(10)
    const token = t.tokens.registrar
    // "Щуукин" → "щукин": the doubled letter dropped within the first third (a variant), which leaves that third "щу"
    // whole (the range). "Ааннушкина" → "аннушкина": the first letter dropped.
    const short = await t.call('patients.create', { draft: draft('Щукин', 'Антон') }, token)
    const long = await t.call('patients.create', { draft: draft('Аннушкина', 'Анна') }, token)
    const ids = async (query: string) => (await t.call('patients.search', { query }, token)).map((r) => r.id)
    expect(await ids('Щуукин')).toEqual([short.id])
    expect(await ids('Ааннушкина')).toEqual([long.id])
  })

  it('finds with a birth date among many namesakes', async () => {
    const t = await demoCore(10)
    const token = t.tokens.registrar
    for (let i = 0; i < 25; i++)
      await t.call('patients.create', { draft: draft('Щеглов', 'Антон', bornOn(i)) }, token)
    const one = await t.call('patients.create', { draft: draft('Щеглов', 'Антон', '1971-03-02') }, token)
    const found = await t.call('patients.search', { query: 'щеглов 02.03.1971' }, token)
    expect(found.map((r) => r.id)).toEqual([one.id])
  })
})

describe('one edit away', () => {
  /** Every word one edit away whose edit touches the first `upTo` letters, by brute force into a set. */
  const everyEdit = (word: string, upTo = word.length) => {
    const letters = 'абвгдежзийклмнопрстуфхцчшщъыьэюя-'
    const out = new Set<string>()
    for (let i = 0; i < Math.min(upTo, word.length); i++) {
      for (const c of letters)
        out.add(word.slice(0, i) + c + word.slice(i)).add(word.slice(0, i) + c + word.slice(i + 1))
      out.add(word.slice(0, i) + word.slice(i + 1))
      if (i + 1 < word.length) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))
    }
    if (upTo >= word.length) for (const c of letters) out.add(word + c)
    out.delete(word)
    return [...out]
  }

  it('finds through the surnames’ deletions every surname that listing the edits finds, and only neighbours', async () => {
    const { sqlite } = (await startCore().core.deps()).store
    const words = ['анна', 'щуккин', 'ааннушкина', 'иванова', 'колесникова', 'ли', 'оо']
    // Every neighbour one letter off, some two off, and the words themselves: a crowded surname table.
    let seed = 7
    const pick = () => (seed = (seed * 48271) % 2147483647) % 5 === 0
    const near = words.flatMap((w) => [w, ...everyEdit(w)])
    const far = near.flatMap((w) => everyEdit(w, 2).filter(pick))
    const add = sqlite.prepare(
      `INSERT INTO patient_surnames (surname, len, n) VALUES (?, length(?), 1)
         ON CONFLICT (surname) DO UPDATE SET n = n + 1`
    )
    sqlite.transaction(() => {
      for (const s of [...near, ...far]) add.run(s, s)
    })()
    // A surname no card bears any longer is not offered.
    sqlite.prepare(`UPDATE patient_surnames SET n = 0 WHERE surname = 'анну'`).run()
    const known = sqlite.prepare('SELECT surname FROM patient_surnames WHERE surname = ? AND n > 0').pluck()
    for (const word of words) {
      const listed = everyEdit(word, firstThird(word)).filter((v) => known.get(v) !== undefined)
      const found = byVariants(sqlite, word).map((c) => c.surname)
      expect(found, word).toEqual(expect.arrayContaining(listed))
      expect(found.every((s) => editDistance(word, s, 1) === 1 && known.get(s) !== undefined)).toBe(true)
      expect(new Set(found).size).toBe(found.length)
    }
  })

  it('measures distance with transpositions as one edit and stops past the cap', () => {
    expect(editDistance('колесникова', 'колесинкова')).toBe(1)
    expect(editDistance('иванов', 'иваново')).toBe(1)
    expect(editDistance('иванов', 'петров', 2)).toBe(3)
    expect(editDistance('', 'абв')).toBe(3)
  })

  it('agrees with the whole table on random words, up to the cap', () => {
    // The textbook table: every cell, no cap.
    const reference = (a: string, b: string) => {
      const d = Array.from({ length: a.length + 1 }, (_, i) =>
        Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
      )
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            d[i][j - 1] + 1,
            d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
          )
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
        }
      return d[a.length][b.length]
    }
    let seed = 7
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed % n
    }
    const word = () => Array.from({ length: next(12) }, () => 'абвгд'[next(5)]).join('')
    for (let k = 0; k < 3000; k++) {
      const a = word()
      const b =
        next(3) === 0
          ? word()
          : a.slice(0, next(a.length + 1)) + word().slice(0, 2) + a.slice(next(a.length + 1))
      for (const cap of [1, 2, 3]) expect(editDistance(a, b, cap)).toBe(Math.min(reference(a, b), cap + 1))
    }
  })
})

describe('folding', () => {
  it('lowers case as the Russian locale does, for every character, so stored names and queries still agree', () => {
    const differ: string[] = []
    for (let code = 0; code < 0x30000; code++) {
      if (code >= 0xd800 && code < 0xe000) continue
      const c = String.fromCodePoint(code)
      if (
        foldForSearch(`а${c}б`) !==
        `а${c}б`.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim()
      )
        differ.push(c)
    }
    expect(differ).toEqual([])
    expect(foldForSearch('  ЁЛКИН   Пётр ΟΔΟΣ ')).toBe('елкин петр οδος')
  })
})
