import { describe, expect, it } from 'vitest'
import { capitalised, initials, ruDate, ruRecordedTime } from '../../../src-main/core/print/format'
import { pngSize } from '../../../src-main/core/print/receipt-pdf'
import { whatToBring } from '../../../src-main/core/print/receipt-pdf'

describe('how things read on paper', () => {
  it('shortens a person’s name next to a signature and leaves anything else alone', () => {
    expect(initials('Смирнова Ольга Викторовна')).toBe('Смирнова О. В.')
    expect(initials('Римский-Корсаков Николай Андреевич')).toBe('Римский-Корсаков Н. А.')
    expect(initials('Ким Ирина')).toBe('Ким И.')
    expect(initials('Потапова А. Д.')).toBe('Потапова А. Д.')
    expect(initials('ГП № 240 ДЗМ')).toBe('ГП № 240 ДЗМ')
  })

  it('writes dates the Russian way, and recorded times as they were recorded', () => {
    expect(ruDate('2026-11-20')).toBe('20.11.2026')
    expect(ruDate(null)).toBe('—')
    expect(ruRecordedTime('2026-06-20T15:42:00+03:00')).toBe('20.06.2026 15:42')
    expect(capitalised('врач-терапевт')).toBe('Врач-терапевт')
  })

  it('tells the collector what to bring', () => {
    expect(whatToBring({ name: 'А', relation: null, poaNumber: null })[0]).toContain('личность пациента')
    expect(whatToBring({ name: 'А', relation: 'parent', poaNumber: null })).toContain(
      'Свидетельство о рождении ребёнка'
    )
    expect(whatToBring({ name: 'А', relation: 'proxy', poaNumber: '77 АА 1' })).toContain(
      'Доверенность № 77 АА 1 (оригинал)'
    )
  })

  it('reads a PNG’s size from its header', () => {
    const header = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAWgAAAB4CAAAAAA', 'base64')
    expect(pngSize(`data:image/png;base64,${header.toString('base64')}`)).toEqual({ width: 360, height: 120 })
    expect(pngSize('data:image/png;base64,R0lGODlh')).toBeNull()
  })
})
