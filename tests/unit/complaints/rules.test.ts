import { describe, expect, it } from 'vitest'
import {
  checkComplaintTransition,
  documentMatches,
  routeComplaint,
  type ComplaintStatus
} from '../../../src-main/core/complaints/rules'

const claim = {
  patientIds: ['p1', 'p1-old'],
  documentKindCode: 'protocol-lab',
  organisationId: 'org-a',
  visitDate: '2026-10-10'
}
const doc = { patientId: 'p1', kindCode: 'protocol-lab', organisationId: 'org-a', date: '2026-10-10' }

describe('a document answering a missing-document complaint', () => {
  it('matches exactly and within the tolerance, including a merged duplicate card', () => {
    expect(documentMatches(claim, doc)).toBe(true)
    expect(documentMatches(claim, { ...doc, date: '2026-10-17' })).toBe(true)
    expect(documentMatches(claim, { ...doc, date: '2026-10-03' })).toBe(true)
    expect(documentMatches(claim, { ...doc, patientId: 'p1-old' })).toBe(true)
  })

  it('does not match outside the tolerance, another kind, another organisation or another patient', () => {
    expect(documentMatches(claim, { ...doc, date: '2026-10-18' })).toBe(false)
    expect(documentMatches(claim, { ...doc, kindCode: 'protocol-consultation' })).toBe(false)
    expect(documentMatches(claim, { ...doc, organisationId: 'org-b' })).toBe(false)
    expect(documentMatches(claim, { ...doc, patientId: 'p2' })).toBe(false)
    expect(documentMatches(claim, { ...doc, date: '2026-10-12' }, 1)).toBe(false)
  })
})

describe('routing a complaint', () => {
  const facts = {
    regionHasPortalData: true,
    organisationIsOurs: true,
    organisationName: 'ГП № 240',
    regionName: 'г. Москва'
  }
  it('goes electronically where the portal has the region and the document is ours', () => {
    expect(routeComplaint(facts)).toEqual({ route: 'electronic', addressee: null })
  })
  it('goes on paper to the issuing organisation in a region without portal data or for another organisation', () => {
    expect(routeComplaint({ ...facts, regionHasPortalData: false })).toEqual({
      route: 'paper',
      addressee: 'ГП № 240'
    })
    expect(routeComplaint({ ...facts, organisationIsOurs: false })).toEqual({
      route: 'paper',
      addressee: 'ГП № 240'
    })
  })
  it('goes to the regional health authority when the organisation is unknown', () => {
    expect(
      routeComplaint({
        ...facts,
        regionHasPortalData: false,
        organisationIsOurs: false,
        organisationName: null,
        regionName: 'Донецкая Народная Республика'
      })
    ).toEqual({
      route: 'paper',
      addressee: 'Орган управления здравоохранением: Донецкая Народная Республика'
    })
  })
})

describe('complaint lifecycle', () => {
  const allowed = new Set([
    'registered>forwarded',
    'registered>resolved',
    'registered>rejected',
    'forwarded>in_review',
    'forwarded>resolved',
    'forwarded>rejected',
    'in_review>resolved',
    'in_review>rejected'
  ])
  const all: ComplaintStatus[] = ['registered', 'forwarded', 'in_review', 'resolved', 'rejected']
  for (const from of all)
    for (const to of all) {
      it(`${allowed.has(`${from}>${to}`) ? 'allows' : 'forbids'} ${from} → ${to}`, () => {
        expect(checkComplaintTransition(from, to).ok).toBe(allowed.has(`${from}>${to}`))
      })
    }
})
