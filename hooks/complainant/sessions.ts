import type { Payload } from 'payload'

import { isUniqueViolation } from '../effects/once'
import { relId } from '../relations'
import { keyedHash, newSecret, SESSION_VALID_MS } from './secrets'

/** Why a link opened no session: used before, older than an hour, or no link of ours at all. */
export type LinkRefusal = 'used' | 'expired' | 'unknown'

export type OpenedSession = { kind: 'opened'; session: string; expiresAt: string }

type LinkRow = { id: string; complaint: unknown; expiresAt: string; usedAt?: string | null }
type SessionRow = { id: string; complaint: unknown; expiresAt: string }

/**
 * Decision 20: the press of "Bekijk mijn klacht" (a POST, never the link's GET) uses the link and
 * starts a session of at most 30 minutes, for the link's one case. Only the session's HMAC is
 * stored; the value goes to the site's cookie. Single use is the database's decision: a session's
 * `link` is unique, so of two presses at once exactly one opens a session. Trusted server code: the
 * collections have no API access at all.
 */
export async function openComplainantSession(
  payload: Payload,
  token: string,
  now: Date = new Date(),
): Promise<OpenedSession | { kind: 'refused'; reason: LinkRefusal }> {
  const link = await payload.db.findOne<LinkRow>({
    collection: 'complainant-links',
    where: { tokenHash: { equals: keyedHash(payload, 'link', token) } },
  })
  if (!link) return { kind: 'refused', reason: 'unknown' }
  if (link.usedAt) return { kind: 'refused', reason: 'used' }
  if (new Date(link.expiresAt).getTime() <= now.getTime()) return { kind: 'refused', reason: 'expired' }
  const complaint = relId(link.complaint)
  if (!complaint) return { kind: 'refused', reason: 'unknown' }

  const session = newSecret()
  const expiresAt = new Date(now.getTime() + SESSION_VALID_MS).toISOString()
  try {
    await payload.create({
      collection: 'complainant-sessions',
      overrideAccess: true,
      depth: 0,
      data: { complaint, link: link.id, sessionHash: keyedHash(payload, 'session', session), expiresAt },
    })
  } catch (error) {
    if (isUniqueViolation(error, 'link')) return { kind: 'refused', reason: 'used' }
    throw error
  }
  await payload.update({
    collection: 'complainant-links',
    id: link.id,
    overrideAccess: true,
    depth: 0,
    data: { usedAt: now.toISOString() },
  })
  return { kind: 'opened', session, expiresAt }
}

/** The one case a session opens, or null when it is unknown, ended or older than 30 minutes. */
export async function caseOfSession(payload: Payload, session: string, now: Date = new Date()): Promise<string | null> {
  if (!session) return null
  const row = await payload.db.findOne<SessionRow>({
    collection: 'complainant-sessions',
    where: { sessionHash: { equals: keyedHash(payload, 'session', session) } },
  })
  if (!row || new Date(row.expiresAt).getTime() <= now.getTime()) return null
  return relId(row.complaint)
}

/** Sign out: the session is gone; its cookie opens nothing any more. */
export async function endComplainantSession(payload: Payload, session: string): Promise<void> {
  if (!session) return
  await payload.db.deleteMany({
    collection: 'complainant-sessions',
    where: { sessionHash: { equals: keyedHash(payload, 'session', session) } },
  })
}
