import { describe, expect, it } from 'vitest'

import { computeDeadlines, endOfDay, isNonWorkingDay } from '../../hooks/complaints/deadlines'

/** Local Amsterdam due dates, written by hand from a calendar (not computed by the code under test). */
const local = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'medium' }).format(
    new Date(iso),
  )

describe('Art. 5 and 7: due dates counted from the date of receipt, calendar days (Decision 1 default)', () => {
  it.each([
    // received (UTC instant)      ack (day 5)    non-admission/target (4 wk)  limit (6 wk)
    ['2026-03-11T09:00:00Z', 'a Wednesday', '2026-03-16', '2026-04-08', '2026-04-22'],
    ['2026-03-13T15:00:00Z', 'a Friday', '2026-03-18', '2026-04-10', '2026-04-24'],
    ['2026-03-14T10:00:00Z', 'a Saturday', '2026-03-19', '2026-04-11', '2026-04-25'],
    ['2026-04-24T10:00:00Z', 'the Friday before Koningsdag', '2026-04-29', '2026-05-22', '2026-06-05'],
    ['2026-12-23T10:00:00Z', 'just before Christmas', '2026-12-28', '2027-01-20', '2027-02-03'],
    [
      '2026-12-31T23:30:00Z',
      'New Year’s night (already 1 January in Amsterdam)',
      '2027-01-06',
      '2027-01-29',
      '2027-02-12',
    ],
    ['2026-03-25T12:00:00Z', 'before the change to summer time', '2026-03-30', '2026-04-22', '2026-05-06'],
    ['2026-10-20T12:00:00Z', 'before the change to winter time', '2026-10-25', '2026-11-17', '2026-12-01'],
    [
      '2026-03-27T23:30:00Z',
      'Saturday 00:30 in Amsterdam (Friday in UTC), summer time on the Sunday',
      '2026-04-02',
      '2026-04-25',
      '2026-05-09',
    ],
    [
      '2026-10-23T22:30:00Z',
      'Saturday 00:30 in Amsterdam (Friday in UTC), winter time on the Sunday',
      '2026-10-29',
      '2026-11-21',
      '2026-12-05',
    ],
  ])('received %s (%s)', (received, _label, ack, fourWeeks, sixWeeks) => {
    const d = computeDeadlines(new Date(received), 'calendar')
    expect(local(d.acknowledgeBy)).toBe(`${ack} 23:59:59`)
    expect(local(d.nonAdmissionNoticeBy)).toBe(`${fourWeeks} 23:59:59`)
    expect(local(d.decisionTargetBy)).toBe(`${fourWeeks} 23:59:59`)
    expect(local(d.decisionLimitBy)).toBe(`${sixWeeks} 23:59:59`)
  })
})

describe('Decision 1, working-day mode: weekends and Dutch public holidays do not count for the 5 days', () => {
  it.each([
    ['2026-03-11T09:00:00Z', 'a Wednesday', '2026-03-18'],
    ['2026-03-13T15:00:00Z', 'a Friday', '2026-03-20'],
    ['2026-03-14T10:00:00Z', 'a Saturday: counts from Monday', '2026-03-23'],
    ['2026-04-24T10:00:00Z', 'the Friday before Koningsdag (Monday 27 April)', '2026-05-04'],
    ['2026-12-23T10:00:00Z', 'before Christmas (25 and 26 December)', '2026-12-31'],
    ['2026-12-31T10:00:00Z', 'at year end, New Year’s Day skipped', '2027-01-08'],
    ['2026-04-02T10:00:00Z', 'before Easter (Good Friday is no public holiday, Easter Monday is)', '2026-04-10'],
  ])('received %s (%s) → acknowledgement by %s', (received, _label, ack) => {
    expect(local(computeDeadlines(new Date(received), 'working').acknowledgeBy)).toBe(`${ack} 23:59:59`)
  })

  it('Art. 7: the week terms stay weeks, so the six-week limit never moves', () => {
    const calendar = computeDeadlines(new Date('2026-12-23T10:00:00Z'), 'calendar')
    const working = computeDeadlines(new Date('2026-12-23T10:00:00Z'), 'working')
    expect(working.decisionLimitBy).toBe(calendar.decisionLimitBy)
    expect(working.nonAdmissionNoticeBy).toBe(calendar.nonAdmissionNoticeBy)
  })
})

describe('the stated term (Art. 7 note, Decision 4)', () => {
  it('sets the target within the six weeks', () => {
    expect(local(computeDeadlines(new Date('2026-03-11T09:00:00Z'), 'calendar', 5).decisionTargetBy)).toBe(
      '2026-04-15 23:59:59',
    )
  })
  it.each([0, 7])('refuses a term of %i weeks', (weeks) => {
    expect(() => computeDeadlines(new Date('2026-03-11T09:00:00Z'), 'calendar', weeks)).toThrow(RangeError)
  })
})

describe('calendar helpers', () => {
  it.each([
    ['2026-03-28', '2026-03-28T22:59:59.999Z'],
    ['2026-03-29', '2026-03-29T21:59:59.999Z'],
    ['2026-10-25', '2026-10-25T22:59:59.999Z'],
  ])('the end of %s in Amsterdam is %s', (date, instant) => {
    expect(endOfDay(date)).toBe(instant)
  })
  it.each([
    ['2026-04-27', true],
    ['2026-12-25', true],
    ['2026-03-14', true],
    ['2026-03-16', false],
  ])('%s is a non-working day: %s', (date, expected) => {
    expect(isNonWorkingDay(date)).toBe(expected)
  })
})
