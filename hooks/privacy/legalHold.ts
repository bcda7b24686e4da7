import type { Person, Refusal } from '../complaints/workflow/plan/refusal'
import { refuse } from '../complaints/workflow/plan/refusal'
import { relId } from '../relations'

/** The legal-hold part of the case's privacy group, as stored and as a save sends it. */
export type LegalHold = {
  legalHold?: boolean | null
  legalHoldReason?: string | null
  legalHoldSince?: string | null
  legalHoldBy?: unknown
}

export type LegalHoldPlan = {
  /** What the save stores; since and by always come from here, never from the request. */
  hold: {
    legalHold: boolean
    legalHoldReason: string | null
    legalHoldSince: string | null
    legalHoldBy: string | null
  }
  event: 'legal_hold_set' | 'legal_hold_lifted' | null
  errors: Refusal[]
}

export const MANAGER_ONLY_MESSAGE =
  'Alleen een manager kan de vernietiging opschorten of de opschorting opheffen (besluit 19).'
export const REASON_MESSAGE = 'Schrijf op waarom de vernietiging wordt opgeschort (besluit 19).'

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')

/**
 * Decision 19: a manager puts a case on legal hold ("vernietiging opgeschort") with a written
 * reason, and lifts it. When and by whom are recorded by the portal. A reason stands only with a
 * hold: lifting clears it with the hold (data minimisation, AVG art. 5(1)(c); the timeline keeps
 * that there was a hold, and when, without the reason). Pure.
 */
export function planLegalHold(input: {
  before: LegalHold | null | undefined
  incoming: LegalHold | null | undefined
  person: Person
  now: Date
}): LegalHoldPlan {
  const before = input.before ?? {}
  const incoming = input.incoming ?? {}
  const wasOn = before.legalHold === true
  const isOn = 'legalHold' in incoming ? incoming.legalHold === true : wasOn
  const reasonBefore = text(before.legalHoldReason)
  const reason = 'legalHoldReason' in incoming ? text(incoming.legalHoldReason) : reasonBefore
  const unchanged = {
    legalHold: wasOn,
    legalHoldReason: wasOn ? reasonBefore || null : null,
    legalHoldSince: wasOn ? (before.legalHoldSince ?? null) : null,
    legalHoldBy: wasOn ? relId(before.legalHoldBy) : null,
  }
  const touched = isOn !== wasOn || (isOn && reason !== reasonBefore)
  if (!touched) return { hold: unchanged, event: null, errors: [] }
  if (!input.person?.isManager)
    return {
      hold: unchanged,
      event: null,
      errors: [refuse(isOn !== wasOn ? 'privacy.legalHold' : 'privacy.legalHoldReason', MANAGER_ONLY_MESSAGE)],
    }
  if (!isOn)
    return {
      hold: { legalHold: false, legalHoldReason: null, legalHoldSince: null, legalHoldBy: null },
      event: 'legal_hold_lifted',
      errors: [],
    }
  if (!reason) return { hold: unchanged, event: null, errors: [refuse('privacy.legalHoldReason', REASON_MESSAGE)] }
  if (wasOn) return { hold: { ...unchanged, legalHoldReason: reason }, event: null, errors: [] }
  return {
    hold: {
      legalHold: true,
      legalHoldReason: reason,
      legalHoldSince: input.now.toISOString(),
      legalHoldBy: input.person.id,
    },
    event: 'legal_hold_set',
    errors: [],
  }
}
