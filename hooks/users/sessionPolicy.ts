/**
 * Staff sessions (OWASP ASVS 4.0.3 V3.3.2, V3.4.1, V3.4.3). Pure: the Users collection and its
 * refresh hook read these.
 *
 * The idle limit is the token's own lifetime: a token (and the admin's cookie) lives 30 minutes, and
 * only a refresh (`POST /api/users/refresh-token`, which the admin sends when the person navigates
 * near the end or answers its "stay logged in" question) gives a new one. A session nobody refreshed
 * for 30 minutes is refused by Payload's own JWT check. The absolute limit counts from the login
 * (the session's `createdAt`): no refreshed token outlives it.
 */

export const IDLE_LIMIT_SECONDS = 30 * 60
export const ABSOLUTE_LIMIT_SECONDS = 8 * 60 * 60

/** How long a token refreshed at `now` may live; 0 when the session has reached its absolute limit. */
export function refreshedTokenLifetime(sessionCreatedAt: Date, now: Date): number {
  const left = Math.floor((sessionCreatedAt.getTime() + ABSOLUTE_LIMIT_SECONDS * 1000 - now.getTime()) / 1000)
  return Math.max(0, Math.min(IDLE_LIMIT_SECONDS, left))
}

export type SessionCookieOptions = { secure: boolean; sameSite: 'Lax' }

/**
 * The session cookie is `Secure` whenever the admin is served over https, so the browser never sends
 * it over plain http; over http (development on localhost) a Secure cookie would not be stored.
 * `SameSite=Lax`: not sent with cross-site requests other than top-level navigation; `Strict` would
 * also drop it when staff follow a link to a case from their e-mail, and show them the login.
 */
export function sessionCookies(serverUrl: string): SessionCookieOptions {
  return { secure: new URL(serverUrl).protocol === 'https:', sameSite: 'Lax' }
}
