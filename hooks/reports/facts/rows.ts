import type { Ending } from '../../complaints/workflow/transitions'
import type { CaseFacts } from '../caseFacts'
import { type CaseFlags, classifyCase } from '../computeReport'

/** The slug of the projection (collections/CaseFacts.ts). */
export const CASE_FACTS = 'case-facts'

/** The yes/no flags of `classifyCase` stored as 0/1 columns (the counts `delayNotices` and `hearings` are facts already). */
export const FLAG_FIELDS = [
  'notAdmitted',
  'notAdmittedOnTime',
  'admitted',
  'admittedOnTimeStated',
  'admittedOnTimeLimit',
  'ended',
  'acknowledged',
  'acknowledgedOnTime',
  'hasDelayNotice',
  'informal',
  'withdrawn',
  'travel',
] as const satisfies readonly (keyof CaseFlags)[]
export type FlagField = (typeof FLAG_FIELDS)[number]

export type FlagColumns = Record<FlagField, 0 | 1> & {
  leadTimeDays: number | null
  outcomeKey: string
  overdueFrom: number | null
}

/** One row of `case-facts`: a case's facts, the `at` of the last event folded into them, and its flags as of then. */
export type FactsRow = Omit<CaseFacts, 'complaint'> & { caseId: string; foldedThrough: string } & FlagColumns

/** The columns a report reads, in the order of the SQLite query (read.ts). */
export const FACT_COLUMNS = [
  'caseId',
  'receivedOn',
  'receivedAt',
  'channel',
  'role',
  'clientOrganisation',
  'categories',
  'acknowledgeDue',
  'nonAdmissionNoticeDue',
  'statedTermDue',
  'decisionLimitDue',
  'currentTargetDue',
  'acknowledgementSentAt',
  'ending',
  'endedAt',
  'nonAdmissionNoticeSentAt',
  'outcome',
  'delayNotices',
  'hearings',
  'travelCostRequests',
  'foldedThrough',
] as const satisfies readonly (keyof FactsRow)[]

/**
 * The flags as of `foldedThrough` hold for every later moment too: every instant they compare
 * with the moment of the report (`endedAt`, `nonAdmissionNoticeSentAt`) is the `at` of a folded
 * event, so at most `foldedThrough`, and no event comes after it. The rest compare instants of
 * the case with each other. Only "overdue" depends on the moment itself: the row keeps its input
 * (`overdueFrom`), and the query compares it with the report's moment.
 */
export function flagColumns(facts: CaseFacts, foldedThrough: string): FlagColumns {
  const flags = classifyCase(facts, foldedThrough)
  return {
    ...(Object.fromEntries(FLAG_FIELDS.map((name) => [name, flags[name] ? 1 : 0])) as Record<FlagField, 0 | 1>),
    leadTimeDays: flags.leadTimeDays,
    outcomeKey: flags.outcome,
    overdueFrom: flags.overdueFrom,
  }
}

export function toRow(facts: CaseFacts, foldedThrough: string): FactsRow {
  const { complaint, ...rest } = facts
  // An ISO string as toISOString writes it, so that the database compares it with a report's moment as text.
  const through = new Date(foldedThrough).toISOString()
  return {
    ...rest,
    categories: [...facts.categories],
    caseId: complaint,
    foldedThrough: through,
    ...flagColumns(facts, through),
  }
}

const str = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value))
const strOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : str(value))
const categoriesOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? (JSON.parse(value) as string[]) : []

/** A stored row (either adapter's shape: JSON as text or as an array) back into the facts the report counts. */
export function fromRow(row: Record<string, unknown>): CaseFacts & { foldedThrough: string } {
  return {
    complaint: str(row.caseId),
    receivedOn: str(row.receivedOn),
    receivedAt: str(row.receivedAt),
    channel: str(row.channel),
    role: str(row.role),
    clientOrganisation: strOrNull(row.clientOrganisation),
    categories: categoriesOf(row.categories),
    acknowledgeDue: str(row.acknowledgeDue),
    nonAdmissionNoticeDue: str(row.nonAdmissionNoticeDue),
    statedTermDue: str(row.statedTermDue),
    decisionLimitDue: str(row.decisionLimitDue),
    currentTargetDue: str(row.currentTargetDue),
    acknowledgementSentAt: strOrNull(row.acknowledgementSentAt),
    ending: strOrNull(row.ending) as Ending | null,
    endedAt: strOrNull(row.endedAt),
    nonAdmissionNoticeSentAt: strOrNull(row.nonAdmissionNoticeSentAt),
    outcome: strOrNull(row.outcome) as CaseFacts['outcome'],
    delayNotices: Number(row.delayNotices ?? 0),
    hearings: Number(row.hearings ?? 0),
    travelCostRequests: Number(row.travelCostRequests ?? 0),
    foldedThrough: str(row.foldedThrough),
  }
}
