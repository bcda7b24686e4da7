import type { CollectionAfterChangeHook } from 'payload'

import type { Complaint } from '../../cms/payload-types'
import type { EventDataOf } from '../caseEvents/eventData'
import type { CaseEventType } from '../caseEvents/eventTypes'
import { recordEvent } from '../caseEvents/recordEvent'
import { issueLetter } from '../letters/issueLetter'
import { queueUwvNotificationIfMissing } from '../letters/pendingNotifications'
import { takeLetters } from '../letters/pendingLetters'
import { queueLetterRetry } from '../letters/retryLetter'
import { takeChanges } from './workflow/pendingChanges'
import { relId } from '../relations'

/**
 * After a change to a case: its timeline (who, when, what — ids and codes only, no personal
 * data) and the letters this save issues (composed and checked by enforceWorkflow), queued in the
 * outbox. A letter counts as sent when the outbox delivered it (recordLetterSent), not now.
 */
export const recordCaseChanges: CollectionAfterChangeHook<Complaint> = async ({
  context,
  doc: visible,
  operation,
  previousDoc,
  req,
}) => {
  if (operation !== 'update' || context.systemOperation) return visible
  const { payload } = req
  // Whoever may change a case reads its workflow fields, so the timeline entries come from `visible`.
  const doc = visible
  const actor = req.user?.collection === 'users' ? req.user.id : null
  const actorKind = actor ? 'staff' : 'system'
  // The case is saved (SQLite runs without transactions): a timeline entry that cannot be written is
  // logged, and never stops the letters this save issues below.
  const event = <T extends CaseEventType>(type: T, data: EventDataOf<T>) =>
    recordEvent(payload, { complaint: doc.id, type, actor, actorKind, data }, req).catch((error: unknown) =>
      payload.logger.error({ err: error, msg: `Timeline entry ${type} of ${doc.reference} could not be written` }),
    )

  const handlerBefore = relId(previousDoc.assignedHandler)
  const handlerAfter = relId(doc.assignedHandler)
  if (handlerAfter !== handlerBefore)
    await event('handler_assigned', { handler: handlerAfter, previous: handlerBefore })
  if (doc.deadlines?.decisionTargetBy !== previousDoc.deadlines?.decisionTargetBy) {
    await event('deadline_changed', {
      clock: 'decisionTarget',
      from: previousDoc.deadlines?.decisionTargetBy ?? null,
      to: doc.deadlines?.decisionTargetBy ?? null,
    })
  }
  const statusChanged = doc.status !== previousDoc.status
  if (statusChanged) {
    await event('status_changed', { from: previousDoc.status, to: doc.status })
    if (doc.status === 'decided')
      await event('decision_recorded', { outcome: doc.decision?.outcome ?? null, remedy: doc.decision?.remedy ?? null })
  }
  // Every change of substance: who and which fields, never their values (personal data stays on the case).
  const changes = takeChanges(req, doc.id)
  const fields = (changes?.fields ?? []).filter((path) => path !== 'status' && path !== 'assignedHandler')
  if (fields.length > 0) await event('fields_changed', { fields })
  if (changes?.correction)
    await event('correction_recorded', { kinds: changes.correction.kinds, fields: changes.correction.fields })

  // The letters enforceWorkflow composed (and checked) for this save.
  const pending = takeLetters(req, doc.id)
  // Composed with the whole case before the write; issuing needs only its id and reference.
  if (pending) {
    for (const letter of pending.letters) {
      let issued: Awaited<ReturnType<typeof issueLetter>>
      try {
        issued = await issueLetter(doc, letter, pending.settings, req)
      } catch (error) {
        // The case is saved (SQLite runs without transactions): its letter must not be lost with this
        // request. A job issues it as composed, with retries; the save itself succeeds.
        payload.logger.error({
          err: error,
          msg: `Letter ${letter.kind} of ${doc.reference} could not be issued now; queued to try again`,
        })
        await queueLetterRetry(payload, doc.id, letter, req, actor)
        continue
      }
      const channel = issued.messageId ? 'email' : 'post'
      await event('letter_issued', {
        purpose: letter.kind,
        channel,
        letter: issued.letter.id,
        message: issued.messageId,
        ...(letter.correction ? { correction: true } : {}),
      })
    }
  }

  // Art. 5: a complaint registered before a labour expert was known is reported once one is; the
  // notification is the doing of whoever made this save, not of the website the complaint came from.
  if (doc.status === 'received' || statusChanged) await queueUwvNotificationIfMissing(req, doc.id, actor)
  return visible
}
