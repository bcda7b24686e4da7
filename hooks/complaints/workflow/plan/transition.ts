/** The workflow's planner for a status change (DOMAIN.md, Case workflow). Pure. */
import type { Complaint } from '../../../../cms/payload-types'
import { missingRequirements } from '../requirements'
import { toSnapshot } from '../snapshot'
import { STATUS_LABELS, type Status } from '../statuses'
import { canTransition } from '../transitions'
import { type Person, type Refusal, refuse } from './refusal'

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
  /** The complainant of this case on their own page (Decision 20): they may only withdraw. */
  complainant?: boolean
}): Refusal[] {
  const { from, to, person } = input
  if (from === to) return []
  const actor = person
    ? { userId: person.id, isManager: person.isManager, isAdmin: false }
    : input.complainant
      ? { userId: null, isManager: false, isAdmin: false, isComplainant: true }
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
