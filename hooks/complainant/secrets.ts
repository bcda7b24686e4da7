import { createHmac, randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

/** Decision 20: a link is valid for one hour, a session for at most 30 minutes. */
export const LINK_VALID_MS = 60 * 60 * 1000
export const SESSION_VALID_MS = 30 * 60 * 1000

/** A fresh unguessable value (256 bits), URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url')

/**
 * The stored form of a token, a session or an e-mail address: an HMAC with the instance's secret, so
 * the database alone gives no usable link or session back. `purpose` keeps the kinds apart.
 */
export function keyedHash(
  payload: Payload,
  purpose: 'link' | 'session' | 'email' | 'link-token',
  value: string,
): string {
  return createHmac('sha256', payload.secret).update(`complainant-${purpose}:${value}`).digest('base64url')
}

/**
 * The link's token, derived from the request's own random id, so a link job that runs twice
 * (PITFALLS: jobs can run twice) makes the same link and the same mail, never a second one.
 */
export const linkTokenFor = (payload: Payload, requestId: string): string => keyedHash(payload, 'link-token', requestId)
