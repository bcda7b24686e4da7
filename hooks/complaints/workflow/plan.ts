/**
 * The workflow's decisions for one save of a case, as pure functions: each takes what it needs
 * (the case before and after, the actor, `now`, what the database said) and returns a plan or the
 * refusals, with a Dutch message at the field that needs attention. The hook (enforceWorkflow)
 * only reads, calls these and writes; tests drive them with tables and a clock of their own.
 */
import type { Complaint } from '../../../cms/payload-types'
import type { LetterKind } from '../../letters/kinds'
import { civilDateIn } from '../../dates/amsterdam'
import { NON_ADMISSION_GROUNDS } from '../vocabulary'
import { FROZEN_MESSAGE, type FrozenKind, frozenBy } from './frozen'
import { checkIndependence, missingRequirements } from './requirements'
import { toSnapshot } from './snapshot'
import { STATUS_LABELS, type Status } from './statuses'
import { canTransition, isEnding, isOpen } from './transitions'

export type Refusal = { path: string; message: string }

/** Who saves: a staff member (with the roles that matter here) or trusted server code (null). */
export type Person = { id: string; isManager: boolean; isHandler: boolean } | null

const refuse = (path: string, message: string): Refusal => ({ path, message })

/** Art. 4 and the handler role, for a complaint being recorded (create), exactly as on update. */
export function planCreate(input: {
  person: Person
  status: Status | null | undefined
  handler: string | null
  involvedStaff: string[]
  handlerMayHandle: boolean | null
  ground?: string | null
}): Refusal[] {
  const errors: Refusal[] = []
  if (input.status && input.status !== 'received') {
    errors.push(
      refuse(
        'status',
        `Een nieuwe klacht begint altijd met de status ${STATUS_LABELS.received.nl}; de volgende stappen volgen de behandeling.`,
      ),
    )
  }
  if (input.handler) {
    if (input.person && !input.person.isManager && input.handler !== input.person.id) {
      errors.push(
        refuse(
          'assignedHandler',
          'Alleen een manager kan een klacht aan een andere behandelaar geven. Kies uzelf, of laat het veld leeg.',
        ),
      )
    }
    if (input.handlerMayHandle === false)
      errors.push(refuse('assignedHandler', 'Kies een medewerker met de rol klachtbehandelaar of manager.'))
    const independence = checkIndependence(input.handler, input.involvedStaff)
    if (!independence.ok) errors.push(refuse('assignedHandler', independence.message))
  }
  errors.push(...checkGround(input.ground))
  return errors
}

/** Art. 8.5: only the two grounds of the regulation. */
export function checkGround(ground: string | null | undefined): Refusal[] {
  if (ground === null || ground === undefined || ground === '') return []
  if ((NON_ADMISSION_GROUNDS as readonly string[]).includes(ground)) return []
  return [
    refuse(
      'nonAdmission.ground',
      'Kies een van de twee gronden van art. 8.5: de gedraging was al eerder onderwerp van een klacht, of het belang of het gewicht is kennelijk onvoldoende.',
    ),
  ]
}

/**
 * Taking a new, unassigned case: a handler (not a manager) may touch it only to take it
 * themselves, not when involved (Art. 4), and moves it in a later save.
 */
export function planTakeOver(input: {
  person: Person
  handlerBefore: string | null
  handlerAfter: string | null
  involvedStaff: string[]
  statusChanged: boolean
}): { take: boolean; errors: Refusal[] } {
  const { person } = input
  if (!person || input.handlerBefore || person.isManager) return { take: false, errors: [] }
  if (input.handlerAfter !== person.id) {
    return {
      take: false,
      errors: [refuse('assignedHandler', 'Neem de klacht eerst zelf over: kies uzelf als behandelaar en sla op.')],
    }
  }
  const independence = checkIndependence(person.id, input.involvedStaff)
  if (!independence.ok) return { take: false, errors: [refuse('assignedHandler', independence.message)] }
  if (input.statusChanged) {
    return {
      take: false,
      errors: [
        refuse(
          'status',
          'Neem de klacht eerst over: sla op met uzelf als behandelaar. Daarna kunt u de status wijzigen.',
        ),
      ],
    }
  }
  return { take: true, errors: [] }
}

/** Art. 4 on every assignment; only a manager hands a case to someone else; the handler role. */
export function planAssignment(input: {
  person: Person
  handlerBefore: string | null
  handlerAfter: string | null
  involvedBefore: string[]
  involvedAfter: string[]
  handlerMayHandle: boolean | null
}): Refusal[] {
  const errors: Refusal[] = []
  const { handlerBefore, handlerAfter } = input
  if (handlerAfter && (handlerAfter !== handlerBefore || input.involvedAfter.join() !== input.involvedBefore.join())) {
    const independence = checkIndependence(handlerAfter, input.involvedAfter)
    if (!independence.ok)
      errors.push(refuse(handlerAfter !== handlerBefore ? 'assignedHandler' : 'involvedStaff', independence.message))
  }
  if (handlerBefore && handlerAfter !== handlerBefore && input.person && !input.person.isManager) {
    errors.push(refuse('assignedHandler', 'Alleen een manager kan een klacht aan een andere behandelaar geven.'))
  }
  if (handlerAfter && handlerAfter !== handlerBefore && input.handlerMayHandle === false) {
    errors.push(refuse('assignedHandler', 'Kies een medewerker met de rol klachtbehandelaar of manager.'))
  }
  return errors
}

/**
 * A status change: along the table (DOMAIN.md, Case workflow), by whom the table allows, with what
 * the regulation requires recorded. Without a person the caller is trusted server code: the table
 * and the requirements still hold (it cannot jump `received → decided` or leave `closed`).
 */
export function planTransition(input: {
  person: Person
  from: Status
  to: Status
  handlerBefore: string | null
  next: Partial<Complaint>
  uwvNotified: boolean
}): Refusal[] {
  const { from, to, person } = input
  if (from === to) return []
  const actor = person
    ? { userId: person.id, isManager: person.isManager, isAdmin: false }
    : { userId: null, isManager: true, isAdmin: false }
  const allowed = canTransition(from, to, actor, input.handlerBefore)
  if (!allowed.ok) return [refuse('status', allowed.reason)]
  const missing = missingRequirements(to, toSnapshot(input.next, input.uwvNotified))
  if (missing.length === 0) return []
  return [
    ...missing,
    refuse(
      'status',
      `Nog niet naar "${STATUS_LABELS[to].nl}": vul eerst in wat hieronder gemarkeerd is (${missing.length}).`,
    ),
  ]
}

/** Decision 16: after `closed` nobody edits the case; its timeline keeps growing. */
export function planClosed(statusBefore: Status, changed: string[]): Refusal[] {
  if (statusBefore !== 'closed') return []
  // A status change gets the workflow table's own reason (planTransition).
  return changed
    .filter((path) => path !== 'status')
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
