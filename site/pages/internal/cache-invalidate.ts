import type { APIRoute } from 'astro'

import { verifyInvalidation } from '../../../cms/lib/siteCacheSignature'
import { invalidateAll } from '../../lib/cache'
import { siteEnv } from '../../lib/env'

/** The CMS's signed signal after a publication: the next request fetches the new text. */
export const POST: APIRoute = ({ request }) => {
  const secret = siteEnv().SITE_CACHE_SECRET
  const ok = verifyInvalidation(
    secret,
    request.headers.get('x-portal-timestamp'),
    request.headers.get('x-portal-signature'),
    Date.now(),
  )
  if (!ok) return new Response('Ongeldige handtekening', { status: 403 })
  invalidateAll()
  return new Response(null, { status: 204 })
}
