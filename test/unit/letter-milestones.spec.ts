import { describe, expect, it } from 'vitest'

import { missingMilestones, type TimelineEntry } from '../../hooks/caseEvents/letterMilestones'

const e = (at: string, type: string, data: Record<string, unknown>): TimelineEntry => ({ at, type, data })

describe('Art. 7 note, Art. 6.3: a delay notice and a hearing report sent are recorded once per letter', () => {
  const events = [
    e('2026-02-10T09:00:00.000Z', 'letter_issued', {
      purpose: 'delay_notice',
      letter: 'd1',
      message: 'm1',
      channel: 'email',
    }),
    // The outbox names the message it delivered: the entry names the letter issued with it.
    e('2026-02-10T09:01:00.000Z', 'letter_sent', { purpose: 'delay_notice', message: 'm1' }),
    // Decision 16: a corrected notice is the same notice, stated again.
    e('2026-02-11T09:00:00.000Z', 'letter_issued', {
      purpose: 'delay_notice',
      letter: 'd2',
      message: 'm2',
      channel: 'email',
      correction: true,
    }),
    e('2026-02-11T09:01:00.000Z', 'letter_sent', { purpose: 'delay_notice', message: 'm2' }),
    // A hearing report by post, its posting date corrected later (Decision 17): one letter.
    e('2026-02-12T09:00:00.000Z', 'letter_issued', {
      purpose: 'hearing_report',
      letter: 'h1',
      message: null,
      channel: 'post',
    }),
    e('2026-02-13T09:00:00.000Z', 'letter_sent', { purpose: 'hearing_report', letter: 'h1', channel: 'post' }),
    e('2026-02-14T09:00:00.000Z', 'letter_sent', { purpose: 'hearing_report', letter: 'h1', channel: 'post' }),
    // A second delay notice (a new date): a new notice.
    e('2026-02-20T09:00:00.000Z', 'letter_issued', {
      purpose: 'delay_notice',
      letter: 'd3',
      message: 'm3',
      channel: 'email',
    }),
    e('2026-02-20T09:01:00.000Z', 'letter_sent', { purpose: 'delay_notice', message: 'm3' }),
    // Other letters make no such entry.
    e('2026-02-21T09:01:00.000Z', 'letter_sent', { purpose: 'decision', message: 'm4' }),
  ]

  it('finds each letter at its first sending, not corrections nor a second posting', () => {
    expect(missingMilestones(events)).toEqual([
      { type: 'delay_notice_sent', letter: 'd1', at: '2026-02-10T09:01:00.000Z' },
      { type: 'hearing_recorded', letter: 'h1', at: '2026-02-13T09:00:00.000Z' },
      { type: 'delay_notice_sent', letter: 'd3', at: '2026-02-20T09:01:00.000Z' },
    ])
  })

  it('finds nothing a second time: what the timeline has is not missing', () => {
    const written = missingMilestones(events).map((m) => e(m.at, m.type, { letter: m.letter }))
    expect(missingMilestones([...events, ...written])).toEqual([])
  })
})
