import { PERSONAL_DATA_STORES } from '../../privacy/registry'
import { normalise } from './changes'

/** Decision 19: the case's own stores of personal data (their top-level fields), as the registry lists them. */
const ANONYMISED_FIELDS: readonly string[] = [
  ...new Set(
    PERSONAL_DATA_STORES.filter((store) => store.collection === 'complaints' && store.term === 'case').flatMap(
      (store) => (store.fields ?? []).map((path) => path.split('.')[0] ?? path),
    ),
  ),
  'privacy',
]

/**
 * The few system operations that write a case outside the workflow (DOMAIN.md, Decision 16: after
 * `closed` only delivery and posting bookkeeping, a legal hold, an inspection request, the complainant's survey and retention write to a case). Each says so by
 * name in the Local API's `context.systemOperation`, and may write only the fields it owns; any
 * other server-side update goes through the workflow like a person's, with or without a user.
 */
export const SYSTEM_OPERATIONS = {
  /** The outbox delivered a letter, or its posting date was recorded (Decision 12). */
  recordSending: ['lettersSent', 'nextDeadline', 'deadlineOutcomes'],
  /** The deadline job refreshes the next deadline and its state. */
  refreshDeadlines: ['nextDeadline', 'deadlineOutcomes'],
  /** The dossier was provided on a request for inspection (AVG art. 15; hooks/privacy/inspection.ts). */
  recordInspectionProvided: ['inspectionRequests', 'inspectionDueAt'],
  /** Retention or an erasure request anonymises the case, also after `closed` (Decision 19; hooks/privacy/anonymiseCase.ts). */
  anonymise: ANONYMISED_FIELDS,
  /** The complainant answered the satisfaction survey after the case ended (Decision 16, ISO 10002). */
  recordSurvey: ['survey'],
} as const satisfies Record<string, readonly string[]>

export type SystemOperation = keyof typeof SYSTEM_OPERATIONS

export function systemOperationOf(context: Record<string, unknown>): SystemOperation | null {
  const name = context.systemOperation
  if (name === undefined || name === null) return null
  if (typeof name !== 'string' || !Object.hasOwn(SYSTEM_OPERATIONS, name))
    throw new Error(`Unknown system operation on a complaint: ${String(name)}`)
  return name as SystemOperation
}

/** Computed by Payload on every write, or joins that are never stored: no operation owns them. */
const ALWAYS = new Set(['id', 'createdAt', 'updatedAt', 'messages', 'letters', 'timeline'])

/**
 * The top-level fields a system operation changes beyond what it owns. Payload hands a hook the
 * whole document, so a field counts only when its value differs from the stored one.
 */
export function fieldsBeyond(
  operation: SystemOperation,
  data: Record<string, unknown>,
  before: Record<string, unknown>,
): string[] {
  const owned: readonly string[] = SYSTEM_OPERATIONS[operation]
  return Object.keys(data).filter(
    (key) =>
      !owned.includes(key) &&
      !ALWAYS.has(key) &&
      JSON.stringify(normalise(data[key])) !== JSON.stringify(normalise(before[key])),
  )
}
