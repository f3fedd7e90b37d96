import { describe, expect, it } from 'vitest'
import { RequestStatus } from '../../../src-main/contract/schemas'
import { checkReopen, checkTransition, laterState } from '../../../src-main/core/requests/status-machine'

const allowed = new Set([
  'accepted>processing',
  'accepted>refused',
  'accepted>cancelled',
  'processing>approved',
  'processing>refused',
  'processing>cancelled',
  'approved>ready',
  'approved>refused',
  'approved>cancelled',
  'ready>issued',
  'ready>cancelled'
])

describe('extract request status machine', () => {
  const statuses = RequestStatus.options
  for (const from of statuses) {
    for (const to of statuses) {
      const key = `${from}>${to}`
      it(`${allowed.has(key) ? 'allows' : 'forbids'} ${key}`, () => {
        const result = checkTransition(from, to, to === 'refused' ? 'no_records' : undefined)
        expect(result.ok).toBe(allowed.has(key))
        if (!result.ok) expect(result.message).toMatch(/«/)
      })
    }
  }

  it('needs a coded reason for a refusal and no reason otherwise', () => {
    expect(checkTransition('accepted', 'refused')).toEqual({
      ok: false,
      message: 'Для отказа выберите причину'
    })
    expect(checkTransition('accepted', 'processing', 'technical').ok).toBe(false)
  })

  it('reopens only backwards, never into a final status', () => {
    expect(checkReopen('issued', 'ready').ok).toBe(true)
    expect(checkReopen('refused', 'processing').ok).toBe(true)
    expect(checkReopen('processing', 'accepted').ok).toBe(true)
    expect(checkReopen('accepted', 'processing').ok).toBe(false)
    expect(checkReopen('ready', 'ready').ok).toBe(false)
    expect(checkReopen('ready', 'cancelled').ok).toBe(false)
  })

  it('converges on the maximum (epoch, rank)', () => {
    expect(laterState({ epoch: 0, status: 'issued' }, { epoch: 0, status: 'ready' }).status).toBe('issued')
    expect(laterState({ epoch: 0, status: 'issued' }, { epoch: 1, status: 'processing' }).status).toBe(
      'processing'
    )
  })
})
