import { describe, expect, it } from 'vitest'

import { planLegalHold } from '../../hooks/privacy/legalHold'
import { openDueAt, planInspectionRequests } from '../../hooks/privacy/inspection'
import { addCalendarMonth, inspectionDueAt } from '../../hooks/privacy/inspectionDue'

/** AVG art. 12(3) with art. 15: a request for inspection is answered within one calendar month of receipt. */
describe('AVG art. 15: one calendar month after receipt, on the calendar of Amsterdam', () => {
  it.each([
    ['2026-03-14', '2026-04-14'],
    ['2027-01-31', '2027-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2028-01-29', '2028-02-29'],
    ['2026-03-31', '2026-04-30'],
    ['2026-05-31', '2026-06-30'],
    ['2026-08-31', '2026-09-30'],
    ['2026-12-31', '2027-01-31'],
    ['2026-12-15', '2027-01-15'],
  ])('received %s: answered by %s', (received, due) => {
    expect(addCalendarMonth(received)).toBe(due)
  })

  it.each([
    // 23:30 on 31 January in Amsterdam (22:30 UTC): still 31 January locally.
    ['2027-01-31T22:30:00.000Z', '2027-02-28T22:59:59.999Z'],
    // Just after midnight local time on 1 February (23:10 UTC on 31 January): counts from 1 February.
    ['2027-01-31T23:10:00.000Z', '2027-03-01T22:59:59.999Z'],
    // Received in winter time, due in summer time (DST starts 29 March 2026): the end of the local day, UTC+2.
    ['2026-03-10T09:00:00.000Z', '2026-04-10T21:59:59.999Z'],
    // Received in summer time, due in winter time (DST ends 25 October 2026): UTC+1.
    ['2026-10-10T09:00:00.000Z', '2026-11-10T22:59:59.999Z'],
    // Due on the day the clocks go back: that day has 25 hours, and ends at 23:00 UTC.
    ['2026-09-25T12:00:00.000Z', '2026-10-25T22:59:59.999Z'],
  ])('received at %s: due at %s', (receivedAt, due) => {
    expect(inspectionDueAt(receivedAt)).toBe(due)
  })
})

describe('AVG art. 15: what a save makes of the requests', () => {
  const provided = {
    id: 'r1',
    receivedAt: '2026-11-02T11:00:00.000Z',
    dueAt: 'x',
    providedAt: '2026-11-20T10:00:00.000Z',
  }

  it('computes the due date, keeps the stored answer, ignores a forged one, and records new requests', () => {
    const plan = planInspectionRequests(
      [provided],
      [
        { ...provided, providedAt: null, dueAt: '2030-01-01T00:00:00.000Z' },
        {
          id: 'r2',
          receivedAt: '2026-12-01T11:00:00.000Z',
          dueAt: '2030-01-01T00:00:00.000Z',
          providedAt: '2026-12-01T12:00:00.000Z',
        },
      ],
    )
    expect(plan.errors).toEqual([])
    expect(plan.rows.map((r) => [r.dueAt, r.providedAt])).toEqual([
      ['2026-12-02T22:59:59.999Z', provided.providedAt],
      ['2027-01-01T22:59:59.999Z', null],
    ])
    expect(plan.requested).toEqual(['2027-01-01T22:59:59.999Z'])
    expect(plan.openDueAt).toBe('2027-01-01T22:59:59.999Z')
  })

  it('a request stays in the dossier; an answered one keeps its date of receipt', () => {
    expect(planInspectionRequests([provided], []).errors.map((e) => e.path)).toEqual(['inspectionRequests'])
    const moved = planInspectionRequests([provided], [{ ...provided, receivedAt: '2026-11-01T11:00:00.000Z' }])
    expect(moved.errors.map((e) => e.path)).toEqual(['inspectionRequests.0.receivedAt'])
  })

  it('the earliest open due date; none when all are answered', () => {
    expect(openDueAt([provided])).toBeNull()
    expect(
      openDueAt([
        { dueAt: '2027-02-01T22:59:59.999Z' },
        { dueAt: '2027-01-05T22:59:59.999Z' },
        { dueAt: '2026-12-01T22:59:59.999Z', providedAt: '2026-11-30T10:00:00.000Z' },
      ]),
    ).toBe('2027-01-05T22:59:59.999Z')
  })
})

describe('Decision 19: the legal hold, planned', () => {
  const manager = { id: 'm1', isManager: true, isHandler: false }
  const handler = { id: 'h1', isManager: false, isHandler: true }
  const now = new Date('2026-12-02T10:00:00.000Z')
  const on = {
    legalHold: true,
    legalHoldReason: 'Rechtszaak',
    legalHoldSince: '2026-11-01T10:00:00.000Z',
    legalHoldBy: 'm0',
  }

  it('a manager sets it with a reason: since and by are the portal’s, whatever the request says', () => {
    const plan = planLegalHold({
      before: null,
      incoming: {
        legalHold: true,
        legalHoldReason: ' Rechtszaak ',
        legalHoldSince: '2020-01-01T00:00:00.000Z',
        legalHoldBy: 'x',
      },
      person: manager,
      now,
    })
    expect(plan).toEqual({
      hold: { legalHold: true, legalHoldReason: 'Rechtszaak', legalHoldSince: now.toISOString(), legalHoldBy: 'm1' },
      event: 'legal_hold_set',
      errors: [],
    })
  })

  it('without a reason, refused at the reason; by anyone but a manager, refused', () => {
    expect(
      planLegalHold({ before: null, incoming: { legalHold: true }, person: manager, now }).errors.map((e) => e.path),
    ).toEqual(['privacy.legalHoldReason'])
    for (const person of [handler, null])
      expect(
        planLegalHold({ before: null, incoming: { legalHold: true, legalHoldReason: 'R' }, person, now }).errors.map(
          (e) => e.path,
        ),
      ).toEqual(['privacy.legalHold'])
  })

  it('lifting clears since, by and the reason; a save that leaves it keeps since and by as stored', () => {
    expect(planLegalHold({ before: on, incoming: { legalHold: false }, person: manager, now })).toEqual({
      hold: { legalHold: false, legalHoldReason: null, legalHoldSince: null, legalHoldBy: null },
      event: 'legal_hold_lifted',
      errors: [],
    })
    const kept = planLegalHold({
      before: on,
      incoming: { ...on, legalHoldSince: now.toISOString() },
      person: handler,
      now,
    })
    expect(kept).toEqual({ hold: on, event: null, errors: [] })
  })
})
