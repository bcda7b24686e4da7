import { civilDateIn } from '../../dates/amsterdam'
import { addDays, type Deadlines } from '../deadlines'
import type { Status } from './statuses'
import { isOpen, type Ending } from './transitions'

/**
 * Where a case stands against the clocks of Art. 5 and 7 (DOMAIN.md, Deadlines).
 * Pure: `now` is an argument, the due dates come from `computeDeadlines` (deadlines.ts).
 */
export type Clock = 'acknowledge' | 'nonAdmissionNotice' | 'decisionTarget' | 'decisionLimit'
export type ClockState = 'on_time' | 'due_soon' | 'overdue'

export const CLOCK_DEADLINE = {
  acknowledge: 'acknowledgeBy',
  nonAdmissionNotice: 'nonAdmissionNoticeBy',
  decisionTarget: 'decisionTargetBy',
  decisionLimit: 'decisionLimitBy',
} as const satisfies Record<Clock, keyof Deadlines>

/** "Due soon": 2 days before the acknowledgement is due (it has only 5), 7 days before any other due date. */
export const DUE_SOON_DAYS = {
  acknowledge: 2,
  nonAdmissionNotice: 7,
  decisionTarget: 7,
  decisionLimit: 7,
} as const satisfies Record<Clock, number>

const at = (iso: string): number => Date.parse(iso)

/**
 * Overdue after the due instant (the end of the due day in Amsterdam). Due soon from the start of the
 * local day N days before the due day — for an acknowledgement due on the 16th, from the 14th — so
 * that a reminder sent any time that day counts the days the way the handler reads a calendar.
 */
export function clockState(clock: Clock, due: string, now: Date): ClockState {
  if (now.getTime() > at(due)) return 'overdue'
  const soonFrom = addDays(civilDateIn(new Date(due)), -DUE_SOON_DAYS[clock])
  return civilDateIn(now) >= soonFrom ? 'due_soon' : 'on_time'
}

export type NextDeadline = { clock: Clock; due: string; state: ClockState }

/**
 * The one clock a handler should look at now. Ended and closed cases have none: all clocks stop at an
 * ending. Until the acknowledgement is sent that is the acknowledgement (Art. 5), even once overdue;
 * after it the decision target (Art. 7 note), and once the target has passed the six-week limit (Art. 7).
 * The non-admission notice never shows here: its clock matters only once the case is not admitted,
 * which is an ending.
 */
export function nextDeadline(
  c: { status: Status; deadlines: Deadlines; acknowledgementSentAt: string | null },
  now: Date,
): NextDeadline | null {
  if (!isOpen(c.status)) return null
  const clock: Clock =
    c.acknowledgementSentAt === null
      ? 'acknowledge'
      : now.getTime() > at(c.deadlines.decisionTargetBy)
        ? 'decisionLimit'
        : 'decisionTarget'
  const due = c.deadlines[CLOCK_DEADLINE[clock]]
  return { clock, due, state: clockState(clock, due, now) }
}

/** The moments the letters were sent (the outbox's delivery, or the recorded posting date — Decision 12). */
export type CaseLetters = {
  deadlines: Deadlines
  /** The ending the case reached (also for a case closed since). */
  endedAs: Ending
  /** When the case reached that ending (the status change). */
  endedAt: string
  acknowledgementSentAt: string | null
  nonAdmissionNoticeSentAt: string | null
  decisionSentAt: string | null
}

/** Per clock: met, missed, or null when the clock does not apply to how the case ended. */
export type DeadlineOutcomes = Record<Clock, boolean | null>

const sentBy = (sentAt: string | null, due: string): boolean => sentAt !== null && at(sentAt) <= at(due)

/**
 * Whether each clock was met. A deadline counts as met by the time its letter was sent, not by the
 * status change (DOMAIN.md, Case workflow). A letter not sent yet counts as missed: call this again when
 * the outbox delivers it.
 *
 * - acknowledge (Art. 5): met when the acknowledgement was sent in time; null when the case ended before
 *   it was due without one (the clocks stopped first); missed otherwise.
 * - nonAdmissionNotice (Art. 7): only for a case not admitted; met when the notice was sent in time.
 * - decisionTarget / decisionLimit (Art. 7 and its note): for a decided case, by the decision letter.
 *   Withdrawn and informally resolved cases count as admitted (Art. 9, Decision 9) and have no decision
 *   letter, so they are judged by the moment they ended. Not admitted: null.
 */
export function deadlineOutcomes(c: CaseLetters): DeadlineOutcomes {
  const d = c.deadlines
  const acknowledge =
    c.acknowledgementSentAt !== null
      ? sentBy(c.acknowledgementSentAt, d.acknowledgeBy)
      : at(c.endedAt) <= at(d.acknowledgeBy)
        ? null
        : false

  const decisionMetBy = (due: string): boolean | null => {
    switch (c.endedAs) {
      case 'decided':
        return sentBy(c.decisionSentAt, due)
      case 'withdrawn':
      case 'resolved_informally':
        return at(c.endedAt) <= at(due)
      case 'not_admitted':
        return null
    }
  }

  return {
    acknowledge,
    nonAdmissionNotice:
      c.endedAs === 'not_admitted' ? sentBy(c.nonAdmissionNoticeSentAt, d.nonAdmissionNoticeBy) : null,
    decisionTarget: decisionMetBy(d.decisionTargetBy),
    decisionLimit: decisionMetBy(d.decisionLimitBy),
  }
}

/**
 * Art. 7 note: when the stated term will not be met, a delay notice with its reason must reach the
 * complainant before that term lapses. Needed for an open case whose target lies before the six-week
 * limit (a target at the limit cannot be moved, so there is nothing to announce), from 7 days before the
 * target — and still once it has passed — until a delay notice has been sent.
 */
export function delayNoticeNeeded(
  c: { status: Status; deadlines: Deadlines; delayNoticeSentAt: string | null },
  now: Date,
): boolean {
  return (
    isOpen(c.status) &&
    c.delayNoticeSentAt === null &&
    at(c.deadlines.decisionTargetBy) < at(c.deadlines.decisionLimitBy) &&
    clockState('decisionTarget', c.deadlines.decisionTargetBy, now) !== 'on_time'
  )
}
