import type { CollectionAfterChangeHook } from 'payload'

import type { Letter } from '../../cms/payload-types'
import { recordSending } from './recordSending'

/** Decision 12: the posting date of a letter by post counts as its sending. */
export const recordPosting: CollectionAfterChangeHook<Letter> = async ({ doc, previousDoc, req }) => {
  if (doc.channel !== 'post' || !doc.postedAt || doc.postedAt === previousDoc?.postedAt) return doc
  const complaint = typeof doc.complaint === 'string' ? doc.complaint : doc.complaint.id
  const actor = req.user?.collection === 'users' ? req.user.id : null
  await recordSending(req, { complaint, purpose: doc.purpose, at: doc.postedAt, actor, data: { letter: doc.id, channel: 'post' } })
  return doc
}
