import type { CollectionAfterChangeHook } from 'payload'

import type { MessagePurpose } from '../../cms/email/statuses'
import type { Complaint, Setting } from '../../cms/payload-types'
import { recordEvent } from '../caseEvents/recordEvent'
import { issueLetter } from '../letters/issueLetter'
import { acknowledgementMessage, decisionMessage, delayNoticeMessage, informalConfirmationMessage, nonAdmissionMessage } from './caseMessages'
import type { Message } from './intakeMessages'
import { relId } from './workflow/snapshot'

/**
 * After a change to a case: its timeline (who, when, what — ids and codes only, no personal
 * data) and the letter the new status requires, queued in the outbox. The letter counts as sent
 * when the outbox delivered it (recordLetterSent), not now.
 */
export const recordCaseChanges: CollectionAfterChangeHook<Complaint> = async ({ context, doc: visible, operation, previousDoc, req }) => {
  if (operation !== 'update' || context.workflowBookkeeping) return visible
  const { payload } = req
  // Whoever may change a case reads its workflow fields, so the timeline entries come from `visible`.
  const doc = visible
  const actor = req.user?.collection === 'users' ? req.user.id : null
  const actorKind = actor ? 'staff' : 'system'
  const event = (type: Parameters<typeof recordEvent>[1]['type'], data: Record<string, string | number | boolean | null>) =>
    recordEvent(payload, { complaint: doc.id, type, actor, actorKind, data }, req)

  const handlerBefore = relId(previousDoc.assignedHandler)
  const handlerAfter = relId(doc.assignedHandler)
  if (handlerAfter !== handlerBefore) await event('handler_assigned', { handler: handlerAfter, previous: handlerBefore })
  if (doc.deadlines?.decisionTargetBy !== previousDoc.deadlines?.decisionTargetBy) {
    await event('deadline_changed', { clock: 'decisionTarget', from: previousDoc.deadlines?.decisionTargetBy ?? null, to: doc.deadlines?.decisionTargetBy ?? null })
  }
  const delayIssued = Boolean(doc.delayNotice?.issuedAt && doc.delayNotice.issuedAt !== previousDoc.delayNotice?.issuedAt)
  const statusChanged = doc.status !== previousDoc.status
  if (statusChanged) {
    await event('status_changed', { from: previousDoc.status, to: doc.status })
    if (doc.status === 'decided') await event('decision_recorded', { outcome: doc.decision?.outcome ?? null, remedy: doc.decision?.remedy ?? null })
  }
  if (!delayIssued && !statusChanged) return visible

  // A letter needs the whole case, not only the part this user may read, and the settings once.
  const full = await payload.findByID({ collection: 'complaints', id: visible.id, depth: 0, joins: false, overrideAccess: true, req })
  // Trusted: the sender and the organisation's details are admin settings.
  const settings = await payload.findGlobal({ slug: 'settings', overrideAccess: true, req, depth: 0 })
  if (delayIssued) await sendLetter(full, { purpose: 'delay_notice', content: delayNoticeMessage(full, settings) }, settings, req, event)
  const letter = statusChanged ? await letterFor(full, settings, req) : null
  if (letter) await sendLetter(full, letter, settings, req, event)
  return visible
}

type Req = Parameters<CollectionAfterChangeHook<Complaint>>[0]['req']
type EventFn = (type: 'letter_issued', data: Record<string, string | number | boolean | null>) => Promise<void>

async function sendLetter(doc: Complaint, letter: { purpose: MessagePurpose; content: Message }, settings: Setting, req: Req, event: EventFn): Promise<void> {
  const issued = await issueLetter(doc, letter, settings, req)
  await event('letter_issued', { purpose: letter.purpose, channel: issued.messageId ? 'email' : 'post', letter: issued.letter.id, message: issued.messageId })
}

async function letterFor(doc: Complaint, settings: Setting, req: Req): Promise<{ purpose: MessagePurpose; content: Message } | null> {
  const { payload } = req
  switch (doc.status) {
    case 'acknowledged': {
      const handlerId = relId(doc.assignedHandler)
      // Trusted read: the handler's name goes into the letter (Art. 5).
      const handler = handlerId ? await payload.findByID({ collection: 'users', id: handlerId, depth: 0, overrideAccess: true, req, disableErrors: true }) : null
      return { purpose: 'acknowledgement', content: acknowledgementMessage(doc, settings, handler, new Date()) }
    }
    case 'not_admitted':
      return { purpose: 'non_admission_notice', content: nonAdmissionMessage(doc, settings) }
    case 'decided':
      return { purpose: 'decision', content: decisionMessage(doc, settings) }
    case 'resolved_informally':
      return { purpose: 'informal_confirmation', content: informalConfirmationMessage(doc, settings) }
    default:
      return null
  }
}
