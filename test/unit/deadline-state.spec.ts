import { describe, expect, it } from 'vitest'

import { computeDeadlines, type Deadlines } from '../../hooks/complaints/deadlines'
import {
  clockState,
  deadlineOutcomes,
  delayNoticeNeeded,
  nextDeadline,
  type CaseLetters,
  type Clock,
  type DeadlineOutcomes,
} from '../../hooks/complaints/workflow/deadlineState'
import type { Status } from '../../hooks/complaints/workflow/statuses'
import type { Ending } from '../../hooks/complaints/workflow/transitions'

/**
 * A complaint received Wednesday 11 March 2026, due dates written by hand as the end of the local day
 * in Amsterdam: 16 March (CET, UTC+1), 8 April and 22 April (CEST, UTC+2).
 */
const D: Deadlines = {
  acknowledgeBy: '2026-03-16T22:59:59.999Z',
  nonAdmissionNoticeBy: '2026-04-08T21:59:59.999Z',
  decisionTargetBy: '2026-04-08T21:59:59.999Z',
  decisionLimitBy: '2026-04-22T21:59:59.999Z',
}
/** The same complaint with a stated term of five weeks (Art. 7 note): target 15 April. */
const D5: Deadlines = { ...D, decisionTargetBy: '2026-04-15T21:59:59.999Z' }
/** The same complaint with a stated term of six weeks: the target is the limit. */
const D6: Deadlines = { ...D, decisionTargetBy: D.decisionLimitBy }

describe('the hand-written fixture agrees with computeDeadlines', () => {
  it.each([
    [4, D],
    [5, D5],
    [6, D6],
  ] as const)('stated term %i weeks', (weeks, expected) => {
    expect(computeDeadlines(new Date('2026-03-11T09:00:00Z'), 'calendar', weeks)).toEqual(expected)
  })
})

describe('Due soon: 2 days before the acknowledgement (Art. 5), 7 days before any other due date (Art. 7)', () => {
  it.each([
    // clock, due, now, state — the boundaries are local midnights in Amsterdam
    ['acknowledge', D.acknowledgeBy, '2026-03-11T09:00:00.000Z', 'on_time'],
    ['acknowledge', D.acknowledgeBy, '2026-03-13T22:59:59.999Z', 'on_time'],
    ['acknowledge', D.acknowledgeBy, '2026-03-13T23:00:00.000Z', 'due_soon'],
    ['acknowledge', D.acknowledgeBy, '2026-03-16T22:59:59.999Z', 'due_soon'],
    ['acknowledge', D.acknowledgeBy, '2026-03-16T23:00:00.000Z', 'overdue'],
    // across the change to summer time: due 30 March (CEST), due soon from 28 March 00:00 (CET)
    ['acknowledge', '2026-03-30T21:59:59.999Z', '2026-03-27T22:59:59.999Z', 'on_time'],
    ['acknowledge', '2026-03-30T21:59:59.999Z', '2026-03-27T23:00:00.000Z', 'due_soon'],
    ['acknowledge', '2026-03-30T21:59:59.999Z', '2026-03-30T22:00:00.000Z', 'overdue'],
    ['nonAdmissionNotice', D.nonAdmissionNoticeBy, '2026-03-31T21:59:59.999Z', 'on_time'],
    ['nonAdmissionNotice', D.nonAdmissionNoticeBy, '2026-03-31T22:00:00.000Z', 'due_soon'],
    ['nonAdmissionNotice', D.nonAdmissionNoticeBy, '2026-04-08T22:00:00.000Z', 'overdue'],
    ['decisionTarget', D.decisionTargetBy, '2026-03-31T21:59:59.999Z', 'on_time'],
    ['decisionTarget', D.decisionTargetBy, '2026-03-31T22:00:00.000Z', 'due_soon'],
    ['decisionTarget', D.decisionTargetBy, '2026-04-08T21:59:59.999Z', 'due_soon'],
    ['decisionTarget', D.decisionTargetBy, '2026-04-08T22:00:00.000Z', 'overdue'],
    ['decisionLimit', D.decisionLimitBy, '2026-04-14T21:59:59.999Z', 'on_time'],
    ['decisionLimit', D.decisionLimitBy, '2026-04-14T22:00:00.000Z', 'due_soon'],
    ['decisionLimit', D.decisionLimitBy, '2026-04-22T21:59:59.999Z', 'due_soon'],
    ['decisionLimit', D.decisionLimitBy, '2026-04-22T22:00:00.000Z', 'overdue'],
  ] as const)('%s due %s, at %s: %s', (clock, due, now, state) => {
    expect(clockState(clock, due, new Date(now))).toBe(state)
  })
})

describe('The next deadline of a case', () => {
  const SENT = '2026-03-13T10:00:00Z'
  it.each([
    // status, acknowledgement sent, now, clock, due, state
    ['received', null, '2026-03-12T10:00:00Z', 'acknowledge', D.acknowledgeBy, 'on_time'],
    ['received', null, '2026-03-15T10:00:00Z', 'acknowledge', D.acknowledgeBy, 'due_soon'],
    ['received', null, '2026-03-17T10:00:00Z', 'acknowledge', D.acknowledgeBy, 'overdue'],
    ['received', null, '2026-04-10T10:00:00Z', 'acknowledge', D.acknowledgeBy, 'overdue'],
    ['acknowledged', null, '2026-03-16T12:00:00Z', 'acknowledge', D.acknowledgeBy, 'due_soon'],
    ['acknowledged', SENT, '2026-03-20T10:00:00Z', 'decisionTarget', D.decisionTargetBy, 'on_time'],
    ['acknowledged', SENT, '2026-04-02T10:00:00Z', 'decisionTarget', D.decisionTargetBy, 'due_soon'],
    ['acknowledged', SENT, '2026-04-08T21:59:59.999Z', 'decisionTarget', D.decisionTargetBy, 'due_soon'],
    ['acknowledged', SENT, '2026-04-08T22:00:00.000Z', 'decisionLimit', D.decisionLimitBy, 'on_time'],
    ['acknowledged', SENT, '2026-04-16T10:00:00Z', 'decisionLimit', D.decisionLimitBy, 'due_soon'],
    ['acknowledged', SENT, '2026-04-23T10:00:00Z', 'decisionLimit', D.decisionLimitBy, 'overdue'],
  ] as const)('Art. 5, 7: %s, acknowledgement sent %s, at %s → %s', (status, sent, now, clock, due, state) => {
    expect(nextDeadline({ status, deadlines: D, acknowledgementSentAt: sent }, new Date(now))).toEqual({
      clock,
      due,
      state,
    })
  })

  it('Art. 7 note: a stated term moves the target, not the limit', () => {
    expect(
      nextDeadline(
        { status: 'acknowledged', deadlines: D5, acknowledgementSentAt: SENT },
        new Date('2026-04-10T10:00:00Z'),
      ),
    ).toEqual({
      clock: 'decisionTarget',
      due: D5.decisionTargetBy,
      state: 'due_soon',
    })
  })

  it.each(['decided', 'not_admitted', 'resolved_informally', 'withdrawn', 'closed'] as const)(
    'the clocks stop: a case %s has no next deadline, even long overdue',
    (status) => {
      for (const sent of [null, SENT]) {
        expect(
          nextDeadline({ status, deadlines: D, acknowledgementSentAt: sent }, new Date('2026-05-01T10:00:00Z')),
        ).toBeNull()
      }
    },
  )
})

describe('Whether each clock was met: by the time the letter was sent, not by the status change', () => {
  const letters = (
    endedAs: Ending,
    endedAt: string,
    sent: Partial<Omit<CaseLetters, 'deadlines' | 'endedAs' | 'endedAt'>>,
  ): CaseLetters => ({
    deadlines: D,
    endedAs,
    endedAt,
    acknowledgementSentAt: null,
    nonAdmissionNoticeSentAt: null,
    decisionSentAt: null,
    ...sent,
  })
  const outcome = (
    acknowledge: boolean | null,
    nonAdmissionNotice: boolean | null,
    decisionTarget: boolean | null,
    decisionLimit: boolean | null,
  ): DeadlineOutcomes => ({
    acknowledge,
    nonAdmissionNotice,
    decisionTarget,
    decisionLimit,
  })
  const ACK = '2026-03-12T10:00:00Z'

  it.each([
    [
      'Art. 5, 8: decided, every letter in time',
      letters('decided', '2026-04-01T09:00:00Z', {
        acknowledgementSentAt: ACK,
        decisionSentAt: '2026-04-01T10:00:00Z',
      }),
      outcome(true, null, true, true),
    ],
    [
      'Art. 5: the acknowledgement sent at the very due instant',
      letters('decided', '2026-04-01T09:00:00Z', {
        acknowledgementSentAt: D.acknowledgeBy,
        decisionSentAt: '2026-04-01T10:00:00Z',
      }),
      outcome(true, null, true, true),
    ],
    [
      'Art. 5: status acknowledged in time, letter sent a day late',
      letters('decided', '2026-04-01T09:00:00Z', {
        acknowledgementSentAt: '2026-03-17T08:00:00Z',
        decisionSentAt: '2026-04-01T10:00:00Z',
      }),
      outcome(false, null, true, true),
    ],
    [
      'Art. 7 note: decided before the target, letter sent after it',
      letters('decided', '2026-04-08T12:00:00Z', {
        acknowledgementSentAt: ACK,
        decisionSentAt: '2026-04-09T08:00:00Z',
      }),
      outcome(true, null, false, true),
    ],
    [
      'Art. 7 note, Decision 12: letter posted before the target, status recorded after it',
      letters('decided', '2026-04-10T09:00:00Z', {
        acknowledgementSentAt: ACK,
        decisionSentAt: '2026-04-08T15:00:00Z',
      }),
      outcome(true, null, true, true),
    ],
    [
      'Art. 7: decided, letter sent after six weeks',
      letters('decided', '2026-04-20T09:00:00Z', {
        acknowledgementSentAt: ACK,
        decisionSentAt: '2026-04-23T08:00:00Z',
      }),
      outcome(true, null, false, false),
    ],
    [
      'Art. 7: decided, letter not sent (yet)',
      letters('decided', '2026-04-01T09:00:00Z', { acknowledgementSentAt: ACK }),
      outcome(true, null, false, false),
    ],
    [
      'Art. 7, 8.5: not admitted within 5 days, without acknowledgement',
      letters('not_admitted', '2026-03-14T09:00:00Z', { nonAdmissionNoticeSentAt: '2026-03-14T10:00:00Z' }),
      outcome(null, true, null, null),
    ],
    [
      'Art. 7, 8.5: not admitted in time, notice sent after four weeks',
      letters('not_admitted', '2026-04-05T09:00:00Z', {
        acknowledgementSentAt: ACK,
        nonAdmissionNoticeSentAt: '2026-04-09T08:00:00Z',
      }),
      outcome(true, false, null, null),
    ],
    [
      'Art. 7, 8.5: not admitted after four weeks, notice posted before (Decision 12)',
      letters('not_admitted', '2026-04-10T09:00:00Z', {
        acknowledgementSentAt: ACK,
        nonAdmissionNoticeSentAt: '2026-04-08T09:00:00Z',
      }),
      outcome(true, true, null, null),
    ],
    [
      'Art. 7: not admitted, notice not sent (yet)',
      letters('not_admitted', '2026-04-05T09:00:00Z', { acknowledgementSentAt: ACK }),
      outcome(true, false, null, null),
    ],
    [
      'Art. 5: not admitted after the acknowledgement was due, none sent',
      letters('not_admitted', '2026-03-20T09:00:00Z', { nonAdmissionNoticeSentAt: '2026-03-20T10:00:00Z' }),
      outcome(false, true, null, null),
    ],
    [
      'Decision 9: withdrawn on day 2, no letters',
      letters('withdrawn', '2026-03-13T09:00:00Z', {}),
      outcome(null, null, true, true),
    ],
    [
      'Decision 9: withdrawn after the target',
      letters('withdrawn', '2026-04-15T09:00:00Z', { acknowledgementSentAt: ACK }),
      outcome(true, null, false, true),
    ],
    [
      'Art. 5 note: resolved informally in time',
      letters('resolved_informally', '2026-03-25T09:00:00Z', { acknowledgementSentAt: ACK }),
      outcome(true, null, true, true),
    ],
    [
      'Art. 5 note: resolved informally after six weeks',
      letters('resolved_informally', '2026-04-23T09:00:00Z', { acknowledgementSentAt: ACK }),
      outcome(true, null, false, false),
    ],
  ] as const)('%s', (_what, c, expected) => {
    expect(deadlineOutcomes(c)).toEqual(expected)
  })
})

describe('Art. 7 note: a delay notice must reach the complainant before the stated term lapses', () => {
  it.each([
    // status, deadlines, delay notice sent, now, needed
    ['acknowledged', D5, null, '2026-03-20T10:00:00Z', false, 'weeks before the target'],
    ['acknowledged', D5, null, '2026-04-07T21:59:59.999Z', false, 'just before 7 days before the target'],
    ['acknowledged', D5, null, '2026-04-07T22:00:00.000Z', true, 'from 7 days before the target'],
    ['acknowledged', D5, null, '2026-04-15T21:59:59.999Z', true, 'on the last moment of the target'],
    ['acknowledged', D5, null, '2026-04-16T10:00:00Z', true, 'after the target has passed'],
    ['received', D, null, '2026-04-02T10:00:00Z', true, 'the default four-week norm, not yet acknowledged'],
    ['acknowledged', D5, '2026-04-09T10:00:00Z', '2026-04-10T10:00:00Z', false, 'a delay notice was sent'],
    [
      'acknowledged',
      D6,
      null,
      '2026-04-20T10:00:00Z',
      false,
      'the target is the six-week limit, which cannot be moved',
    ],
    ['decided', D5, null, '2026-04-10T10:00:00Z', false, 'the case is decided'],
    ['withdrawn', D5, null, '2026-04-10T10:00:00Z', false, 'the case is withdrawn'],
    ['closed', D5, null, '2026-04-10T10:00:00Z', false, 'the case is closed'],
  ] as const satisfies ReadonlyArray<readonly [Status, Deadlines, string | null, string, boolean, string]>)(
    '%s, at %s: %s (%s)',
    (status, deadlines, delayNoticeSentAt, now, needed) => {
      expect(delayNoticeNeeded({ status, deadlines, delayNoticeSentAt }, new Date(now))).toBe(needed)
    },
  )
})

describe('every clock has a due-soon window', () => {
  it.each([
    ['acknowledge', 2],
    ['nonAdmissionNotice', 7],
    ['decisionTarget', 7],
    ['decisionLimit', 7],
  ] as const satisfies ReadonlyArray<readonly [Clock, number]>)('%s: due soon %i days before', (clock, days) => {
    const due = '2026-06-30T21:59:59.999Z' // end of 30 June in Amsterdam (CEST)
    const firstSoonDay = new Date(Date.UTC(2026, 5, 30 - days) - 2 * 3_600_000) // local midnight starting that day
    expect(clockState(clock, due, new Date(firstSoonDay.getTime() - 1))).toBe('on_time')
    expect(clockState(clock, due, firstSoonDay)).toBe('due_soon')
  })
})
