import type { CollectionAfterChangeHook } from 'payload'

import type { Complaint } from '../../cms/payload-types'

/**
 * Runs first after a create: tells the caller (through the operation's context) which complaint
 * was written, so that when a later hook fails the intake can remove exactly that complaint.
 */
export const rememberCreatedId: CollectionAfterChangeHook<Complaint> = ({ context, doc, operation }) => {
  if (operation === 'create') context.createdComplaintId = doc.id
  return doc
}
