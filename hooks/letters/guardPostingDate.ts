import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import type { Letter } from '../../cms/payload-types'
import { checkPostingDate } from './postingDate'

/** Decision 17 on every path (admin, REST, GraphQL, the Local API with or without a user); records who entered the date. */
export const guardPostingDate: CollectionBeforeChangeHook<Letter> = ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc || !('postedAt' in data)) return data
  const errors = checkPostingDate({
    channel: originalDoc.channel,
    createdAt: originalDoc.createdAt,
    before: originalDoc.postedAt,
    after: data.postedAt,
    reason: data.postedAtChangeReason,
    now: new Date(),
  })
  if (errors.length > 0) throw new ValidationError({ collection: 'letters', errors, req }, req.t)
  const changed = (originalDoc.postedAt ?? null) !== (data.postedAt ?? null)
  if (!changed) return data
  return { ...data, postedBy: req.user?.collection === 'users' ? req.user.id : null }
}
