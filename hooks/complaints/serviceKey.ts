import { createHmac, timingSafeEqual } from 'node:crypto'

import type { Payload } from 'payload'

const PREFIX = 'service-accounts API-Key '

/** The stored form of a service key: an HMAC with the instance's secret, so the database never holds the key. */
export function hashServiceKey(payload: Payload, key: string): string {
  return createHmac('sha256', payload.secret).update(`service-key:${key}`).digest('hex')
}

/**
 * The doors a service key may open. `complaint-intake`: hand in a complaint and ask whether it was
 * stored. `complainant`: the complainant's own page (Decision 20) — request a link, open a session,
 * read the one case of that session. One scope opens none of the other's endpoints.
 */
export type ServiceScope = 'complaint-intake' | 'complainant'

/** True when the request carries the key of a service account with the scope (or one of the scopes). */
export async function hasServiceScope(
  payload: Payload,
  authorization: string | null,
  scope: ServiceScope | readonly ServiceScope[],
): Promise<boolean> {
  if (!authorization?.startsWith(PREFIX)) return false
  const hash = hashServiceKey(payload, authorization.slice(PREFIX.length).trim())
  // Trusted: the key's hash is never readable through the API. One indexed read at adapter level
  // (no count, no hooks): every intake asks, and a revoked key stops working at once.
  const account = (await payload.db.findOne({
    collection: 'service-accounts',
    where: { keyHash: { equals: hash } },
    select: { keyHash: true, scopes: true },
  })) as {
    keyHash?: string | null
    scopes?: string[] | null
  } | null
  if (!account?.keyHash) return false
  const same =
    Buffer.from(account.keyHash, 'hex').length === Buffer.from(hash, 'hex').length &&
    timingSafeEqual(Buffer.from(account.keyHash, 'hex'), Buffer.from(hash, 'hex'))
  const wanted: readonly string[] = typeof scope === 'string' ? [scope] : scope
  return same && (account.scopes ?? []).some((held) => wanted.includes(held))
}
