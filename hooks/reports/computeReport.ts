import { type CivilDate, civilDateIn } from '../dates/amsterdam'
import type { CaseFacts } from './caseFacts'
import type { Satisfaction } from './satisfaction'

/**
 * The Art. 9 report over a period of dates of receipt, as of a moment (Decision 18). Pure: the
 * facts, the period and `asOf` are arguments. Every number is a count of cases unless said.
 */
export type Period = { from: CivilDate; to: CivilDate }

export type Breakdown = Record<string, number>

export type MonthRow = { month: string; total: number; notAdmitted: number; admitted: number; ended: number }

export type Art9Report = {
  period: Period
  asOf: string
  /** The five numbers of Art. 9 (DOMAIN.md, "Reporting"). */
  total: number
  notAdmitted: number
  notAdmittedOnTime: number
  admitted: number
  admittedOnTimeStated: number
  admittedOnTimeLimit: number
  /** Not ended at `asOf`; overdue: past the decision term as it now stands, or unacknowledged past its 5 days. */
  open: number
  openOverdue: number
  acknowledged: number
  acknowledgedOnTime: number
  ended: number
  /** Calendar days from the date of receipt to the day it ended (Decision 18); null without ended cases. */
  leadTimeDays: { median: number | null; p90: number | null }
  delayNotices: number
  casesWithDelayNotice: number
  hearings: number
  informalSettlements: number
  withdrawals: number
  travelCostRequests: number
  byCategory: Breakdown
  byRole: Breakdown
  byClientOrganisation: Breakdown
  byChannel: Breakdown
  byOutcome: Breakdown
  byMonth: MonthRow[]
  /** ISO 10002: the satisfaction survey's answers of the period (loadReport adds it; none of it is per case). */
  satisfaction?: Satisfaction
}

/** An opdrachtgever that was not recorded counts under this key. */
export const UNKNOWN = 'unknown'

const before = (a: string | null, b: string): boolean => a !== null && Date.parse(a) <= Date.parse(b)

function civilDays(from: CivilDate, to: CivilDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** Nearest-rank percentile of sorted values: the smallest value with at least p% of values at or below it. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1] ?? null
}

/** The median as the middle value, or the mean of the two middle values. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length % 2 === 1) return sorted[mid] ?? null
  return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

function add(breakdown: Breakdown, key: string): void {
  breakdown[key] = (breakdown[key] ?? 0) + 1
}

/** The months of a period, "YYYY-MM", so that a month without complaints still shows as 0. */
export function monthsOf(period: Period): string[] {
  const months: string[] = []
  let [year, month] = period.from.slice(0, 7).split('-').map(Number) as [number, number]
  const last = period.to.slice(0, 7)
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`
    months.push(key)
    if (key >= last) return months
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
  }
}

/** What a case's ending counts as in the outcome breakdown. */
function outcomeOf(facts: CaseFacts, ended: boolean): string {
  if (!ended || !facts.ending) return 'open'
  if (facts.ending === 'decided') return facts.outcome ?? 'decided'
  return facts.ending
}

/**
 * One case's contribution to the report as of `asOf`: THE rules of Art. 9 and Decision 18, kept
 * here once. `computeReport` counts these; the `case-facts` row stores them as of its
 * `foldedThrough` for the database to count (hooks/reports/facts/aggregate.ts).
 */
export type CaseFlags = {
  notAdmitted: boolean
  notAdmittedOnTime: boolean
  admitted: boolean
  admittedOnTimeStated: boolean
  admittedOnTimeLimit: boolean
  ended: boolean
  /** Calendar days from the date of receipt to the day it ended; null while not ended. */
  leadTimeDays: number | null
  acknowledged: boolean
  acknowledgedOnTime: boolean
  delayNotices: number
  hasDelayNotice: boolean
  hearings: number
  informal: boolean
  withdrawn: boolean
  travel: boolean
  /** The key in `byOutcome`. */
  outcome: string
  /** Epoch ms: a case not ended is overdue at any moment after this one; null: never overdue (it has an ending). */
  overdueFrom: number | null
}

export function classifyCase(facts: CaseFacts, asOf: string): CaseFlags {
  const ended = before(facts.endedAt, asOf)
  const notAdmitted = facts.ending === 'not_admitted'
  // Overdue: past the decision term as it now stands, or unacknowledged past its 5 days (the earlier of them).
  const dues =
    facts.ending !== null
      ? []
      : [
          Date.parse(facts.currentTargetDue),
          ...(facts.acknowledgementSentAt === null ? [Date.parse(facts.acknowledgeDue)] : []),
        ].filter(Number.isFinite)
  return {
    // Art. 9: not admitted is the status reached; the notice counts on time when sent within 4 weeks.
    notAdmitted,
    notAdmittedOnTime:
      notAdmitted &&
      before(facts.nonAdmissionNoticeSentAt, asOf) &&
      before(facts.nonAdmissionNoticeSentAt, facts.nonAdmissionNoticeDue),
    // Decision 18 and 9: every other complaint, ended or still open (withdrawn included), is admitted.
    admitted: !notAdmitted,
    admittedOnTimeStated: !notAdmitted && ended && before(facts.endedAt, facts.statedTermDue),
    admittedOnTimeLimit: !notAdmitted && ended && before(facts.endedAt, facts.decisionLimitDue),
    ended,
    leadTimeDays: ended && facts.endedAt ? civilDays(facts.receivedOn, civilDateIn(facts.endedAt)) : null,
    acknowledged: Boolean(facts.acknowledgementSentAt),
    acknowledgedOnTime:
      Boolean(facts.acknowledgementSentAt) && before(facts.acknowledgementSentAt, facts.acknowledgeDue),
    delayNotices: facts.delayNotices,
    hasDelayNotice: facts.delayNotices > 0,
    hearings: facts.hearings,
    informal: facts.ending === 'resolved_informally',
    withdrawn: facts.ending === 'withdrawn',
    travel: facts.travelCostRequests > 0,
    outcome: outcomeOf(facts, ended),
    overdueFrom: dues.length > 0 ? Math.min(...dues) : null,
  }
}

/** Overdue at `asOfMs`: open (not ended) and past its `overdueFrom`. */
export const isOverdue = (flags: Pick<CaseFlags, 'ended' | 'overdueFrom'>, asOfMs: number): boolean =>
  !flags.ended && flags.overdueFrom !== null && asOfMs > flags.overdueFrom

/** A report being counted: its numbers so far and the lead times of the cases ended (unsorted). */
export type Tally = { report: Art9Report; leadTimes: number[] }

export function emptyTally(period: Period, asOf: string): Tally {
  return {
    report: {
      period,
      asOf,
      total: 0,
      notAdmitted: 0,
      notAdmittedOnTime: 0,
      admitted: 0,
      admittedOnTimeStated: 0,
      admittedOnTimeLimit: 0,
      open: 0,
      openOverdue: 0,
      acknowledged: 0,
      acknowledgedOnTime: 0,
      ended: 0,
      leadTimeDays: { median: null, p90: null },
      delayNotices: 0,
      casesWithDelayNotice: 0,
      hearings: 0,
      informalSettlements: 0,
      withdrawals: 0,
      travelCostRequests: 0,
      byCategory: {},
      byRole: {},
      byClientOrganisation: {},
      byChannel: {},
      byOutcome: {},
      byMonth: monthsOf(period).map((month) => ({ month, total: 0, notAdmitted: 0, admitted: 0, ended: 0 })),
    },
    leadTimes: [],
  }
}

/** The plain counts of a report, in the order of `Art9Report`. */
export const COUNTS = [
  'total',
  'notAdmitted',
  'notAdmittedOnTime',
  'admitted',
  'admittedOnTimeStated',
  'admittedOnTimeLimit',
  'open',
  'openOverdue',
  'acknowledged',
  'acknowledgedOnTime',
  'ended',
  'delayNotices',
  'casesWithDelayNotice',
  'hearings',
  'informalSettlements',
  'withdrawals',
  'travelCostRequests',
] as const satisfies readonly (keyof Art9Report)[]

export const BREAKDOWNS = ['byCategory', 'byRole', 'byClientOrganisation', 'byChannel', 'byOutcome'] as const

/** Adds `part` (a tally of other cases of the same period and asOf) into `into`. */
export function mergeTally(into: Tally, part: Tally): Tally {
  for (const key of COUNTS) into.report[key] += part.report[key]
  for (const key of BREAKDOWNS)
    for (const [value, n] of Object.entries(part.report[key]))
      into.report[key][value] = (into.report[key][value] ?? 0) + n
  into.report.byMonth.forEach((row, i) => {
    const other = part.report.byMonth[i]
    if (!other) return
    row.total += other.total
    row.notAdmitted += other.notAdmitted
    row.admitted += other.admitted
    row.ended += other.ended
  })
  for (const days of part.leadTimes) into.leadTimes.push(days)
  return into
}

/** The report of a tally: the lead times' median and 90th percentile. */
export function finishTally({ report, leadTimes }: Tally): Art9Report {
  const sorted = [...leadTimes].sort((a, b) => a - b)
  report.leadTimeDays = { median: median(sorted), p90: percentile(sorted, 90) }
  return report
}

/** Counts one case of the period into the tally. */
export function tallyCase(tally: Tally, facts: CaseFacts, asOf: string): void {
  const { report } = tally
  const flags = classifyCase(facts, asOf)
  const month = report.byMonth.find((row) => row.month === facts.receivedOn.slice(0, 7))
  const n = (flag: boolean): number => (flag ? 1 : 0)
  report.total += 1
  report.notAdmitted += n(flags.notAdmitted)
  report.notAdmittedOnTime += n(flags.notAdmittedOnTime)
  report.admitted += n(flags.admitted)
  report.admittedOnTimeStated += n(flags.admittedOnTimeStated)
  report.admittedOnTimeLimit += n(flags.admittedOnTimeLimit)
  report.ended += n(flags.ended)
  report.open += n(!flags.ended)
  report.openOverdue += n(isOverdue(flags, Date.parse(asOf)))
  if (flags.leadTimeDays !== null) tally.leadTimes.push(flags.leadTimeDays)
  if (month) {
    month.total += 1
    month.notAdmitted += n(flags.notAdmitted)
    month.admitted += n(flags.admitted)
    month.ended += n(flags.ended)
  }
  report.acknowledged += n(flags.acknowledged)
  report.acknowledgedOnTime += n(flags.acknowledgedOnTime)
  report.delayNotices += flags.delayNotices
  report.casesWithDelayNotice += n(flags.hasDelayNotice)
  report.hearings += flags.hearings
  report.informalSettlements += n(flags.informal)
  report.withdrawals += n(flags.withdrawn)
  report.travelCostRequests += n(flags.travel)
  for (const category of facts.categories) add(report.byCategory, category)
  add(report.byRole, facts.role)
  add(report.byClientOrganisation, facts.clientOrganisation ?? UNKNOWN)
  add(report.byChannel, facts.channel)
  add(report.byOutcome, flags.outcome)
}

export const inPeriod = (facts: Pick<CaseFacts, 'receivedOn'>, period: Period): boolean =>
  facts.receivedOn >= period.from && facts.receivedOn <= period.to

export function computeReport(all: readonly CaseFacts[], period: Period, asOf: string): Art9Report {
  const tally = emptyTally(period, asOf)
  for (const facts of all) if (inPeriod(facts, period)) tallyCase(tally, facts, asOf)
  return finishTally(tally)
}
