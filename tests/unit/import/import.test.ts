import { describe, expect, it } from 'vitest'
import type { ImportFile } from '../../../src-main/core/import/format'
import { documentRow, importFile, patientRow, requestRow, visitRow } from './fixtures'
import { importCore, lastOutboxSeq, outboxSince, tableCounts } from './support'

/** Twenty patients with their visits, documents and requests, and exactly five bad rows. */
function fileWithFiveBadRows(): ImportFile {
  const file = importFile(20)
  const patients = file.patients as Record<string, unknown>[]
  const visits = file.visits as Record<string, unknown>[]
  const documents = file.documents as Record<string, unknown>[]
  const requests = file.requests as Record<string, unknown>[]
  // The bad patient has no other rows: a row referring to it would be a sixth error, and rightly so.
  const snils = String(patients[19].snils)
  patients[19].snils = snils.slice(0, 9) + String((Number(snils.slice(9)) + 1) % 100).padStart(2, '0')
  visits[19].patient = { sourceId: 'P19' }
  visits[16].diagnosisCode = 'J99.9'
  documents[1].kindCode = 'xray-film'
  documents[4].organisation = { id: 'no-such-clinic' }
  requests[3].periodFrom = '2026-02-01'
  return file
}

describe('import of a МИС file', () => {
  it('names exactly the five bad rows, and the dry run writes nothing but predicts the real run', async () => {
    const t = await importCore()
    const before = tableCounts(t.deps)
    const dry = await t.run(fileWithFiveBadRows(), { dryRun: true })
    expect(tableCounts(t.deps)).toEqual(before)
    expect(dry.errors.map((e) => e.text)).toEqual([
      'Пациент №20 (МИС id P20): СНИЛС: неверное контрольное число — сверьте цифры с документом',
      'Посещение №17 (МИС id V17): Диагноз (МКБ-10): код «J99.9» не найден в справочнике МКБ-10',
      'Документ №2 (МИС id D2): Вид документа: «xray-film» не найден в справочнике видов документов',
      'Документ №5 (МИС id D5): Организация: id «no-such-clinic» не найдена в справочнике организаций',
      'Заявление №4 (МИС id R4): Начало периода позже его конца'
    ])
    expect(dry.errorsTotal).toBe(5)
    expect(dry.totals).toEqual({ new: 50, updated: 0, unchanged: 0, rejected: 5 })

    const real = await t.run(fileWithFiveBadRows())
    expect(real.sections).toEqual(dry.sections)
    expect(real.errors).toEqual(dry.errors)
    const after = tableCounts(t.deps)
    expect(after.patients - before.patients).toBe(19)
    expect(after.visits - before.visits).toBe(19)
    expect(after.medical_documents - before.medical_documents).toBe(8)
    expect(after.document_signatures - before.document_signatures).toBe(8)
    expect(after.extract_requests - before.extract_requests).toBe(4)
    // One outbox row per record, plus each request's first status; one audit event for the whole import.
    expect(after.outbox - before.outbox).toBe(19 + 19 + 8 + 4 + 4)
    expect(after.audit_events - before.audit_events).toBe(1)
    const audit = t.deps.store.sqlite
      .prepare("SELECT action, details FROM audit_events WHERE action = 'import.run'")
      .get() as { action: string; details: string }
    expect(JSON.parse(audit.details)).toMatchObject({
      sourceSystem: 'mis-test',
      outcome: 'done',
      totals: { new: 50, rejected: 5 },
      errors: 5
    })
  })

  it('changes nothing when the same file comes again: no new rows, no outbox rows', async () => {
    const t = await importCore()
    await t.run(fileWithFiveBadRows())
    const before = tableCounts(t.deps)
    const again = await t.run(fileWithFiveBadRows(), { batchSize: 3 })
    expect(again.totals).toEqual({ new: 0, updated: 0, unchanged: 50, rejected: 5 })
    const after = tableCounts(t.deps)
    expect({ ...after, audit_events: before.audit_events }).toEqual(before)
    expect(after.audit_events).toBe(before.audit_events + 1)
  })

  it('updates a changed record in place and sends only what changed', async () => {
    const t = await importCore()
    const file = importFile(6)
    await t.run(file)
    const seq = lastOutboxSeq(t.deps)
    const changed = importFile(6)
    ;(changed.patients as Record<string, unknown>[])[0].phone = '+7 999 123-45-67'
    ;(changed.visits as Record<string, unknown>[])[1].diagnosisCode = 'J20.9'
    const doc = (changed.documents as Record<string, unknown>[])[0] as {
      signatures: Record<string, unknown>[]
    }
    doc.signatures[0].certificateSerial = '01DAFFFF'
    ;(changed.requests as Record<string, unknown>[])[0].status = 'processing'
    const report = await t.run(changed)
    expect(report.sections.patients).toEqual({ new: 0, updated: 1, unchanged: 5, rejected: 0 })
    expect(report.sections.visits).toEqual({ new: 0, updated: 1, unchanged: 5, rejected: 0 })
    expect(report.sections.documents).toEqual({ new: 0, updated: 1, unchanged: 2, rejected: 0 })
    expect(report.sections.requests).toEqual({ new: 0, updated: 1, unchanged: 1, rejected: 0 })
    const ops = outboxSince(t.deps, seq).map((o) => ({
      entity: o.entity,
      op: o.op,
      fields: JSON.parse(o.fields)
    }))
    expect(ops.map((o) => `${o.entity}:${o.op}`)).toEqual([
      'patient:update',
      'visit:update',
      'medical_document:update',
      'extract_request:update',
      'request_status:insert'
    ])
    expect(ops[0].fields).toEqual({ phone: '+7 999 123-45-67' })
    expect(ops[1].fields).toMatchObject({ diagnosisCode: 'J20.9', diagnosisText: expect.any(String) })
    expect(Object.keys(ops[2].fields)).toEqual(['signatures'])
    expect(ops[3].fields).toEqual({ status: 'processing', statusEpoch: 0, refusalReason: null })
    const serials = t.deps.store.sqlite
      .prepare(
        `SELECT s.certificate_serial AS serial FROM document_signatures s
         JOIN medical_documents d ON d.id = s.document_id WHERE d.source_id = 'mis-test:D1'`
      )
      .all()
    expect(serials).toEqual([{ serial: '01DAFFFF' }])
  })

  it('stops between batches when cancelled, leaving whole batches only', async () => {
    const t = await importCore()
    const controller = new AbortController()
    let batches = 0
    const report = await t.run(importFile(30, { visits: [], documents: [], requests: [] }), {
      batchSize: 7,
      signal: controller.signal,
      onProgress: () => {
        if (++batches === 2) controller.abort()
      }
    })
    expect(report.outcome).toBe('cancelled')
    expect(report.rowsDone).toBe(14)
    expect(report.sections.patients.new).toBe(14)
    const imported = t.deps.store.sqlite
      .prepare("SELECT count(*) AS n FROM patients WHERE source_id LIKE 'mis-test:%'")
      .get() as { n: number }
    expect(imported.n).toBe(14)
    const ops = t.deps.store.sqlite
      .prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'patient'")
      .get() as { n: number }
    expect(ops.n).toBe(14)
    const resumed = await t.run(importFile(30, { visits: [], documents: [], requests: [] }))
    expect(resumed.sections.patients).toEqual({ new: 16, updated: 0, unchanged: 14, rejected: 0 })
  })

  it('ties a МИС patient to the card the desk already has for that СНИЛС instead of making a twin', async () => {
    const t = await importCore()
    const card = t.deps.store.sqlite
      .prepare('SELECT id, snils, enp, last_name, first_name, sex, birth_date FROM patients LIMIT 1')
      .get() as Record<string, string>
    const row = {
      ...patientRow(1),
      snils: card.snils,
      enp: card.enp,
      lastName: card.last_name,
      firstName: card.first_name,
      sex: card.sex,
      birthDate: card.birth_date
    }
    const file = importFile(0, {
      patients: [row],
      visits: [visitRow(1)],
      requests: [{ ...requestRow(1), patient: { enp: card.enp } }]
    })
    const first = await t.run(file)
    expect(first.sections.patients).toEqual({ new: 0, updated: 1, unchanged: 0, rejected: 0 })
    const linked = t.deps.store.sqlite.prepare('SELECT source_id FROM patients WHERE id = ?').get(card.id)
    expect(linked).toEqual({ source_id: 'mis-test:P1' })
    const visit = t.deps.store.sqlite
      .prepare("SELECT patient_id FROM visits WHERE source_id = 'mis-test:V1'")
      .get()
    expect(visit).toEqual({ patient_id: card.id })
    expect((await t.run(file)).totals).toEqual({ new: 0, updated: 0, unchanged: 3, rejected: 0 })
  })

  it('finds in a dry run the same conflicts across batches that the real run finds in the store', async () => {
    const t = await importCore()
    const [one, two] = t.deps.store.sqlite.prepare('SELECT snils, enp FROM patients LIMIT 2').all() as {
      snils: string
      enp: string
    }[]
    const only = (i: number, ids: Record<string, string | null>) => {
      const { snils: _s, enp: _e, ...row } = patientRow(i)
      return { ...row, ...ids }
    }
    const file = importFile(0, {
      patients: [
        only(1, { snils: one.snils }),
        only(2, { enp: one.enp }),
        // Row 3 clears the second card's ЕНП, so row 4, with that ЕНП, is somebody else: a new card.
        only(3, { snils: two.snils, enp: null }),
        only(4, { enp: two.enp })
      ],
      requests: [requestRow(1), { ...requestRow(3), number: requestRow(1).number }]
    })
    ;(file.requests as Record<string, unknown>[])[0].patient = { sourceId: 'P1' }
    ;(file.requests as Record<string, unknown>[])[1].patient = { sourceId: 'P3' }
    const dry = await t.run(file, { dryRun: true, batchSize: 1 })
    const real = await t.run(file, { batchSize: 1 })
    expect(dry.errors.map((e) => e.text)).toEqual([
      'Пациент №2 (МИС id P2): Карта с этим ЕНП уже сопоставлена пациенту №1 этого файла',
      'Заявление №2 (МИС id R3): Номер: заявление № В-2026-900001 уже есть в строке заявления №1 этого файла'
    ])
    expect(dry.sections.patients).toEqual({ new: 1, updated: 2, unchanged: 0, rejected: 1 })
    expect(real.errors).toEqual(dry.errors)
    expect(real.sections).toEqual(dry.sections)
  })

  it('reports an arriving document that answers an open missing-document complaint', async () => {
    const t = await importCore()
    const patient = t.deps.store.sqlite.prepare('SELECT id, snils FROM patients LIMIT 1').get() as {
      id: string
      snils: string
    }
    const complaint = await t.call(
      'complaints.fileMissing',
      {
        patientId: patient.id,
        documentKindCode: 'protocol-consultation',
        visitDate: '2026-03-12',
        regionCode: '77',
        organisationId: 'msk-gp-240'
      },
      t.tokens.registrar
    )
    const arriving = { ...documentRow(1), patient: { snils: patient.snils }, visitSourceId: undefined }
    delete arriving.visitSourceId
    const other = { ...documentRow(2), patient: { snils: patient.snils }, kindCode: 'protocol-lab' }
    delete (other as Record<string, unknown>).visitSourceId
    const report = await t.run(importFile(0, { documents: [arriving, other] }))
    expect(report.sections.documents.new).toBe(2)
    expect(report.answeredComplaints).toEqual([
      expect.objectContaining({
        complaintId: complaint.id,
        complaintNumber: complaint.number,
        documentSourceId: 'D1',
        documentPosition: 1
      })
    ])
    const seen = await t.call('complaints.get', { id: complaint.id }, t.tokens.registrar)
    expect(seen.matches.map((m) => m.documentId)).toEqual([report.answeredComplaints[0].documentId])
  })
})
