import type { CollectionAfterChangeHook } from 'payload'

import type { Letter } from '../../cms/payload-types'
import { recordEvent } from '../caseEvents/recordEvent'
import { refoldingOnce } from '../reports/facts/projectCase'
import { recordSending } from './recordSending'

/**
 * Decision 12: the posting date of a letter by post counts as its sending; a correction of it is on
 * the timeline (Decision 17). Art. 9: the case's report facts are folded once, after its entries.
 */
export const recordPosting: CollectionAfterChangeHook<Letter> = (args) =>
  refoldingOnce(args.req.payload, args.req, () => recordPostingDate(args))

const recordPostingDate = async ({
  doc,
  previousDoc,
  req,
}: Parameters<CollectionAfterChangeHook<Letter>>[0]): Promise<Letter> => {
  if (doc.channel !== 'post' || !doc.postedAt || doc.postedAt === previousDoc?.postedAt) return doc
  const complaint = typeof doc.complaint === 'string' ? doc.complaint : doc.complaint.id
  const actor = req.user?.collection === 'users' ? req.user.id : null
  if (previousDoc?.postedAt) {
    // The reason stays on the letter; the event says only that the date moved (Decision 19).
    await recordEvent(
      req.payload,
      {
        complaint,
        type: 'posting_date_corrected',
        actor,
        actorKind: actor ? 'staff' : 'system',
        data: { letter: doc.id, purpose: doc.purpose, from: previousDoc.postedAt, to: doc.postedAt },
      },
      req,
    )
  }
  await recordSending(req, {
    complaint,
    purpose: doc.purpose,
    at: doc.postedAt,
    actor,
    data: { letter: doc.id, channel: 'post' },
    replace: Boolean(previousDoc?.postedAt),
  })
  return doc
}
