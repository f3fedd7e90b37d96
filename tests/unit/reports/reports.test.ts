// Every figure of every report against counts this test takes straight from the store with its own SQL, on the demo
// clinic plus issuances on several days by two registrars and hand-overs that took different times.
import { describe, expect, it } from 'vitest'
import { localDate } from '../../../src-main/core/clock'
import { uuidv7 } from '../../../src-main/core/ids'
import { demoCore } from '../support/core'
import { knownPatient, readyRequest, type DemoCore } from '../print/fixtures'

const PERIOD = { from: '2026-11-01', to: '2026-11-30' }
const OPEN = ['accepted', 'processing', 'approved', 'ready']

/** Issuances on several days of the period (and one before it, which no report may count). */
async function seedIssuances(t: DemoCore) {
  const sqlite = (await t.core.deps()).store.sqlite
  const users = sqlite.prepare(`SELECT id, login FROM users`).all() as { id: string; login: string }[]
  const by = (login: string) => users.find((u) => u.login === login)!.id
  const patients = sqlite.prepare(`SELECT id FROM patients LIMIT 8`).all() as { id: string }[]
  const ws = (sqlite.prepare(`SELECT id FROM workstations LIMIT 1`).get() as { id: string }).id
  const insert = sqlite.prepare(
    `INSERT INTO issuances (id, patient_id, what, printed_at, printed_by, workstation_id, copies, recipient_name,
       recipient_kind, recipient_document, pdf_sha256, verification_code, reprint)
     VALUES (?, ?, 'Копия ЭМД', ?, ?, ?, ?, 'Получатель', 'self', 'паспорт', 'x', 'c', 0)`
  )
  const plan: [string, string, number][] = [
    ['2026-10-31T12:00:00.000Z', 'registrar', 1],
    ['2026-11-02T06:10:00.000Z', 'registrar', 1],
    ['2026-11-02T13:45:00.000Z', 'senior', 2],
    ['2026-11-05T08:00:00.000Z', 'registrar', 3],
    ['2026-11-05T09:00:00.000Z', 'registrar', 1],
    ['2026-11-18T15:30:00.000Z', 'senior', 1],
    // Late evening in UTC: already the next day in Moscow (run with TZ=Europe/Moscow to see it counted there).
    ['2026-11-18T22:30:00.000Z', 'registrar', 2],
    ['2026-12-01T10:00:00.000Z', 'senior', 1]
  ]
  plan.forEach(([at, login, copies], i) => insert.run(uuidv7(), patients[i].id, at, by(login), ws, copies))
}

/**
 * The demo hands its requests over on the day they came in. Four more, registered on Monday 9 November, are handed
 * over the way the desk does it (print, record the issuance) 0, 1, 3 and 8 days later; the last one after its due date.
 */
async function handOverLater(t: DemoCore) {
  const p = await knownPatient(t)
  const requests = []
  for (let i = 0; i < 4; i++) requests.push(await readyRequest(t, p.patientId))
  const after = [0, 1, 3, 8]
  for (const [i, request] of requests.entries()) {
    t.clock.set(`2026-11-${String(9 + after[i]).padStart(2, '0')}T11:00:00+03:00`)
    const token = (await t.call('auth.signIn', { login: 'registrar', password: 'demo1234' })).token
    const job = await t.call('print.extract', { requestId: request.id }, token)
    await t.call(
      'issuance.record',
      {
        jobId: job.jobId,
        recipientKind: 'self',
        recipientName: p.fullName,
        recipientDocument: 'паспорт',
        copies: 1
      },
      token
    )
  }
  t.clock.set('2026-11-20T09:00:00+03:00')
  return (await t.call('auth.signIn', { login: 'auditor', password: 'demo1234' })).token
}

function medianOf(values: number[]): number | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

describe('reports', () => {
  it('counts issuances per local day and per registrar exactly as the journal holds them', async () => {
    const t = await demoCore(40)
    await seedIssuances(t)
    // One hand-over the way the desk makes it: print, then record the issuance.
    const p = await knownPatient(t)
    const request = await readyRequest(t, p.patientId)
    const job = await t.call('print.extract', { requestId: request.id }, t.tokens.registrar)
    await t.call(
      'issuance.record',
      {
        jobId: job.jobId,
        recipientKind: 'self',
        recipientName: p.fullName,
        recipientDocument: 'паспорт',
        copies: 2
      },
      t.tokens.registrar
    )

    const report = await t.call('reports.issuances', PERIOD, t.tokens.senior)
    const sqlite = (await t.core.deps()).store.sqlite
    const rows = sqlite
      .prepare(
        `SELECT i.printed_at AS at, i.copies, u.full_name AS name FROM issuances i JOIN users u ON u.id = i.printed_by`
      )
      .all() as { at: string; copies: number; name: string }[]
    const inPeriod = rows.filter((r) => {
      const day = localDate(new Date(r.at))
      return day >= PERIOD.from && day <= PERIOD.to
    })
    expect(inPeriod.length).toBe(7)
    expect(report.total).toBe(inPeriod.length)
    expect(report.copies).toBe(inPeriod.reduce((s, r) => s + r.copies, 0))
    expect(report.byDay).toHaveLength(30)
    for (const day of report.byDay) {
      const those = inPeriod.filter((r) => localDate(new Date(r.at)) === day.date)
      expect(day, day.date).toEqual({
        date: day.date,
        count: those.length,
        copies: those.reduce((s, r) => s + r.copies, 0)
      })
    }
    const names = [...new Set(inPeriod.map((r) => r.name))]
    expect(report.byRegistrar.map((r) => r.name).sort()).toEqual(names.sort())
    for (const r of report.byRegistrar)
      expect(r.count).toBe(inPeriod.filter((row) => row.name === r.name).length)
  })

  it('counts requests by status, the overdue ones and the median time to issue as the store holds them', async () => {
    const t = await demoCore(200, '2026-11-09T09:00:00+03:00')
    const auditor = await handOverLater(t)
    const deps = await t.core.deps()
    const sqlite = deps.store.sqlite
    const report = await t.call('reports.requests', PERIOD, auditor)
    const registered = sqlite
      .prepare(
        `SELECT status, due_date AS due FROM extract_requests WHERE registered_on >= ? AND registered_on <= ?`
      )
      .all(PERIOD.from, PERIOD.to) as { status: string; due: string }[]
    expect(registered.length).toBeGreaterThan(10)
    expect(report.total).toBe(registered.length)
    for (const s of report.byStatus)
      expect(s.count, s.key).toBe(registered.filter((r) => r.status === s.key).length)
    const today = localDate(t.clock.now())
    const overdue = registered.filter((r) => OPEN.includes(r.status) && r.due < today)
    expect(report.overdue).toBe(overdue.length)
    expect(report.overdueList).toHaveLength(overdue.length)

    const issued = sqlite
      .prepare(
        `SELECT r.registered_on AS reg, r.due_date AS due, h.at FROM request_status_history h
           JOIN extract_requests r ON r.id = h.request_id WHERE h.to_status = 'issued' AND r.status = 'issued'`
      )
      .all() as { reg: string; due: string; at: string }[]
    const within = issued
      .map((r) => ({ ...r, on: localDate(new Date(r.at)) }))
      .filter((r) => r.on >= PERIOD.from && r.on <= PERIOD.to)
    expect(within.length).toBeGreaterThan(4)
    expect(within.filter((r) => r.on > r.due)).toHaveLength(1)
    expect(report.issued).toBe(within.length)
    expect(report.issuedLate).toBe(within.filter((r) => r.on > r.due).length)
    const days = within.map((r) => (Date.parse(r.on) - Date.parse(r.reg)) / 86_400_000)
    expect(days).toEqual(expect.arrayContaining([0, 1, 3, 8]))
    expect(report.medianDaysToIssue).toBe(medianOf(days))
    expect(report.medianBusinessDaysToIssue).toBe(
      medianOf(within.map((r) => deps.calendar.businessDaysBetween(r.reg, r.on)))
    )
  })

  it('counts complaints by status, kind, region and organisation as the store holds them', async () => {
    const t = await demoCore(400)
    const sqlite = (await t.core.deps()).store.sqlite
    const report = await t.call('reports.complaints', PERIOD, t.tokens.admin)
    const rows = sqlite
      .prepare(
        `SELECT c.status, c.kind, c.due_date AS due, rg.name AS region, o.short_name AS org FROM complaints c
           LEFT JOIN ref_regions rg ON rg.code = c.region_code LEFT JOIN organisations o ON o.id = c.organisation_id
          WHERE c.registered_on BETWEEN ? AND ?`
      )
      .all(PERIOD.from, PERIOD.to) as {
      status: string
      kind: string
      due: string
      region: string
      org: string
    }[]
    expect(rows.length).toBeGreaterThan(3)
    expect(report.total).toBe(rows.length)
    const today = localDate(t.clock.now())
    expect(report.overdue).toBe(
      rows.filter((r) => ['registered', 'forwarded', 'in_review'].includes(r.status) && r.due < today).length
    )
    const tally = (pick: (r: (typeof rows)[number]) => string) => {
      const m = new Map<string, number>()
      for (const r of rows) m.set(pick(r), (m.get(pick(r)) ?? 0) + 1)
      return m
    }
    for (const s of report.byStatus) expect(s.count, s.key).toBe(tally((r) => r.status).get(s.key) ?? 0)
    for (const k of report.byKind) expect(k.count, k.key).toBe(tally((r) => r.kind).get(k.key) ?? 0)
    expect(new Map(report.byRegion.map((r) => [r.label, r.count]))).toEqual(tally((r) => r.region))
    expect(new Map(report.byOrganisation.map((r) => [r.label, r.count]))).toEqual(tally((r) => r.org))
  })

  it('is for the senior registrar, the auditor and the administrator, over a real period of at most a year', async () => {
    const t = await demoCore(10)
    expect((await t.fail('reports.issuances', PERIOD, t.tokens.registrar)).code).toBe('FORBIDDEN')
    expect(
      (
        await t.fail(
          'reports.export',
          { kind: 'complaints', format: 'csv', period: PERIOD },
          t.tokens.registrar
        )
      ).code
    ).toBe('FORBIDDEN')
    for (const token of [t.tokens.senior, t.tokens.auditor, t.tokens.admin])
      expect((await t.call('reports.complaints', PERIOD, token)).from).toBe(PERIOD.from)
    const backwards = await t.fail(
      'reports.requests',
      { from: '2026-11-30', to: '2026-11-01' },
      t.tokens.senior
    )
    expect(backwards).toMatchObject({ code: 'VALIDATION' })
    expect(backwards.message).toMatch(/Начало периода позже/)
    const long = await t.fail('reports.requests', { from: '2024-01-01', to: '2026-11-01' }, t.tokens.senior)
    expect(long.message).toMatch(/не длиннее 366 дней/)
  })
})
