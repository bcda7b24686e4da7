import type { LetterKind } from '../../letters/kinds'

/**
 * Decision 16: what was sent stands. Once a letter of a kind has been issued, the parts of the
 * case it stated are frozen for everyone, on every path. A frozen part changes only in a save that
 * issues a new letter of the same kind: a correction by a manager with a written reason, or — for
 * the letters that may go out more than once — a new delay notice (a new date) or the hearing's
 * report or agreements sent again.
 */
export const FROZEN_BY_LETTER = {
  // Art. 5: the date(s) of the conduct, the facts and the expected term.
  acknowledgement: [
    'conduct.when',
    'conduct.date',
    'conduct.from',
    'conduct.to',
    'acknowledgement.factsSummary',
    'acknowledgement.statedTermWeeks',
  ],
  // Art. 8.5: the ground and the reasons.
  // The complaint as the complainant formulated it may be corrected until the decision or the non-admission (Decision 16).
  non_admission_notice: [
    'complaintText',
    'writtenVersion.versions',
    'nonAdmission.ground',
    'nonAdmission.earlierComplaint',
    'nonAdmission.earlierReference',
    'nonAdmission.reasons',
  ],
  // Art. 8.2, 8.3, Decision 6: the four parts, the outcome and the remedy.
  decision: [
    'complaintText',
    'writtenVersion.versions',
    'decision.factsAsSeen',
    'decision.reasonedPosition',
    'decision.outcome',
    'decision.remedy',
    'decision.remedyExplanation',
  ],
  // Art. 5 note, Decision 7.
  informal_confirmation: ['informal.oralAnswer', 'informal.agreements', 'informal.satisfactionConfirmedAt'],
  // Art. 7 note.
  delay_notice: ['delayNotice.reason', 'delayNotice.newTargetDate'],
  // Art. 6.3.
  hearing_report: ['hearing.report'],
  agreements_confirmation: ['hearing.agreements'],
  // Decision 9.
  withdrawal_confirmation: ['withdrawal.withdrawnAt'],
} as const satisfies Partial<Record<LetterKind, readonly string[]>>

export type FrozenKind = keyof typeof FROZEN_BY_LETTER
export const FROZEN_KINDS = Object.keys(FROZEN_BY_LETTER) as FrozenKind[]

/** The letter kinds whose issued text freezes `path` (the complaint text is quoted by two). */
export function frozenBy(path: string): FrozenKind[] {
  return FROZEN_KINDS.filter((kind) => (FROZEN_BY_LETTER[kind] as readonly string[]).includes(path))
}

export const FROZEN_MESSAGE =
  'Deze brief is al verstuurd: wat erin staat, verandert niet meer (besluit 16). Moet het toch anders? Een manager kan het corrigeren met een reden; dan krijgt de klager een gecorrigeerde brief.'
