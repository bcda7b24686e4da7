/** The workflow's planners for who handles a case (Art. 4, the handler role): on record, take-over and assignment. Pure. */
import { NON_ADMISSION_GROUNDS } from '../../vocabulary'
import { checkIndependence } from '../requirements'
import { STATUS_LABELS, type Status } from '../statuses'
import { type Person, type Refusal, refuse } from './refusal'

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
 * themselves, not when involved (Art. 4), and moves it in a later save. Why a later save: until
 * the case is theirs a handler reads only its reference, date, categories and deadlines
 * (Decision 15), and every step from "received" rests on what the case file says — the
 * acknowledgement's facts and conduct dates (Art. 5), the grounds and reasons of a non-admission
 * (Art. 8.5), the complainant's confirmation of an informal settlement (Art. 5, note), the date of a
 * withdrawal (Decision 9) — and sends the complainant a letter at once. Taken and moved in one save,
 * that letter would rest on a file the handler has not seen. A manager reads the file before
 * taking a case, so a manager takes and moves it in one save.
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
