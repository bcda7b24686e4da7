/** The workflow's planners for the letters a save sends of itself: the delay notice (Art. 7) and the hearing's (Art. 6). Pure. */
import type { Complaint } from '../../../../cms/payload-types'
import { civilDateIn } from '../../../dates/amsterdam'
import type { LetterKind } from '../../../letters/kinds'
import type { Status } from '../statuses'
import { isEnding, isOpen } from '../transitions'
import { type Refusal, refuse } from './refusal'

/** What a delay notice needs (Art. 7 note): an open case, a reason, and a new date before the six-week limit. */
export function checkDelayNotice(c: Partial<Complaint>, now: Date): Refusal[] {
  const problems: Refusal[] = []
  const delay = c.delayNotice
  if (!c.status || !isOpen(c.status)) {
    problems.push(
      refuse('delayNotice.newTargetDate', 'Een verdagingsbericht kan alleen bij een klacht die nog in behandeling is.'),
    )
    return problems
  }
  if (!delay?.reason?.trim())
    problems.push(refuse('delayNotice.reason', 'Vermeld de reden van de verdaging (art. 7, toelichting).'))
  const date = delay?.newTargetDate?.trim()
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    problems.push(refuse('delayNotice.newTargetDate', 'Vul de nieuwe datum in, zoals 2026-12-18.'))
  } else if (date <= civilDateIn(now)) {
    problems.push(refuse('delayNotice.newTargetDate', 'De nieuwe datum moet na vandaag liggen.'))
  } else if (c.deadlines?.decisionLimitBy && date > civilDateIn(new Date(c.deadlines.decisionLimitBy))) {
    problems.push(
      refuse(
        'delayNotice.newTargetDate',
        'De beslissing mag nooit later komen dan zes weken na ontvangst (art. 7). Kies een datum tot en met de uiterste datum.',
      ),
    )
  }
  return problems
}

/**
 * Art. 7 note: a delay notice moves the decision target, never past the six-week limit. Only the
 * save that issues it sends it: a new date is a new notice.
 */
export function planDelayNotice(input: { before: Partial<Complaint>; next: Partial<Complaint>; now: Date }): {
  issue: boolean
  decisionTargetBy?: string
  errors: Refusal[]
} {
  const delay = input.next.delayNotice
  const previous = input.before.delayNotice
  const changed = delay?.newTargetDate !== previous?.newTargetDate || delay?.reason !== previous?.reason
  if (!changed || !(delay?.newTargetDate || delay?.reason)) return { issue: false, errors: [] }
  const errors = checkDelayNotice(input.next, input.now)
  if (errors.length > 0) return { issue: false, errors }
  const newDate = delay?.newTargetDate as string
  const issue = newDate !== previous?.newTargetDate || !previous?.issuedAt
  return { issue, decisionTargetBy: newDate, errors: [] }
}

type HearingLetter = 'hearing_invitation' | 'hearing_cancellation' | 'hearing_report' | undefined

/**
 * The hearing's letters (Art. 6): the boxes ticked for this save, a call-off of a hearing the
 * complainant was invited to that will not take place, and a moved hearing needing a new invitation.
 * `latestHearingLetter` is the purpose of the case's latest hearing letter (invited, called off, heard).
 */
export function planHearingLetters(input: {
  before: Partial<Complaint>
  next: Partial<Complaint>
  from: Status
  to: Status
  latestHearingLetter: HearingLetter
  now: Date
}): { kinds: LetterKind[]; callOff: boolean; errors: Refusal[] } {
  const { next, before, from, to, now } = input
  const hearing = next.hearing
  const kinds: LetterKind[] = []
  const errors: Refusal[] = []
  if (hearing?.sendInvitation) {
    if (isOpen(to)) kinds.push('hearing_invitation')
    else
      errors.push(
        refuse(
          'hearing.sendInvitation',
          'Een uitnodiging voor een gesprek kan alleen bij een klacht die nog in behandeling is.',
        ),
      )
  }
  if (hearing?.sendReport) {
    if (to !== 'closed') kinds.push('hearing_report')
    else errors.push(refuse('hearing.sendReport', 'Deze klacht is afgesloten; er gaan geen brieven meer uit.'))
  }
  if (hearing?.sendAgreements) {
    if (to !== 'closed') kinds.push('agreements_confirmation')
    else errors.push(refuse('hearing.sendAgreements', 'Deze klacht is afgesloten; er gaan geen brieven meer uit.'))
  }
  const invitationStands = input.latestHearingLetter === 'hearing_invitation'
  const invitedAt = before.hearing?.at
  const open = isOpen(to)
  // A hearing the complainant was invited to that will not take place — its date cleared, or the
  // case ended before it — is called off in writing. A hearing with a report took place.
  const callOff = Boolean(
    invitedAt &&
    new Date(invitedAt) > now &&
    ((open && !hearing?.at) || (to !== from && isEnding(to))) &&
    !hearing?.sendReport &&
    invitationStands,
  )
  const moved =
    Boolean(hearing?.at) &&
    (hearing?.at !== before.hearing?.at || (hearing?.place ?? '') !== (before.hearing?.place ?? ''))
  if (moved && !hearing?.sendInvitation && open && invitationStands) {
    errors.push(
      refuse(
        'hearing.sendInvitation',
        'De klager is al uitgenodigd voor een ander moment of een andere plaats. Vink aan dat de klager een nieuwe uitnodiging krijgt, dan schuift de afspraak in zijn agenda mee.',
      ),
    )
  }
  if (callOff) kinds.push('hearing_cancellation')
  return { kinds, callOff, errors }
}

/** Whether a hearing letter is needed to know where the complainant stands (saves a query otherwise). */
export function needsHearingHistory(before: Partial<Complaint>, next: Partial<Complaint>): boolean {
  return Boolean(before.hearing?.at) || Boolean(next.hearing?.at)
}
