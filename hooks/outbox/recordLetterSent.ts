import type { CollectionAfterChangeHook } from 'payload'

import type { Outbox } from '../../cms/payload-types'
import { recordSending } from '../letters/recordSending'

/** When the outbox delivered a letter of a case: recorded as its sending. */
export const recordLetterSent: CollectionAfterChangeHook<Outbox> = async ({ doc, previousDoc, req }) => {
  if (doc.status !== 'sent' || previousDoc?.status === 'sent' || !doc.complaint || !doc.sentAt) return doc
  const complaint = typeof doc.complaint === 'string' ? doc.complaint : doc.complaint.id
  await recordSending(req, { complaint, purpose: doc.purpose, at: doc.sentAt, data: { message: doc.id } })
  return doc
}
