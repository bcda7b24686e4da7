import type { CollectionAfterReadHook } from 'payload'

import type { Complaint } from '../../cms/payload-types'

/**
 * Payload answers a top-level array whose read access is denied as an empty list, not by leaving it
 * out: the complainant's additions (Decision 20) would show up as a key in every answer to someone
 * who may not read them (a handler looking at the queue). An empty list says nothing either way, so
 * it is left out for everyone; whoever may read a non-empty one gets it.
 */
export const omitEmptyAdditions: CollectionAfterReadHook<Complaint> = ({ doc }) => {
  if (Array.isArray(doc.complainantAdditions) && doc.complainantAdditions.length === 0) {
    const { complainantAdditions: _empty, ...rest } = doc
    return rest as Complaint
  }
  return doc
}
