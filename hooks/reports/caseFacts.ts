import { type CivilDate, civilDateIn } from '../dates/amsterdam'
import type { Ending } from '../complaints/workflow/transitions'
import type { LetterKind } from '../letters/kinds'

/**
 * What the Art. 9 report knows of one case, folded from its timeline alone: codes, dates and
 * counts, no personal data. Because it rests on events and never on case fields, anonymising a
 * case (Decision 19) leaves its place in every report unchanged.
 */
export type CaseFacts = {
  /** The case's id, only to count each case once. */
  complaint: string
  /** The date of receipt (Art. 8: complaints are registered by date of receipt), Amsterdam. */
  receivedOn: CivilDate
  receivedAt: string
  channel: string
  role: string
  clientOrganisation: string | null
  categories: readonly string[]
  /** Art. 5 and 7 due moments, as they stood when the case was received. */
  acknowledgeDue: string
  nonAdmissionNoticeDue: string
  /** Decision 18: the term stated in the acknowledgement; a delay notice does not move it. */
  statedTermDue: string
  decisionLimitDue: string
  /** The decision target as it stands now (a delay notice moves it): for "overdue" only. */
  currentTargetDue: string
  acknowledgementSentAt: string | null
  ending: Ending | null
  /** Decision 18: when the ending letter was sent, or the status change where the ending has no letter. */
  endedAt: string | null
  /** The notice of non-admission, when it was sent (Art. 7: within 4 weeks). */
  nonAdmissionNoticeSentAt: string | null
  outcome: 'upheld' | 'not_upheld' | null
  delayNotices: number
  /** Decision 18: a hearing counts once its report was sent. */
  hearings: number
  travelCostRequests: number
}

/**
 * One timeline entry as the report reads it; `data` was checked against its schema when written.
 * `type` is a string: the report reads the types it knows (including `classified`,
 * `travel_costs_requested` and `received_backfilled`) and passes over the rest.
 */
export type ReportEvent = { type: string; at: string; data: unknown }

const ENDING_LETTER: Record<Ending, LetterKind> = {
  decided: 'decision',
  not_admitted: 'non_admission_notice',
  resolved_informally: 'informal_confirmation',
  withdrawn: 'withdrawal_confirmation',
}
const ENDING_STATUSES = new Set<string>(Object.keys(ENDING_LETTER))

type Due = { acknowledge: string; nonAdmissionNotice: string; decisionTarget: string; decisionLimit: string }
type Received = {
  receivedAt: string
  channel: string
  role: string
  clientOrganisation: string | null
  categories: string[]
  due: Due
}
type Classified = { channel?: string; role?: string; clientOrganisation?: string | null; categories?: string[] }
type LetterIssued = { purpose: string; letter: string; message?: string | null; correction?: boolean }
type LetterSent = { purpose: string; letter?: string; message?: string }
type PostingDateCorrected = { letter: string; to: string }

/**
 * Decision 12 and 17: the sending moment of a letter by post is its posting date, and a corrected
 * posting date replaces the earlier one (the latest correction up to the cutoff wins). Each
 * posting writes a `letter_sent` at the date entered, so the letter's earlier `letter_sent` entries
 * are superseded: per corrected letter, the moment of its one sending that counts.
 */
function correctedPostingDates(events: readonly ReportEvent[], cutoff: number): Map<string, number> {
  const postedAt = new Map<string, number>()
  for (const event of events) {
    if (Date.parse(event.at) > cutoff) break
    if (event.type !== 'posting_date_corrected') continue
    const data = event.data as PostingDateCorrected
    postedAt.set(data.letter, Date.parse(data.to))
  }
  return postedAt
}

const isRegistration = (data: Partial<Received>): data is Received =>
  typeof data.receivedAt === 'string' && typeof data.due === 'object' && data.due !== null

/**
 * Folds one case's events, in the order they happened, into its facts; `null` when the timeline
 * holds no `received` entry (nothing to count). Only events up to `asOf` count (Decision 18).
 */
export function foldCaseEvents(complaint: string, events: readonly ReportEvent[], asOf: string): CaseFacts | null {
  const cutoff = Date.parse(asOf)
  let facts: CaseFacts | null = null
  const corrections = new Set<string>()
  const firstSent = new Map<string, string>()
  const issued = new Set<string>()
  const hearingReports = new Set<string>()
  // The outbox records the message it delivered, not the letter: the letter is the one issued with it.
  const letterOfMessage = new Map<string, string>()
  let endingStatusAt: string | null = null
  let acknowledgementIssuedAt: string | null = null
  const correctedPostedAt = correctedPostingDates(events, cutoff)

  for (const event of events) {
    if (Date.parse(event.at) > cutoff) break
    if (event.type === 'received' || event.type === 'received_backfilled') {
      const data = event.data as Partial<Received>
      // A registration written before `received` carried its moment and due dates counts through
      // the `received_backfilled` entry hooks/reports/deriveEvents.ts adds, dated at the same receipt.
      if (!isRegistration(data)) continue
      facts = {
        complaint,
        receivedOn: civilDateIn(data.receivedAt),
        receivedAt: data.receivedAt,
        channel: data.channel,
        role: data.role,
        clientOrganisation: data.clientOrganisation,
        categories: data.categories,
        acknowledgeDue: data.due.acknowledge,
        nonAdmissionNoticeDue: data.due.nonAdmissionNotice,
        statedTermDue: data.due.decisionTarget,
        decisionLimitDue: data.due.decisionLimit,
        currentTargetDue: data.due.decisionTarget,
        acknowledgementSentAt: null,
        ending: null,
        endedAt: null,
        nonAdmissionNoticeSentAt: null,
        outcome: null,
        delayNotices: 0,
        hearings: 0,
        travelCostRequests: 0,
      }
      continue
    }
    if (!facts) continue
    switch (event.type) {
      case 'classified': {
        const data = event.data as Classified
        if (data.channel !== undefined) facts.channel = data.channel
        if (data.role !== undefined) facts.role = data.role
        if (data.clientOrganisation !== undefined) facts.clientOrganisation = data.clientOrganisation
        if (data.categories !== undefined) facts.categories = data.categories
        break
      }
      case 'deadline_changed': {
        const data = event.data as { clock: string; to: string | null }
        if (data.clock !== 'decisionTarget' || !data.to) break
        facts.currentTargetDue = data.to
        // Decision 18: the term as stated in the acknowledgement (set in the save that issues it);
        // later moves (a delay notice) do not count.
        if (acknowledgementIssuedAt === null || acknowledgementIssuedAt === event.at) facts.statedTermDue = data.to
        break
      }
      case 'letter_issued': {
        const data = event.data as LetterIssued
        if (data.message) letterOfMessage.set(data.message, data.letter)
        if (data.correction) corrections.add(data.letter)
        else issued.add(data.purpose)
        if (data.purpose === 'acknowledgement' && acknowledgementIssuedAt === null) acknowledgementIssuedAt = event.at
        break
      }
      case 'letter_sent': {
        const data = event.data as LetterSent
        const letter = data.letter ?? (data.message ? (letterOfMessage.get(data.message) ?? data.message) : undefined)
        if (letter && corrections.has(letter)) break
        // Decision 17: a posting date since corrected was not the letter's sending.
        const postedAt = letter ? correctedPostedAt.get(letter) : undefined
        if (postedAt !== undefined && Date.parse(event.at) !== postedAt) break
        // Decision 18: a hearing counts once its report was sent — once per letter: a corrected
        // posting date (Decision 17) records the same letter's sending again.
        if (data.purpose === 'hearing_report') {
          if (!letter || !hearingReports.has(letter)) facts.hearings += 1
          if (letter) hearingReports.add(letter)
        }
        if (firstSent.has(data.purpose)) break
        firstSent.set(data.purpose, event.at)
        if (data.purpose === 'acknowledgement') facts.acknowledgementSentAt = event.at
        if (data.purpose === 'non_admission_notice') facts.nonAdmissionNoticeSentAt = event.at
        if (facts.ending && data.purpose === ENDING_LETTER[facts.ending] && !facts.endedAt) facts.endedAt = event.at
        break
      }
      case 'status_changed': {
        const data = event.data as { to: string }
        if (!ENDING_STATUSES.has(data.to) || facts.ending) break
        facts.ending = data.to as Ending
        endingStatusAt = event.at
        // The ending letter may have been sent already (sent in the same moment as the status change).
        const sent = firstSent.get(ENDING_LETTER[facts.ending])
        if (sent) facts.endedAt = sent
        break
      }
      case 'decision_recorded': {
        const data = event.data as { outcome: 'upheld' | 'not_upheld' | null }
        facts.outcome = data.outcome
        break
      }
      case 'delay_notice_sent':
        facts.delayNotices += 1
        break
      case 'travel_costs_requested':
        facts.travelCostRequests += 1
        break
      default:
        break
    }
  }
  // Decision 18: an ending without a letter ended at its status change.
  if (facts?.ending && !facts.endedAt && !issued.has(ENDING_LETTER[facts.ending])) facts.endedAt = endingStatusAt
  return facts
}
