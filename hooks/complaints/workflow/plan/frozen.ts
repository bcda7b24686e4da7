/** The workflow's planners for what no longer changes: a closed case, and what a letter stated (Decision 16). Pure. */
import type { LetterKind } from '../../../letters/kinds'
import { FROZEN_MESSAGE, type FrozenKind, frozenBy } from '../frozen'
import type { Status } from '../statuses'
import { type Person, type Refusal, refuse } from './refusal'

/**
 * Decision 16: what a person may still write to a closed case: a legal hold and its reason
 * (Decision 19) and a request for inspection (AVG art. 15). Their own hook (recordPrivacyRequests)
 * decides who and how; since, by and the due dates are computed there.
 */
export const WRITABLE_AFTER_CLOSED: readonly string[] = [
  'privacy.legalHold',
  'privacy.legalHoldReason',
  'inspectionRequests',
]

/** Decision 16: after `closed` nobody edits the case but for WRITABLE_AFTER_CLOSED; its timeline keeps growing. */
export function planClosed(statusBefore: Status, changed: string[]): Refusal[] {
  if (statusBefore !== 'closed') return []
  // A status change gets the workflow table's own reason (planTransition).
  return changed
    .filter((path) => path !== 'status' && !WRITABLE_AFTER_CLOSED.includes(path))
    .map((path) => refuse(path, 'Deze klacht is afgesloten: het dossier verandert niet meer (besluit 16).'))
}

export type CorrectionPlan = { kinds: FrozenKind[]; fields: string[] }

/**
 * Decision 16: a part a letter already stated changes only when the same save issues a new letter
 * of that kind — a correction by a manager with a written reason, or a letter that may go out
 * again (`reissued`: a new delay notice, the report or agreements sent again).
 */
export function planFrozen(input: {
  person: Person
  changed: string[]
  issued: ReadonlySet<LetterKind>
  reissued: ReadonlySet<LetterKind>
  correctionReason: string | null | undefined
}): { correction: CorrectionPlan | null; errors: Refusal[] } {
  // The issued letters that stated each changed part (and that this save does not issue again).
  const stating = (path: string) => frozenBy(path).filter((kind) => input.issued.has(kind) && !input.reissued.has(kind))
  const frozen = input.changed.filter((path) => stating(path).length > 0)
  const reason = input.correctionReason?.trim() ?? ''
  if (frozen.length === 0) {
    if (reason) {
      return {
        correction: null,
        errors: [
          refuse(
            'correction.reason',
            'Er is niets gewijzigd in een brief die al is verstuurd. Laat de reden van de correctie leeg, of wijzig wat u wilt corrigeren.',
          ),
        ],
      }
    }
    return { correction: null, errors: [] }
  }
  if (!input.person?.isManager) return { correction: null, errors: frozen.map((path) => refuse(path, FROZEN_MESSAGE)) }
  if (!reason) {
    return {
      correction: null,
      errors: [
        refuse(
          'correction.reason',
          'U wijzigt wat al in een verstuurde brief staat. Schrijf de reden van de correctie op; de klager krijgt een gecorrigeerde brief (besluit 16).',
        ),
        ...frozen.map((path) =>
          refuse(path, 'Dit staat al in een verstuurde brief: vul de reden van de correctie in (besluit 16).'),
        ),
      ],
    }
  }
  const kinds = [...new Set(frozen.flatMap(stating))]
  return { correction: { kinds, fields: frozen }, errors: [] }
}
