import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import type { Letter } from '../../cms/payload-types'
import { checkPostingDate } from './postingDate'

/** Decision 17 on every path (admin, REST, GraphQL, the Local API with or without a user); records who entered the date. */
export const guardPostingDate: CollectionBeforeChangeHook<Letter> = ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc) return data
  // What a letter is — its case, its kind, how it went, its e-mail once linked — never changes, for
  // anyone: otherwise a letter that went by e-mail could be given a posting date (Decision 12).
  const rel = (v: unknown) => (v && typeof v === 'object' && 'id' in v ? String(v.id) : v == null ? null : String(v))
  const fixed = (['complaint', 'purpose', 'channel'] as const).filter(
    (key) => key in data && rel(data[key]) !== rel(originalDoc[key]),
  )
  if ('message' in data && originalDoc.message && rel(data.message) !== rel(originalDoc.message))
    fixed.push('message' as never)
  if (fixed.length > 0) {
    throw new ValidationError(
      {
        collection: 'letters',
        errors: fixed.map((path) => ({
          path,
          message: 'Wat een brief is en hoe hij ging, verandert niet meer (besluit 16).',
        })),
        req,
      },
      req.t,
    )
  }
  if (!('postedAt' in data)) return data
  const errors = checkPostingDate({
    channel: originalDoc.channel,
    createdAt: originalDoc.createdAt,
    before: originalDoc.postedAt,
    after: data.postedAt,
    reason: data.postedAtChangeReason,
    previousReason: originalDoc.postedAtChangeReason,
    now: new Date(),
  })
  if (errors.length > 0) throw new ValidationError({ collection: 'letters', errors, req }, req.t)
  const changed = (originalDoc.postedAt ?? null) !== (data.postedAt ?? null)
  if (!changed) return data
  return { ...data, postedBy: req.user?.collection === 'users' ? req.user.id : null }
}
