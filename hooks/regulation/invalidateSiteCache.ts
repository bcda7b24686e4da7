import type { GlobalAfterChangeHook } from 'payload'

import { getEnv } from '../../cms/env'
import { SITE_CACHE_PATH, signInvalidation } from '../../cms/lib/siteCacheSignature'

/**
 * After a publication (or a settings change) the site drops its cached pages, so the first
 * request after it shows the new text, with no restart or rebuild. A draft save changes nothing
 * the public sees, so it sends nothing. If the site cannot be reached now, it rebuilds its cache
 * on its next start anyway; the failure is logged, never hidden.
 */
export const invalidateSiteCache: GlobalAfterChangeHook = async ({ context, doc, req }) => {
  // The start-up seed runs before the site does: there is no cache to drop yet.
  const saved = doc as { _status?: string }
  if (context.skipSiteCacheInvalidation) return saved
  const status = saved._status
  if (status !== undefined && status !== 'published') return saved
  await notifySite(req.payload.logger)
  return saved
}

export async function notifySite(logger: { warn: (message: string) => void }): Promise<boolean> {
  const env = getEnv()
  const timestamp = Date.now()
  try {
    const response = await fetch(`${env.SITE_INTERNAL_URL}${SITE_CACHE_PATH}`, {
      method: 'POST',
      // JSON, not a form: Astro's origin check guards form posts, and this is no browser's form.
      headers: {
        'content-type': 'application/json',
        'x-portal-timestamp': String(timestamp),
        'x-portal-signature': signInvalidation(env.SITE_CACHE_SECRET, timestamp),
      },
      body: '{}',
      signal: AbortSignal.timeout(3000),
    })
    if (!response.ok) {
      logger.warn(`site cache not invalidated: HTTP ${response.status}`)
      return false
    }
    return true
  } catch (error) {
    logger.warn(`site cache not invalidated: ${(error as Error).message}`)
    return false
  }
}
