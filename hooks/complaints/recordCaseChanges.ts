import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import type { Complaint } from '../../cms/payload-types'
import type { EventDataOf } from '../caseEvents/eventData'
import type { CaseEventType } from '../caseEvents/eventTypes'
import { recordEvent } from '../caseEvents/recordEvent'
import { issueLetter } from '../letters/issueLetter'
import { queueUwvNotificationIfMissing } from '../letters/pendingNotifications'
import { takeLetters } from '../letters/pendingLetters'
import { queueLetterRetry } from '../letters/retryLetter'
import { refoldingOnce } from '../reports/facts/projectCase'
import { takeChanges } from './workflow/pendingChanges'
import { relId } from '../relations'

/** The paths of the classification the Art. 9 report counts by, and the part of `classified` each fills. */
const CLASSIFICATION_PATHS = ['channel', 'complainant.role', 'complainant.clientOrganisation', 'categories'] as const
const TRAVEL_COSTS = 'hearing.travelCostRequested'

/**
 * What this save changed of what the Art. 9 report counts: the classification (only the parts that
 * changed, as codes) and a new request for travel costs (Art. 6.4: the box going from unticked to
 * ticked; a save that leaves it ticked is no new request). `changed` comes from enforceWorkflow.
 */
async function classificationChanges(
  req: PayloadRequest,
  id: string,
  changed: readonly string[],
): Promise<{ classified: EventDataOf<'classified'> | null; travelCostsRequested: boolean }> {
  const touched = CLASSIFICATION_PATHS.filter((path) => changed.includes(path))
  const travel = changed.includes(TRAVEL_COSTS)
  if (touched.length === 0 && !travel) return { classified: null, travelCostsRequested: false }
  // Trusted read of the values just saved: codes only, whoever saved (the actor may not read the
  // complainant group, yet a change of its role counts in the report).
  const saved = await req.payload.findByID({
    collection: 'complaints',
    id,
    depth: 0,
    joins: false,
    overrideAccess: true,
    select: { channel: true, complainant: { role: true, clientOrganisation: true }, categories: true, hearing: true },
    req,
  })
  const classified: EventDataOf<'classified'> = {}
  if (touched.includes('channel')) classified.channel = saved.channel
  if (touched.includes('complainant.role')) classified.role = saved.complainant.role
  if (touched.includes('complainant.clientOrganisation'))
    classified.clientOrganisation = saved.complainant.clientOrganisation ?? null
  if (touched.includes('categories')) classified.categories = saved.categories ?? []
  return {
    classified: touched.length > 0 ? classified : null,
    travelCostsRequested: travel && saved.hearing?.travelCostRequested === true,
  }
}

/**
 * After a change to a case: its timeline (who, when, what — ids and codes only, no personal
 * data) and the letters this save issues (composed and checked by enforceWorkflow), queued in the
 * outbox. A letter counts as sent when the outbox delivered it (recordLetterSent), not now.
 * Art. 9: the case's report facts are folded once, after the last entry of the save
 * (refoldingOnce, hooks/reports/facts/projectCase.ts), also when the save fails half-way.
 */
export const recordCaseChanges: CollectionAfterChangeHook<Complaint> = (args) =>
  refoldingOnce(
    args.req.payload,
    args.req,
    () => recordChangesOfSave(args),
    (error) =>
      args.req.payload.logger.error({ err: error, msg: `Report facts of ${args.doc.reference} could not be folded` }),
  )

const recordChangesOfSave = async ({
  context,
  doc: visible,
  operation,
  previousDoc,
  req,
}: Parameters<CollectionAfterChangeHook<Complaint>>[0]): Promise<Complaint> => {
  if (operation !== 'update' || context.systemOperation) return visible
  const { payload } = req
  // Whoever may change a case reads its workflow fields, so the timeline entries come from `visible`.
  const doc = visible
  const actor = req.user?.collection === 'users' ? req.user.id : null
  // Decision 20: a save the complainant made on their own page is theirs on the timeline; the
  // letters it issues are the portal's doing.
  const complainant = !actor && typeof context.complainant === 'string' && context.complainant === doc.id
  const actorKind = actor ? 'staff' : complainant ? 'complainant' : 'system'
  // The case is saved (SQLite runs without transactions): a timeline entry that cannot be written is
  // logged, and never stops the letters this save issues below.
  const event = <T extends CaseEventType>(type: T, data: EventDataOf<T>) =>
    recordEvent(payload, { complaint: doc.id, type, actor, actorKind, data }, req).catch((error: unknown) =>
      payload.logger.error({ err: error, msg: `Timeline entry ${type} of ${doc.reference} could not be written` }),
    )

  const systemEvent = <T extends CaseEventType>(type: T, data: EventDataOf<T>) =>
    recordEvent(payload, { complaint: doc.id, type, actorKind: 'system', data }, req).catch((error: unknown) =>
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
  const classification = await classificationChanges(req, doc.id, changes?.fields ?? [])
  if (classification.classified) await event('classified', classification.classified)
  if (classification.travelCostsRequested) await event('travel_costs_requested', {})
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
      await (complainant ? systemEvent : event)('letter_issued', {
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
