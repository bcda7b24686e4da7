import { describe, expect, it } from 'vitest'

import { computeDeadlines } from '../../hooks/complaints/deadlines'
import { type CaseFacts, foldCaseEvents, type ReportEvent } from '../../hooks/reports/caseFacts'
import { computeReport, median, monthsOf, percentile } from '../../hooks/reports/computeReport'
import { parsePeriod, presets, previousQuarter, quarter } from '../../hooks/reports/periods'

/**
 * Art. 9 and Decision 18: the report's numbers for cases built to hit every edge, against numbers
 * worked out by hand below. Q1 2026 runs 1 January to 31 March; summer time starts 29 March.
 */
type Step = [at: string, type: string, data: Record<string, unknown>]

function timeline(receivedAt: string, steps: Step[], weeks = 4, extra: Record<string, unknown> = {}): ReportEvent[] {
  const due = computeDeadlines(new Date(receivedAt), 'calendar', weeks)
  const received: ReportEvent = {
    type: 'received',
    at: receivedAt,
    data: {
      receivedAt,
      channel: 'web',
      role: 'client',
      clientOrganisation: 'uwv',
      categories: ['inadequate_action'],
      due: {
        acknowledge: due.acknowledgeBy,
        nonAdmissionNotice: due.nonAdmissionNoticeBy,
        decisionTarget: due.decisionTargetBy,
        decisionLimit: due.decisionLimitBy,
      },
      ...extra,
    },
  }
  return [received, ...steps.map(([at, type, data]): ReportEvent => ({ type, at, data }))]
}

const issued = (purpose: string, letter = `${purpose}-1`, correction?: boolean) =>
  correction
    ? { purpose, letter, channel: 'email', message: null, correction }
    : { purpose, letter, channel: 'email', message: null }
const sent = (purpose: string, letter = `${purpose}-1`) => ({ purpose, letter, channel: 'email' })
const status = (from: string, to: string) => ({ from, to })

/** Acknowledged on day 2 with the default 4-week term, then decided `outcome` on `decidedAt`. */
function decidedCase(receivedAt: string, decidedAt: string, outcome = 'upheld'): ReportEvent[] {
  const ack = new Date(Date.parse(receivedAt) + 2 * 86_400_000).toISOString()
  return timeline(receivedAt, [
    [ack, 'status_changed', status('received', 'acknowledged')],
    [ack, 'letter_issued', issued('acknowledgement')],
    [ack, 'letter_sent', sent('acknowledgement')],
    [decidedAt, 'decision_recorded', { outcome, remedy: outcome === 'upheld' ? 'full' : null }],
    [decidedAt, 'status_changed', status('acknowledged', 'decided')],
    [decidedAt, 'letter_issued', issued('decision')],
    [decidedAt, 'letter_sent', sent('decision')],
  ])
}

const ASOF = '2026-06-30T10:00:00.000Z'
const Q1 = quarter(2026, 1)

// Each case, with what it must count as (worked out by hand):
const CASES: Record<string, ReportEvent[]> = {
  // 1 January 00:30 Amsterdam is 31 December 23:30 UTC: inside Q1. Ended on day 42 (12 February): on time.
  firstDay: decidedCase('2025-12-31T23:30:00.000Z', '2026-02-12T10:00:00.000Z'),
  // 31 March 23:30 summer time is 21:30 UTC: still inside Q1. Ended day 43 (13 May): late for both terms.
  lastDay: decidedCase('2026-03-31T21:30:00.000Z', '2026-05-13T10:00:00.000Z', 'not_upheld'),
  // 1 April 00:30 summer time is 31 March 22:30 UTC: outside Q1 although the UTC date is 31 March.
  afterPeriod: decidedCase('2026-03-31T22:30:00.000Z', '2026-04-10T10:00:00.000Z'),
  // Not admitted, notice sent on day 29: late (Art. 7: 4 weeks).
  notAdmittedLate: timeline('2026-01-10T09:00:00.000Z', [
    ['2026-02-08T09:00:00.000Z', 'status_changed', status('received', 'not_admitted')],
    ['2026-02-08T09:00:00.000Z', 'letter_issued', issued('non_admission_notice')],
    ['2026-02-08T09:00:00.000Z', 'letter_sent', sent('non_admission_notice')],
  ]),
  // Not admitted, notice sent on day 28 at 23:59 Amsterdam (22:59 UTC, winter): on time.
  notAdmittedOnTime: timeline('2026-01-12T09:00:00.000Z', [
    ['2026-02-09T22:59:00.000Z', 'status_changed', status('received', 'not_admitted')],
    ['2026-02-09T22:59:00.000Z', 'letter_issued', issued('non_admission_notice')],
    ['2026-02-09T22:59:00.000Z', 'letter_sent', sent('non_admission_notice')],
  ]),
  // A stated term of 3 weeks (set in the acknowledgement's save), a delay notice moves the target to 5 weeks;
  // decided on day 30: not within the stated term (Decision 18: the delay does not move it), within 6 weeks.
  statedThreeWeeks: timeline('2026-02-02T09:00:00.000Z', [
    ['2026-02-03T09:00:00.000Z', 'status_changed', status('received', 'acknowledged')],
    ['2026-02-03T09:00:00.000Z', 'letter_issued', issued('acknowledgement')],
    [
      '2026-02-03T09:00:00.000Z',
      'deadline_changed',
      { clock: 'decisionTarget', from: '2026-03-02T22:59:59.999Z', to: '2026-02-23T22:59:59.999Z' },
    ],
    ['2026-02-04T09:00:00.000Z', 'letter_sent', sent('acknowledgement')],
    ['2026-02-20T09:00:00.000Z', 'letter_issued', issued('delay_notice')],
    [
      '2026-02-20T09:00:00.000Z',
      'deadline_changed',
      { clock: 'decisionTarget', from: '2026-02-23T22:59:59.999Z', to: '2026-03-09T22:59:59.999Z' },
    ],
    ['2026-02-20T09:00:00.000Z', 'delay_notice_sent', {}],
    ['2026-03-04T09:00:00.000Z', 'status_changed', status('acknowledged', 'decided')],
    ['2026-03-04T09:00:00.000Z', 'decision_recorded', { outcome: 'upheld', remedy: 'partial' }],
    ['2026-03-04T09:00:00.000Z', 'letter_issued', issued('decision')],
    ['2026-03-04T09:00:00.000Z', 'letter_sent', sent('decision')],
  ]),
  // Withdrawn on day 10 (its confirmation sent by post two days later): admitted (Decision 9), ended day 12.
  withdrawn: timeline(
    '2026-02-16T09:00:00.000Z',
    [
      ['2026-02-17T09:00:00.000Z', 'status_changed', status('received', 'acknowledged')],
      ['2026-02-17T09:00:00.000Z', 'letter_issued', issued('acknowledgement')],
      ['2026-02-17T09:00:00.000Z', 'letter_sent', sent('acknowledgement')],
      ['2026-02-26T09:00:00.000Z', 'status_changed', status('acknowledged', 'withdrawn')],
      ['2026-02-26T09:00:00.000Z', 'letter_issued', issued('withdrawal_confirmation')],
      ['2026-02-28T09:00:00.000Z', 'letter_sent', sent('withdrawal_confirmation')],
    ],
    4,
    { channel: 'letter', role: 'employer', clientOrganisation: null },
  ),
  // Informal settlement without a letter: ended at its status change, day 3; reclassified to two categories.
  informal: timeline('2026-03-02T09:00:00.000Z', [
    ['2026-03-03T09:00:00.000Z', 'classified', { categories: ['inadequate_action', 'incorrect_information'] }],
    ['2026-03-05T09:00:00.000Z', 'status_changed', status('received', 'resolved_informally')],
  ]),
  // Still open at asOf, acknowledged late (day 6), a hearing whose report was sent, and a travel-cost request.
  open: timeline('2026-03-20T09:00:00.000Z', [
    ['2026-03-26T09:00:00.000Z', 'status_changed', status('received', 'acknowledged')],
    ['2026-03-26T09:00:00.000Z', 'letter_issued', issued('acknowledgement')],
    ['2026-03-26T09:00:00.000Z', 'letter_sent', sent('acknowledgement')],
    ['2026-04-02T09:00:00.000Z', 'travel_costs_requested', {}],
    ['2026-04-03T09:00:00.000Z', 'letter_issued', issued('hearing_report')],
    ['2026-04-03T09:00:00.000Z', 'letter_sent', sent('hearing_report')],
    // Decision 16: a correction's letter is a second copy of the same hearing, not a second hearing.
    ['2026-04-04T09:00:00.000Z', 'letter_issued', issued('hearing_report', 'hearing_report-2', true)],
    ['2026-04-04T09:00:00.000Z', 'letter_sent', sent('hearing_report', 'hearing_report-2')],
    // After asOf: does not count (Decision 18).
    ['2026-07-01T09:00:00.000Z', 'status_changed', status('acknowledged', 'decided')],
  ]),
}

const factsAsOf = (asOf: string) =>
  Object.entries(CASES)
    .map(([id, events]) => foldCaseEvents(id, events, asOf))
    .filter((f): f is CaseFacts => f !== null)
const facts = factsAsOf(ASOF)

describe('Art. 9 report over a quarter (Decision 18)', () => {
  const report = computeReport(facts, Q1, ASOF)

  it('counts by the Amsterdam date of receipt, first and last day included across the change to summer time', () => {
    // firstDay, lastDay, notAdmittedLate, notAdmittedOnTime, statedThreeWeeks, withdrawn, informal, open; not afterPeriod.
    expect(report.total).toBe(8)
    expect(report.byMonth).toEqual([
      { month: '2026-01', total: 3, notAdmitted: 2, admitted: 1, ended: 3 },
      { month: '2026-02', total: 2, notAdmitted: 0, admitted: 2, ended: 2 },
      { month: '2026-03', total: 3, notAdmitted: 0, admitted: 3, ended: 2 },
    ])
  })

  it('Art. 9: the five numbers', () => {
    expect(report.notAdmitted).toBe(2)
    expect(report.notAdmittedOnTime).toBe(1)
    expect(report.admitted).toBe(6)
    // Stated term: firstDay (day 42 > 4 weeks: no), lastDay (no), statedThreeWeeks (day 30 > 3 weeks: no),
    // withdrawn (day 12: yes), informal (day 3: yes), open (not ended: no).
    expect(report.admittedOnTimeStated).toBe(2)
    // Six weeks: firstDay (day 42: yes), lastDay (day 43: no), statedThreeWeeks (yes), withdrawn, informal (yes).
    expect(report.admittedOnTimeLimit).toBe(4)
  })

  it('open at asOf, lead times, acknowledgements and the activities', () => {
    expect(report.open).toBe(1)
    // The open case's 4-week target (17 April) has passed at 30 June.
    expect(report.openOverdue).toBe(1)
    expect(report.ended).toBe(7)
    // Lead days: 42, 43, 29, 28, 30, 12, 3 → sorted 3, 12, 28, 29, 30, 42, 43.
    expect(report.leadTimeDays).toEqual({ median: 29, p90: 43 })
    // Acknowledged: firstDay, lastDay (day 2), statedThreeWeeks (day 2), withdrawn (day 1), open (day 6: late).
    expect(report.acknowledged).toBe(5)
    expect(report.acknowledgedOnTime).toBe(4)
    expect(report.delayNotices).toBe(1)
    expect(report.casesWithDelayNotice).toBe(1)
    expect(report.hearings).toBe(1)
    expect(report.informalSettlements).toBe(1)
    expect(report.withdrawals).toBe(1)
    expect(report.travelCostRequests).toBe(1)
  })

  it('breaks down by category (a case in each of its categories), role, opdrachtgever, channel and outcome', () => {
    expect(report.byCategory).toEqual({ inadequate_action: 8, incorrect_information: 1 })
    expect(report.byRole).toEqual({ client: 7, employer: 1 })
    expect(report.byClientOrganisation).toEqual({ uwv: 7, unknown: 1 })
    expect(report.byChannel).toEqual({ web: 7, letter: 1 })
    expect(report.byOutcome).toEqual({
      upheld: 2,
      not_upheld: 1,
      not_admitted: 2,
      withdrawn: 1,
      resolved_informally: 1,
      open: 1,
    })
  })

  it('Decision 18: a case counts as it stood at asOf', () => {
    const early = computeReport(factsAsOf('2026-02-27T12:00:00.000Z'), Q1, '2026-02-27T12:00:00.000Z')
    // At 27 February the withdrawal's confirmation was not yet sent: withdrawn but not ended, so open.
    const withdrawn = foldCaseEvents('withdrawn', CASES.withdrawn ?? [], '2026-02-27T12:00:00.000Z')
    expect(withdrawn?.ending).toBe('withdrawn')
    expect(withdrawn?.endedAt).toBeNull()
    // Received by 27 February: firstDay, both not admitted, statedThreeWeeks, withdrawn (5).
    expect(early.total).toBe(5)
    expect(early.open).toBe(2)
    expect(early.byOutcome.open).toBe(2)
  })
})

describe('the fold over timelines written before the report (Art. 9, Decision 18)', () => {
  it('Art. 9: a registration without its moment and due dates counts through its received_backfilled entry', () => {
    const [received, ...rest] = decidedCase('2026-02-10T09:00:00.000Z', '2026-03-10T09:00:00.000Z')
    const full = received?.data as Record<string, unknown>
    const { receivedAt: _r, due: _d, ...legacy } = full
    // The old entry alone: nothing to count (no date of receipt, no due dates).
    expect(
      foldCaseEvents('old', [{ ...received, type: 'received', at: received?.at ?? '', data: legacy }, ...rest], ASOF),
    ).toBeNull()
    // With the derived entry at the same moment, before or after the old one: the same facts as today's timeline.
    const backfilled: ReportEvent = { type: 'received_backfilled', at: received?.at ?? '', data: full }
    const today = foldCaseEvents('c', [received as ReportEvent, ...rest], ASOF)
    const oldThenNew = foldCaseEvents(
      'c',
      [{ ...backfilled, type: 'received', data: legacy }, backfilled, ...rest],
      ASOF,
    )
    const newThenOld = foldCaseEvents(
      'c',
      [backfilled, { ...backfilled, type: 'received', data: legacy }, ...rest],
      ASOF,
    )
    expect(today?.endedAt).toBe('2026-03-10T09:00:00.000Z')
    expect(oldThenNew).toEqual(today)
    expect(newThenOld).toEqual(today)
  })

  it('Decision 18: a hearing counts once, also when its posting date was corrected or its report corrected by e-mail', () => {
    const events = timeline('2026-02-02T09:00:00.000Z', [
      [
        '2026-02-10T09:00:00.000Z',
        'letter_issued',
        { purpose: 'hearing_report', channel: 'post', letter: 'r1', message: null },
      ],
      ['2026-02-11T09:00:00.000Z', 'letter_sent', { purpose: 'hearing_report', letter: 'r1', channel: 'post' }],
      // Decision 17: the posting date corrected records the same letter's sending again.
      ['2026-02-12T09:00:00.000Z', 'letter_sent', { purpose: 'hearing_report', letter: 'r1', channel: 'post' }],
      // Decision 16: a corrected report by e-mail; the outbox names only the message it delivered.
      [
        '2026-02-13T09:00:00.000Z',
        'letter_issued',
        { purpose: 'hearing_report', channel: 'email', letter: 'r2', message: 'm2', correction: true },
      ],
      ['2026-02-13T09:05:00.000Z', 'letter_sent', { purpose: 'hearing_report', message: 'm2' }],
      // A second hearing, its report by e-mail: counts.
      [
        '2026-02-20T09:00:00.000Z',
        'letter_issued',
        { purpose: 'hearing_report', channel: 'email', letter: 'r3', message: 'm3' },
      ],
      ['2026-02-20T09:05:00.000Z', 'letter_sent', { purpose: 'hearing_report', message: 'm3' }],
    ])
    expect(foldCaseEvents('c', events, ASOF)?.hearings).toBe(2)
  })

  it('Decision 12, 17: a posted letter was sent on its posting date as corrected, the latest correction winning', () => {
    // Received 12 January: the notice of non-admission is due by 9 February (Art. 7: 4 weeks).
    const posted = (at: string): Step => [
      at,
      'letter_sent',
      { purpose: 'non_admission_notice', letter: 'n1', channel: 'post' },
    ]
    const corrected = (at: string, from: string, to: string): Step => [
      at,
      'posting_date_corrected',
      { letter: 'n1', purpose: 'non_admission_notice', from, to },
    ]
    const notice: Step[] = [
      ['2026-02-08T09:00:00.000Z', 'status_changed', status('received', 'not_admitted')],
      [
        '2026-02-08T09:00:00.000Z',
        'letter_issued',
        { purpose: 'non_admission_notice', channel: 'post', letter: 'n1', message: null },
      ],
    ]
    const day27 = '2026-02-08T12:00:00.000Z'
    const day30 = '2026-02-11T12:00:00.000Z'
    const day29 = '2026-02-10T12:00:00.000Z'
    // Each posting date entered writes a sending at that date (recordPosting); the correction is recorded later.
    const postedOnce = timeline('2026-01-12T09:00:00.000Z', [...notice, posted(day27)])
    const movedLater = timeline('2026-01-12T09:00:00.000Z', [
      ...notice,
      posted(day27),
      posted(day30),
      corrected('2026-02-12T09:00:00.000Z', day27, day30),
    ])
    const movedTwice = timeline('2026-01-12T09:00:00.000Z', [
      ...notice,
      posted(day27),
      posted(day29),
      posted(day30),
      corrected('2026-02-12T09:00:00.000Z', day27, day30),
      corrected('2026-02-13T09:00:00.000Z', day30, day29),
    ])
    const fold = (events: ReportEvent[], asOf = ASOF) => {
      const facts = foldCaseEvents('n', events, asOf)
      return [facts?.nonAdmissionNoticeSentAt, facts?.endedAt]
    }
    expect(fold(postedOnce)).toEqual([day27, day27])
    expect(fold(movedLater)).toEqual([day30, day30])
    expect(fold(movedTwice)).toEqual([day29, day29])
    // Art. 7: on time as first entered, late once corrected to day 30.
    const onTime = (events: ReportEvent[]) =>
      computeReport(
        [foldCaseEvents('n', events, ASOF)].filter((f): f is CaseFacts => f !== null),
        Q1,
        ASOF,
      ).notAdmittedOnTime
    expect([onTime(postedOnce), onTime(movedLater), onTime(movedTwice)]).toEqual([1, 0, 0])
    // Decision 18: as of a moment before the correction was recorded, the date entered then counts.
    expect(fold(movedLater, '2026-02-11T18:00:00.000Z')).toEqual([day27, day27])
  })
})

describe('periods (Art. 9: at least every quarter)', () => {
  it('quarters and the one before a date', () => {
    expect(quarter(2028, 1)).toEqual({ from: '2028-01-01', to: '2028-03-31' })
    expect(quarter(2026, 2)).toEqual({ from: '2026-04-01', to: '2026-06-30' })
    // 1 January 00:30 Amsterdam is still 31 December in UTC: the quarter before is Q4 of the old year.
    expect(previousQuarter('2026-12-31T23:30:00.000Z')).toMatchObject({ year: 2026, quarter: 4 })
    expect(previousQuarter('2026-04-01T00:00:00.000Z')).toMatchObject({ year: 2026, quarter: 1 })
    expect(presets('2026-05-01T00:00:00Z', 1).map((p) => p.key)).toEqual([
      '2026',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ])
  })

  it.each([
    ['2026-01-01', '2026-03-31', true],
    ['2026-02-30', '2026-03-31', false],
    ['2026-04-01', '2026-03-31', false],
    ['01-01-2026', '2026-03-31', false],
    [undefined, '2026-03-31', false],
  ])('parsePeriod(%s, %s) accepted: %s', (from, to, ok) => {
    expect(parsePeriod(from, to).ok).toBe(ok)
  })

  it('months of a period, a year boundary included', () => {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
  })

  it('median and nearest-rank percentile', () => {
    expect(median([])).toBeNull()
    expect(median([1, 2, 3, 10])).toBe(2.5)
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9)
    expect(percentile([5], 90)).toBe(5)
  })
})
