import type { CollectionAfterChangeHook } from 'payload'

import type { Letter } from '../../cms/payload-types'
import { recordEvent } from '../caseEvents/recordEvent'
import { SENT_FIELD } from './sentField'

/** Decision 12: the posting date of a letter by post counts as its sending, on the case and in its timeline. */
export const recordPosting: CollectionAfterChangeHook<Letter> = async ({ doc, previousDoc, req }) => {
  if (doc.channel !== 'post' || !doc.postedAt || doc.postedAt === previousDoc?.postedAt) return doc
  const complaint = typeof doc.complaint === 'string' ? doc.complaint : doc.complaint.id
  const field = SENT_FIELD[doc.purpose]
  if (field) {
    // Trusted bookkeeping: no role writes these fields directly.
    await req.payload.update({
      collection: 'complaints',
      id: complaint,
      data: { lettersSent: { [field]: doc.postedAt } },
      overrideAccess: true, depth: 0,
      context: { workflowBookkeeping: true },
      req,
    })
  }
  const actor = req.user?.collection === 'users' ? req.user.id : null
  await recordEvent(req.payload, { complaint, type: 'letter_sent', actor, actorKind: actor ? 'staff' : 'system', data: { purpose: doc.purpose, letter: doc.id, channel: 'post' }, at: new Date(doc.postedAt) }, req)
  return doc
}
