import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The CMS tells the site to drop its page cache with a signed request: an HMAC of the
 * timestamp, valid for five minutes. Shared by the CMS hook (signing) and the site (checking).
 */
export const SITE_CACHE_PATH = '/internal/cache-invalidate'
const MAX_AGE_MS = 5 * 60 * 1000

export function signInvalidation(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`invalidate:${timestamp}`).digest('hex')
}

export function verifyInvalidation(
  secret: string,
  timestamp: string | null,
  signature: string | null,
  now: number,
): boolean {
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return false
  const ts = Number(timestamp)
  if (Math.abs(now - ts) > MAX_AGE_MS) return false
  const expected = Buffer.from(signInvalidation(secret, ts), 'hex')
  const given = Buffer.from(signature, 'hex')
  return expected.length === given.length && timingSafeEqual(expected, given)
}
