// The auditor's journal: filters, who sees patient names, and an export an inspector can check without the app.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { csvCell } from '../../../src-main/core/audit/audit-export'
import { demoCore } from '../support/core'

async function journalCore() {
  const t = await demoCore(10)
  const found = await t.call('patients.search', { query: 'ова' }, t.tokens.registrar)
  const patient = found[0]
  await t.call('patients.get', { id: patient.id }, t.tokens.registrar)
  await t.call('patients.get', { id: found[1].id }, t.tokens.senior)
  return { t, patient, other: found[1] }
}

/** The inspector's check, written from the rule in the export alone. */
function recompute(events: { prevHash: string; hash: string; [k: string]: unknown }[], genesis: string) {
  let prev = genesis
  const broken: number[] = []
  for (const e of events) {
    const canonical = JSON.stringify([
      e.id,
      e.at,
      e.userId,
      e.workstationId,
      e.action,
      e.entity,
      e.entityId,
      e.patientId,
      e.details
    ])
    const hash = createHash('sha256').update(`${e.prevHash}\n${canonical}`).digest('hex')
    if (hash !== e.hash || e.prevHash !== prev) broken.push(e.seq as number)
    prev = e.hash
  }
  return broken
}

describe('audit journal', () => {
  it('filters by kind of action, user, patient (id or part of ФИО) and period', async () => {
    const { t, patient } = await journalCore()
    const auditor = t.tokens.auditor
    const reads = await t.call('audit.search', { filter: { action: 'patient.read' } }, auditor)
    expect(reads.total).toBe(2)
    expect(reads.events.every((e) => e.action === 'patient.read')).toBe(true)

    const authKind = await t.call('audit.search', { filter: { action: 'auth' } }, auditor)
    expect(authKind.total).toBeGreaterThanOrEqual(4)
    expect(authKind.events.every((e) => e.action.startsWith('auth.'))).toBe(true)

    const options = await t.call('audit.filterOptions', {}, auditor)
    const registrar = options.users.find((u) => u.role === 'registrar')!
    expect(options.actions).toContain('patient.read')
    const byUser = await t.call(
      'audit.search',
      { filter: { userId: registrar.id, action: 'patient' } },
      auditor
    )
    expect(byUser.events.map((e) => e.patientId)).toEqual([patient.id])

    const byId = await t.call('audit.search', { filter: { patient: patient.id } }, auditor)
    const byName = await t.call(
      'audit.search',
      { filter: { patient: patient.fullName.split(' ')[0].toUpperCase() } },
      auditor
    )
    expect(byId.total).toBeGreaterThan(0)
    expect(byName.events.map((e) => e.seq)).toEqual(expect.arrayContaining(byId.events.map((e) => e.seq)))
    expect(byId.events[0].patientName).toBe(patient.fullName)
    // A wildcard typed into the filter is a character, not "anything".
    expect((await t.call('audit.search', { filter: { patient: '%' } }, auditor)).total).toBe(0)

    // The demo core's clock stands at 2026-11-20.
    const inPeriod = await t.call(
      'audit.search',
      { filter: { from: '2026-11-20', to: '2026-11-20' } },
      auditor
    )
    const before = await t.call('audit.search', { filter: { from: '2026-11-01', to: '2026-11-19' } }, auditor)
    expect(inPeriod.total).toBeGreaterThan(0)
    expect(before.total).toBe(0)
    const page = await t.call('audit.search', { filter: {}, limit: 3, offset: 3 }, auditor)
    expect(page.events).toHaveLength(3)
    expect(
      (await t.fail('audit.search', { filter: { from: '2026-11-21', to: '2026-11-20' } }, auditor)).code
    ).toBe('VALIDATION')
  })

  it('shows the administrator ids without ФИО, and refuses a registrar', async () => {
    const { t, patient } = await journalCore()
    const asAdmin = await t.call('audit.search', { filter: { patient: patient.id } }, t.tokens.admin)
    expect(asAdmin.events[0].patientId).toBe(patient.id)
    expect(asAdmin.events.every((e) => e.patientName === null)).toBe(true)
    expect((await t.fail('audit.search', { filter: {} }, t.tokens.registrar)).code).toBe('FORBIDDEN')
    expect((await t.fail('audit.export', { filter: {}, format: 'csv' }, t.tokens.registrar)).code).toBe(
      'FORBIDDEN'
    )
  })

  it('exports JSON whose chain an inspector recomputes, and which shows a tampered event', async () => {
    const { t } = await journalCore()
    const out = await t.call('audit.export', { filter: {}, format: 'json' }, t.tokens.auditor)
    const doc = JSON.parse(out.content)
    expect(doc.chainComplete).toBe(true)
    expect(doc.verification.ok).toBe(true)
    expect(doc.events.length).toBe(out.events)
    expect(recompute(doc.events, doc.genesisHash)).toEqual([])
    // The export is itself journalled, after its rows were read.
    const last = await t.call('audit.search', { filter: {}, limit: 1 }, t.tokens.auditor)
    expect(last.events[0].action).toBe('audit.export')

    const db = (await t.core.deps()).store.sqlite
    db.exec('DROP TRIGGER audit_events_no_update')
    db.exec('UPDATE audit_events SET details = \'{"forged":true}\' WHERE seq = 5')
    const again = JSON.parse(
      (await t.call('audit.export', { filter: {}, format: 'json' }, t.tokens.auditor)).content
    )
    expect(again.verification.ok).toBe(false)
    expect(again.verification.problems[0].seq).toBe(5)
    expect(recompute(again.events, again.genesisHash)).toEqual([5])
  })

  it('exports CSV with a header, one line per event and formulas defused', async () => {
    const { t } = await journalCore()
    const out = await t.call(
      'audit.export',
      { filter: { action: 'patient.read' }, format: 'csv' },
      t.tokens.senior
    )
    const lines = out.content
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toMatch(/^№;Время \(UTC\);Пользователь/)
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatch(/;patient\.read;patient;/)
    expect(out.fileName).toMatch(/^audit-\d{8}T\d{6}\.csv$/)
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('-1+2')).toBe("'-1+2")
    expect(csvCell('Иванов; Пётр')).toBe('"Иванов; Пётр"')
  })
})
