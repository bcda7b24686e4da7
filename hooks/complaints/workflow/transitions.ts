import { STATUS_LABELS, type Status } from './statuses'

/**
 * The case workflow of DOMAIN.md ("Case workflow"): which status may follow which.
 * Hearings, document reviews (Art. 6), delay notices (Art. 7) and the UWV notification (Art. 5)
 * are activities within a case, not statuses, so they do not appear here.
 */
export const TRANSITIONS = {
  received: ['acknowledged', 'not_admitted', 'resolved_informally', 'withdrawn'],
  acknowledged: ['decided', 'not_admitted', 'resolved_informally', 'withdrawn'],
  decided: ['closed'],
  not_admitted: ['closed'],
  resolved_informally: ['closed'],
  withdrawn: ['closed'],
  closed: [],
} as const satisfies Record<Status, readonly Status[]>

/** Every status some transition leads to (all but `received`). */
export type TransitionTarget = (typeof TRANSITIONS)[Status][number]

/** Who may fire a transition. An admin is not listed: admin means users and settings, not cases. */
export type Firer = 'assignedHandler' | 'manager' | 'complainant'

/**
 * Who may fire each transition, by its target. "Only the assigned handler or a manager moves a case"
 * (DOMAIN.md, People): every row is the same today, but a rule such as "only a manager closes" belongs here.
 */
export const WHO_MAY = {
  acknowledged: ['assignedHandler', 'manager'],
  decided: ['assignedHandler', 'manager'],
  not_admitted: ['assignedHandler', 'manager'],
  resolved_informally: ['assignedHandler', 'manager'],
  // Decision 9: the complainant may withdraw at any time, also on their own page (Decision 20).
  withdrawn: ['assignedHandler', 'manager', 'complainant'],
  closed: ['assignedHandler', 'manager'],
} as const satisfies Record<TransitionTarget, readonly Firer[]>

/** The statuses that stop all clocks (DOMAIN.md, Deadlines); each may only be followed by `closed`. */
export const ENDINGS = [
  'decided',
  'not_admitted',
  'resolved_informally',
  'withdrawn',
] as const satisfies readonly Status[]
export type Ending = (typeof ENDINGS)[number]

/** The statuses in which the clocks of Art. 5 and 7 run. */
export const OPEN_STATUSES = ['received', 'acknowledged'] as const satisfies readonly Status[]

export function isEnding(status: Status): status is Ending {
  return (ENDINGS as readonly Status[]).includes(status)
}

export function isOpen(status: Status): boolean {
  return (OPEN_STATUSES as readonly Status[]).includes(status)
}

/**
 * The person asking. `userId` null is nobody (no logged-in user); `isComplainant` is the complainant
 * of this case on their own page (Decision 20), who fires only what WHO_MAY lists for them. `isAdmin` grants nothing here:
 * a beheerder manages users and settings; to move a case they also need the manager role or to be
 * the assigned handler.
 */
export type Actor = { userId: string | null; isManager: boolean; isAdmin: boolean; isComplainant?: boolean }

export type TransitionCheck = { ok: true } | { ok: false; reason: string }

const FIRER_NAMES: Record<Firer, string> = {
  assignedHandler: 'de behandelaar van deze klacht',
  manager: 'een manager',
  complainant: 'de klager',
}

const label = (status: Status): string => STATUS_LABELS[status].nl

export function allowedTargets(from: Status): readonly Status[] {
  return TRANSITIONS[from]
}

export function firersOf(to: Status): readonly Firer[] {
  const table: Partial<Record<Status, readonly Firer[]>> = WHO_MAY
  return table[to] ?? []
}

/** Why `from → to` is not in the workflow, in words a handler can act on. */
function refusal(from: Status, to: Status): string {
  if (from === 'closed') return `Een klacht met status ${label('closed')} kan niet meer veranderen.`
  if (from === to) return `De klacht heeft de status ${label(to)} al.`
  if (to === 'received') return `Een klacht kan niet terug naar ${label('received')}.`
  if (isEnding(from)) return `Een klacht met status ${label(from)} is beëindigd en kan alleen nog worden afgesloten.`
  if (from === 'received' && to === 'decided') {
    return `Van ${label('received')} kan een klacht niet direct naar ${label('decided')}: eerst de ontvangst bevestigen (art. 5).`
  }
  if (to === 'closed') {
    return `Van ${label(from)} kan een klacht niet direct naar ${label('closed')}: zij moet eerst zijn beslist, niet in behandeling genomen, informeel afgehandeld of ingetrokken.`
  }
  return `Van ${label(from)} kan een klacht niet naar ${label(to)}.`
}

function mayFire(firer: Firer, actor: Actor, assignedHandlerId: string | null): boolean {
  if (firer === 'manager') return actor.isManager
  if (firer === 'complainant') return actor.isComplainant === true
  return actor.userId !== null && assignedHandlerId !== null && actor.userId === assignedHandlerId
}

/**
 * May `actor` move a case from `from` to `to`? The workflow is checked before the person, so an
 * impossible step gets the workflow's reason whoever asks.
 *
 * `assignedHandlerId` is the handler on record before this change: taking over a case and moving it
 * are two steps, so nobody can assign themselves and move the case in one save.
 * Callers check only real changes; `from === to` is refused so that the table covers every pair.
 * What the regulation requires before the step is `missingRequirements` (requirements.ts).
 */
export function canTransition(
  from: Status,
  to: Status,
  actor: Actor,
  assignedHandlerId: string | null,
): TransitionCheck {
  if (!allowedTargets(from).includes(to)) return { ok: false, reason: refusal(from, to) }
  const firers = firersOf(to)
  if (firers.some((firer) => mayFire(firer, actor, assignedHandlerId))) return { ok: true }
  if (actor.isComplainant)
    return { ok: false, reason: 'Dit kunt u niet zelf doen. Neem contact op met de behandelaar van uw klacht.' }
  // A staff member reads who among the staff may; the complainant's own step is not theirs to take.
  const who = firers
    .filter((firer) => firer !== 'complainant')
    .map((firer) => FIRER_NAMES[firer])
    .join(' of ')
  const adminNote = actor.isAdmin && !actor.isManager ? ' De rol beheerder geeft dat recht niet.' : ''
  return { ok: false, reason: `Alleen ${who} kan de status wijzigen.${adminNote}` }
}
