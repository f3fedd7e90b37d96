// The auditor's screen: reached from the keyboard, the chain check in plain words, filters, and exports an
// inspector can check on their own.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { AuditPage } from './pages/audit-page'
import type { PatientSummary } from './seed'
import { snap } from './screenshots'
import { openDatabaseFile } from '../../src-main/core/db/cipher'
import { dataFolderKey } from '../../src-main/core/db/key-file'

test('the auditor filters the journal, sees the chain is whole, and exports CSV and JSON', async ({
  page,
  demo,
  signIn
}) => {
  const registrar = await demo.signIn('registrar')
  const found = await demo.api<PatientSummary[]>('patients.search', { query: 'ова' }, registrar)
  const [patient, other] = found
  await demo.api('patients.get', { id: patient.id }, registrar)
  await demo.api('patients.get', { id: other.id }, registrar)

  await signIn.as(demo, 'auditor')
  await page.keyboard.press('Alt+KeyA')
  const audit = new AuditPage(page)
  await expect(audit.chainOk).toContainText('Цепочка журнала цела')
  await expect(audit.rows.first()).toBeVisible()

  await audit.action.selectOption({ label: 'Просмотр карты' })
  await audit.patient.fill(patient.fullName)
  await audit.patient.press('Enter')
  await expect(audit.rows).toHaveCount(1)
  await expect(audit.rows.first()).toContainText('Просмотр карты')
  await expect(audit.rows.first()).toContainText(patient.fullName)
  await expect(audit.total).toContainText('из 1')

  await audit.user.selectOption({ label: 'Смирнова Ольга Викторовна' })
  await expect(audit.rows).toHaveCount(1)
  await snap(page, '80-audit-journal')

  const csvDownload = page.waitForEvent('download')
  await page.keyboard.press('Alt+KeyX')
  const csv = readFileSync((await (await csvDownload).path())!, 'utf8')
  expect(csv.replace(/^\ufeff/, '').split('\r\n')[0]).toMatch(/^№;Время \(UTC\);Пользователь;/)
  expect(csv).toContain(patient.fullName)
  await expect(audit.exported).toContainText('Выгружено событий: 1')

  // The whole journal as JSON: recomputed here from the rule the file states, without the app's code.
  await audit.patient.fill('')
  await audit.action.selectOption({ value: '' })
  await audit.user.selectOption({ value: '' })
  await audit.patient.press('Enter')
  const jsonDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: /Выгрузить JSON/ }).click()
  const doc = JSON.parse(readFileSync((await (await jsonDownload).path())!, 'utf8')) as {
    genesisHash: string
    verification: { ok: boolean }
    events: Record<string, unknown>[]
  }
  expect(doc.verification.ok).toBe(true)
  let prev = doc.genesisHash
  for (const e of doc.events) {
    const fields = [
      e.id,
      e.at,
      e.userId,
      e.workstationId,
      e.action,
      e.entity,
      e.entityId,
      e.patientId,
      e.details
    ]
    const hash = createHash('sha256')
      .update(`${String(e.prevHash)}\n${JSON.stringify(fields)}`)
      .digest('hex')
    expect(e.prevHash).toBe(prev)
    expect(hash).toBe(e.hash)
    prev = hash
  }
  expect(doc.events.some((e) => e.action === 'patient.read')).toBe(true)
})

test('a registrar has no journal link and the core refuses them the journal', async ({
  page,
  demo,
  signIn
}) => {
  await signIn.as(demo, 'registrar')
  await expect(page.getByRole('link', { name: /Журнал аудита/ })).toHaveCount(0)
  const token = await demo.signIn('registrar')
  const refused = await demo.call('audit.search', { filter: {} }, token)
  expect(refused.error?.code).toBe('FORBIDDEN')
})

test('an event edited in the file shows as a broken chain, with where it breaks', async ({
  page,
  demo,
  signIn
}) => {
  // Tampering the way an intruder with the file and its key would: straight SQL past the append-only triggers.
  const db = openDatabaseFile(join(demo.dataDir, 'registrar.db'), { key: dataFolderKey(demo.dataDir)() })
  try {
    db.exec('DROP TRIGGER audit_events_no_update')
    db.exec(`UPDATE audit_events SET details = '{"forged":true}' WHERE seq = 2`)
  } finally {
    db.close()
  }
  await signIn.as(demo, 'auditor')
  await page.keyboard.press('Alt+KeyA')
  const audit = new AuditPage(page)
  await expect(audit.chainBroken).toContainText('Цепочка журнала нарушена')
  await expect(audit.chainBroken).toContainText('Событие №2 изменено после записи')
  await expect(audit.chainOk).toHaveCount(0)
})
