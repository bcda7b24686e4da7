import type { CollectionAfterChangeHook } from 'payload'

import type { Outbox } from '../../cms/payload-types'
import { recordEvent } from '../caseEvents/recordEvent'
import { SENT_FIELD } from '../letters/sentField'


/** When the outbox delivered a letter of a case: the moment goes on the case and into its timeline. */
export const recordLetterSent: CollectionAfterChangeHook<Outbox> = async ({ doc, previousDoc, req }) => {
  if (doc.status !== 'sent' || previousDoc?.status === 'sent' || !doc.complaint || !doc.sentAt) return doc
  const complaint = typeof doc.complaint === 'string' ? doc.complaint : doc.complaint.id
  const field = SENT_FIELD[doc.purpose]
  if (field) {
    // Trusted bookkeeping: no role may write these fields, and it changes no workflow field.
    await req.payload.update({
      collection: 'complaints',
      id: complaint,
      data: { lettersSent: { [field]: doc.sentAt } },
      overrideAccess: true, depth: 0,
      context: { workflowBookkeeping: true },
      req,
    })
  }
  await recordEvent(req.payload, { complaint, type: 'letter_sent', actorKind: 'system', data: { purpose: doc.purpose, message: doc.id }, at: new Date(doc.sentAt) }, req)
  return doc
}
