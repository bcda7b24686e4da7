import { createHash } from 'node:crypto'

import type { Payload } from 'payload'

/**
 * The "content version" of what the public site shows: a short hash of the `updatedAt` of the
 * published regulation and of the settings, and of the number and latest `updatedAt` of the
 * published figures. Every publication changes it in the very write that publishes (Payload sets
 * `updatedAt` of a global's main document on a publication or a save, never on a draft save; a
 * published year is a document of its own), so no hook has to remember to bump a counter, and a
 * crash between "publish" and "bump" cannot exist. The site compares it with the one it saw last
 * (site/server.ts, `createVersionCheck`) and drops its caches when it differs.
 *
 * Three indexed single-row reads; it reveals nothing but that something was published.
 */
export async function readSiteVersion(payload: Payload): Promise<string> {
  // overrideAccess: only timestamps and a count are read, none of the documents' content.
  const [regulation, settings, figures, newest] = await Promise.all([
    payload.findGlobal({
      slug: 'regulation',
      depth: 0,
      draft: false,
      select: { updatedAt: true },
      overrideAccess: true,
    }),
    payload.findGlobal({ slug: 'settings', depth: 0, select: { updatedAt: true }, overrideAccess: true }),
    payload.count({ collection: 'published-figures', overrideAccess: true }),
    payload.find({
      collection: 'published-figures',
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
      pagination: false,
      select: { updatedAt: true },
      overrideAccess: true,
    }),
  ])
  const parts = [regulation.updatedAt, settings.updatedAt, figures.totalDocs, newest.docs[0]?.updatedAt]
  return createHash('sha256').update(parts.map(String).join('|')).digest('base64url').slice(0, 16)
}
