import { createHmac, timingSafeEqual } from 'node:crypto'

import type { Payload } from 'payload'

const PREFIX = 'service-accounts API-Key '

/** The stored form of a service key: an HMAC with the instance's secret, so the database never holds the key. */
export function hashServiceKey(payload: Payload, key: string): string {
  return createHmac('sha256', payload.secret).update(`service-key:${key}`).digest('hex')
}

/** True when the request carries the key of a service account with the scope. */
export async function hasServiceScope(payload: Payload, authorization: string | null, scope: 'complaint-intake'): Promise<boolean> {
  if (!authorization?.startsWith(PREFIX)) return false
  const hash = hashServiceKey(payload, authorization.slice(PREFIX.length).trim())
  // Trusted: the key's hash is never readable through the API.
  const { docs } = await payload.find({ collection: 'service-accounts', where: { keyHash: { equals: hash } }, limit: 1, depth: 0, overrideAccess: true, showHiddenFields: true })
  const account = docs[0] as { keyHash?: string | null; scopes?: string[] } | undefined
  if (!account?.keyHash) return false
  const same = Buffer.from(account.keyHash, 'hex').length === Buffer.from(hash, 'hex').length && timingSafeEqual(Buffer.from(account.keyHash, 'hex'), Buffer.from(hash, 'hex'))
  return same && (account.scopes ?? []).includes(scope)
}
