import { type CivilDate, civilDateIn } from '../dates/amsterdam'
import type { CaseFacts } from './caseFacts'

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

export function computeReport(all: readonly CaseFacts[], period: Period, asOf: string): Art9Report {
  const report: Art9Report = {
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
  }
  const months = new Map(report.byMonth.map((row) => [row.month, row]))
  const leadTimes: number[] = []

  for (const facts of all) {
    if (facts.receivedOn < period.from || facts.receivedOn > period.to) continue
    const ended = before(facts.endedAt, asOf)
    const month = months.get(facts.receivedOn.slice(0, 7))
    report.total += 1
    if (month) month.total += 1

    // Art. 9: not admitted is the status reached; the notice counts on time when sent within 4 weeks.
    if (facts.ending === 'not_admitted') {
      report.notAdmitted += 1
      if (month) month.notAdmitted += 1
      if (
        before(facts.nonAdmissionNoticeSentAt, asOf) &&
        before(facts.nonAdmissionNoticeSentAt, facts.nonAdmissionNoticeDue)
      )
        report.notAdmittedOnTime += 1
    } else {
      // Decision 18 and 9: every other complaint, ended or still open (withdrawn included), is admitted.
      report.admitted += 1
      if (month) month.admitted += 1
      if (ended && before(facts.endedAt, facts.statedTermDue)) report.admittedOnTimeStated += 1
      if (ended && before(facts.endedAt, facts.decisionLimitDue)) report.admittedOnTimeLimit += 1
    }

    if (ended && facts.endedAt) {
      report.ended += 1
      if (month) month.ended += 1
      leadTimes.push(civilDays(facts.receivedOn, civilDateIn(facts.endedAt)))
    } else {
      report.open += 1
      const asOfTime = Date.parse(asOf)
      const pastTarget = facts.ending === null && asOfTime > Date.parse(facts.currentTargetDue)
      const unacknowledged = facts.acknowledgementSentAt === null && facts.ending === null
      if (pastTarget || (unacknowledged && asOfTime > Date.parse(facts.acknowledgeDue))) report.openOverdue += 1
    }

    if (facts.acknowledgementSentAt) {
      report.acknowledged += 1
      if (before(facts.acknowledgementSentAt, facts.acknowledgeDue)) report.acknowledgedOnTime += 1
    }
    report.delayNotices += facts.delayNotices
    if (facts.delayNotices > 0) report.casesWithDelayNotice += 1
    report.hearings += facts.hearings
    if (facts.ending === 'resolved_informally') report.informalSettlements += 1
    if (facts.ending === 'withdrawn') report.withdrawals += 1
    if (facts.travelCostRequests > 0) report.travelCostRequests += 1

    for (const category of facts.categories) add(report.byCategory, category)
    add(report.byRole, facts.role)
    add(report.byClientOrganisation, facts.clientOrganisation ?? UNKNOWN)
    add(report.byChannel, facts.channel)
    add(report.byOutcome, outcomeOf(facts, ended))
  }

  leadTimes.sort((a, b) => a - b)
  report.leadTimeDays = { median: median(leadTimes), p90: percentile(leadTimes, 90) }
  return report
}
