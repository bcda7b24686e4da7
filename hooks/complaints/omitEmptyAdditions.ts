import type { CollectionAfterReadHook } from 'payload'

import type { Complaint } from '../../cms/payload-types'

/** The complaint's top-level arrays of personal data: the complainant's additions (Decision 20) and the requests for inspection (AVG art. 15). */
const PERSONAL_ARRAYS = ['complainantAdditions', 'inspectionRequests'] as const

/**
 * Payload answers a top-level array whose read access is denied as an empty list, not by leaving it
 * out: these arrays would show up as a key in every answer to someone who may not read them (a
 * handler looking at the queue), and the access log would count the read as one of personal data.
 * An empty list says nothing either way, so it is left out for everyone; whoever may read a
 * non-empty one gets it.
 */
export const omitEmptyAdditions: CollectionAfterReadHook<Complaint> = ({ doc }) => {
  let result = doc as unknown as Record<string, unknown>
  for (const name of PERSONAL_ARRAYS) {
    const value = result[name]
    if (Array.isArray(value) && value.length === 0) {
      const { [name]: _empty, ...rest } = result
      result = rest
    }
  }
  return result
}
