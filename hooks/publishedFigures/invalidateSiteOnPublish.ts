import type { CollectionAfterChangeHook } from 'payload'

import type { PublishedFigure } from '../../cms/payload-types'
import { notifySite } from '../regulation/invalidateSiteCache'

/**
 * After a year's figures are published (or replaced), the site drops its cached pages, as after a
 * publication of the regulation: the next visitor of "Klachten in cijfers" sees the new copy.
 */
export const invalidateSiteOnPublish: CollectionAfterChangeHook<PublishedFigure> = async ({ context, doc, req }) => {
  if (context.skipSiteCacheInvalidation) return doc
  await notifySite(req.payload.logger)
  return doc
}
