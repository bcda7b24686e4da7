import type { Ending } from '../../complaints/workflow/transitions'
import type { CaseFacts } from '../caseFacts'

/** The slug of the projection (collections/CaseFacts.ts). */
export const CASE_FACTS = 'case-facts'

/** One row of `case-facts`: a case's facts and the `at` of the last event folded into them. */
export type FactsRow = Omit<CaseFacts, 'complaint'> & { caseId: string; foldedThrough: string }

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

export function toRow(facts: CaseFacts, foldedThrough: string): FactsRow {
  const { complaint, ...rest } = facts
  return { ...rest, categories: [...facts.categories], caseId: complaint, foldedThrough }
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
