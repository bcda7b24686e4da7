import type { Endpoint } from 'payload'

import { readSiteVersion } from '../../hooks/site/readSiteVersion'

/**
 * GET /api/site-version — the content version of the public site (hooks/site/readSiteVersion.ts),
 * a few bytes of plain text. Public on purpose: it holds no content, only a hash that changes with
 * every publication, and each site process asks it every few seconds (site/server.ts), so it
 * needs no key and must stay cheap. Never cached on the way.
 */
export const siteVersionEndpoint: Endpoint = {
  path: '/site-version',
  method: 'get',
  handler: async (req) =>
    new Response(await readSiteVersion(req.payload), {
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    }),
}
