import { describe, expect, it } from 'vitest'
import { demoCore } from '../support/core'

async function childWithParent(t: Awaited<ReturnType<typeof demoCore>>) {
  const token = t.tokens.registrar
  const child = await t.call(
    'patients.create',
    { draft: { lastName: 'Зайцева', firstName: 'Алиса', sex: 'F', birthDate: '2016-05-01' } },
    token
  )
  const parent = await t.call(
    'representatives.add',
    { patientId: child.id, fullName: 'Зайцева Мария Андреевна', relation: 'parent' },
    token
  )
  return { child, parent }
}

const request = {
  kind: 'full',
  periodFrom: '2025-01-01',
  periodTo: '2026-11-20',
  purpose: 'для школы',
  delivery: 'in_person'
} as const

describe('extract requests', () => {
  it('takes a request for a child through a parent and refuses the child applying alone', async () => {
    const t = await demoCore(10)
    const { child, parent } = await childWithParent(t)
    const self = await t.fail(
      'requests.create',
      { ...request, patientId: child.id, applicantKind: 'self', channel: 'in_person' },
      t.tokens.registrar
    )
    expect(self).toEqual({ code: 'NO_AUTHORITY', message: expect.stringContaining('до 15 лет') })
    const r = await t.call(
      'requests.create',
      {
        ...request,
        patientId: child.id,
        applicantKind: 'representative',
        representativeId: parent.id,
        channel: 'in_person'
      },
      t.tokens.registrar
    )
    expect(r.status).toBe('accepted')
    expect(r.number).toMatch(/^В-2026-01-\d{6}$/)
    expect(r.representativeName).toBe('Зайцева Мария Андреевна')
  })

  it('refuses a request through an expired power of attorney', async () => {
    const t = await demoCore(10)
    const token = t.tokens.registrar
    const adult = await t.call(
      'patients.create',
      { draft: { lastName: 'Орлов', firstName: 'Игорь', sex: 'M', birthDate: '1950-02-02' } },
      token
    )
    const proxy = await t.call(
      'representatives.add',
      {
        patientId: adult.id,
        fullName: 'Орлова Нина Петровна',
        relation: 'proxy',
        poaNumber: '77 АА 1234567',
        poaDate: '2024-01-10',
        poaValidUntil: '2025-01-10'
      },
      token
    )
    expect(proxy.authority.ok).toBe(false)
    const error = await t.fail(
      'requests.create',
      {
        ...request,
        patientId: adult.id,
        applicantKind: 'representative',
        representativeId: proxy.id,
        channel: 'in_person'
      },
      token
    )
    expect(error).toEqual({
      code: 'NO_AUTHORITY',
      message: 'Срок доверенности № 77 АА 1234567 истёк 10.01.2025'
    })
  })

  it('counts the due date in business days: portal 3, in person 5, urgent 1', async () => {
    // Friday 2026-11-20 → Wed 25 (3), Fri 27 (5), Mon 23 (1).
    const t = await demoCore(10)
    const token = t.tokens.registrar
    const p = await t.call(
      'patients.create',
      { draft: { lastName: 'Лебедев', firstName: 'Олег', sex: 'M', birthDate: '1960-03-03' } },
      token
    )
    const base = { ...request, patientId: p.id, applicantKind: 'self' } as const
    expect((await t.call('requests.create', { ...base, channel: 'portal_qr' }, token)).dueDate).toBe(
      '2026-11-25'
    )
    expect((await t.call('requests.create', { ...base, channel: 'in_person' }, token)).dueDate).toBe(
      '2026-11-27'
    )
    expect(
      (await t.call('requests.create', { ...base, channel: 'in_person', urgent: true }, token)).dueDate
    ).toBe('2026-11-23')
  })

  it('crosses the New Year holidays when counting', async () => {
    const t = await demoCore(10, '2025-12-30T10:00:00+03:00')
    const token = t.tokens.registrar
    const p = await t.call(
      'patients.create',
      { draft: { lastName: 'Новиков', firstName: 'Пётр', sex: 'M', birthDate: '1970-01-01' } },
      token
    )
    const r = await t.call(
      'requests.create',
      { ...request, periodTo: '2025-12-30', patientId: p.id, applicantKind: 'self', channel: 'portal_qr' },
      token
    )
    // 31 Dec 2025 (moved from 5 Jan) and 1–11 Jan 2026 are days off: 30 Dec + 3 business days = 14 Jan.
    expect(r.dueDate).toBe('2026-01-14')
    expect(r.number).toMatch(/^В-2025-01-/)
  })

  it('moves forward through every status, refuses to go back, and lets only a senior registrar reopen', async () => {
    const t = await demoCore(10)
    const token = t.tokens.registrar
    const p = await t.call(
      'patients.create',
      { draft: { lastName: 'Гусев', firstName: 'Иван', sex: 'M', birthDate: '1980-08-08' } },
      token
    )
    let r = await t.call(
      'requests.create',
      { ...request, patientId: p.id, applicantKind: 'self', channel: 'in_person' },
      token
    )
    for (const to of ['processing', 'approved', 'ready'] as const) {
      r = await t.call('requests.transition', { id: r.id, to }, token)
      expect(r.status).toBe(to)
    }
    // «Выдано» only through the issuance step, which journals who received the extract.
    expect((await t.fail('requests.transition', { id: r.id, to: 'issued' }, token)).message).toMatch(/Выдать/)
    const job = await t.call('print.extract', { requestId: r.id }, token)
    await t.call(
      'issuance.record',
      {
        jobId: job.jobId,
        recipientKind: 'self',
        recipientName: 'Гусев Иван',
        recipientDocument: 'паспорт 4509 123456',
        copies: 1
      },
      token
    )
    r = await t.call('requests.get', { id: r.id }, token)
    expect(r.status).toBe('issued')
    expect(r.allowedNext).toEqual([])
    const back = await t.fail('requests.transition', { id: r.id, to: 'ready' }, token)
    expect(back.code).toBe('INVALID_TRANSITION')
    expect(back.message).toMatch(/только старший регистратор/)
    expect(
      (await t.fail('requests.reopen', { id: r.id, to: 'ready', reason: 'выдали не тот период' }, token)).code
    ).toBe('FORBIDDEN')
    r = await t.call(
      'requests.reopen',
      { id: r.id, to: 'ready', reason: 'выдали не тот период' },
      t.tokens.senior
    )
    expect(r.status).toBe('ready')
    expect(r.statusEpoch).toBe(1)
    expect(r.history.map((h) => h.toStatus)).toEqual([
      'accepted',
      'processing',
      'approved',
      'ready',
      'issued',
      'ready'
    ])
    const trail = await t.call('audit.forPatient', { patientId: p.id }, t.tokens.senior)
    const reopen = trail.find((e) => e.action === 'request.reopen')
    expect(reopen?.userName).toBe('Кузнецова Татьяна Николаевна')
    expect(reopen?.details).toMatchObject({ reason: 'выдали не тот период', from: 'issued', to: 'ready' })
  })

  it('needs a refusal reason from the coded list', async () => {
    const t = await demoCore(10)
    const token = t.tokens.registrar
    const p = await t.call(
      'patients.create',
      { draft: { lastName: 'Титов', firstName: 'Юрий', sex: 'M', birthDate: '1981-01-01' } },
      token
    )
    const r = await t.call(
      'requests.create',
      { ...request, patientId: p.id, applicantKind: 'self', channel: 'in_person' },
      token
    )
    expect((await t.fail('requests.transition', { id: r.id, to: 'refused' }, token)).message).toBe(
      'Для отказа выберите причину'
    )
    expect(
      (await t.fail('requests.transition', { id: r.id, to: 'refused', reason: 'because' as never }, token))
        .code
    ).toBe('VALIDATION')
    const refused = await t.call(
      'requests.transition',
      { id: r.id, to: 'refused', reason: 'no_consent' },
      token
    )
    expect(refused.refusalReason).toBe('no_consent')
  })

  it('lists open requests by due date with their urgency, and finds a request by its number', async () => {
    const t = await demoCore(200)
    const queue = await t.call('requests.queue', {}, t.tokens.registrar)
    expect(queue.length).toBeGreaterThan(3)
    expect(queue.map((q) => q.dueDate)).toEqual([...queue.map((q) => q.dueDate)].sort())
    expect(new Set(queue.map((q) => q.status))).not.toContain('issued')
    // A short page is exactly the first open requests by due date and number, as the store itself orders them.
    const { store } = await t.core.deps()
    const firstFive = store.sqlite
      .prepare(
        `SELECT number FROM extract_requests WHERE status IN ('accepted', 'processing', 'approved', 'ready')
          ORDER BY due_date, number LIMIT 5`
      )
      .pluck()
      .all()
    const page = await t.call('requests.queue', { limit: 5 }, t.tokens.registrar)
    expect(page.map((q) => q.number)).toEqual(firstFive)
    for (const q of queue) {
      const expected =
        q.dueDate < '2026-11-20'
          ? 'overdue'
          : q.dueDate === '2026-11-20'
            ? 'today'
            : q.businessDaysLeft <= 2
              ? 'soon'
              : 'later'
      expect(q.urgency).toBe(expected)
    }
    const byNumber = await t.call(
      'patients.search',
      { query: queue[0].number.toLowerCase() },
      t.tokens.registrar
    )
    expect(byNumber).toEqual([
      expect.objectContaining({
        id: queue[0].patientId,
        matchedBy: 'request',
        requestId: queue[0].id,
        requestNumber: queue[0].number
      })
    ])
  })
})
