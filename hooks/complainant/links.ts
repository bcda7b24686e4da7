import type { Payload, PayloadRequest } from 'payload'

import { enqueueEmailOnce, OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { senderOf } from '../../cms/email/sender'
import type { Complaint } from '../../cms/payload-types'
import { once } from '../effects/once'
import { normaliseEmail, normaliseReference } from './linkRequest'
import { keyedHash, LINK_VALID_MS, linkTokenFor, newSecret } from './secrets'

export const COMPLAINANT_LINK_TASK = 'sendComplainantLink'

/** What the link job carries: no e-mail address (only its HMAC), no token (only the random id it is derived from). */
export type LinkRequest = { requestId: string; reference: string; emailHash: string; requestedAt: string }

/**
 * Decision 20: a request for a link on `/mijn-klacht`. Whether the reference and the address belong
 * together is decided later, in the job, so the answer to every well-formed request is the same
 * write and takes the same time: this function never reads a complaint.
 */
export async function queueComplainantLink(
  payload: Payload,
  request: { reference: string; email: string },
  now: Date = new Date(),
): Promise<void> {
  const input: LinkRequest = {
    requestId: newSecret(),
    reference: normaliseReference(request.reference),
    emailHash: keyedHash(payload, 'email', normaliseEmail(request.email)),
    requestedAt: now.toISOString(),
  }
  await payload.jobs.queue({ task: COMPLAINANT_LINK_TASK, queue: OUTBOX_QUEUE, input })
}

export const linkUrl = (siteUrl: string, token: string): string =>
  `${siteUrl.replace(/\/+$/, '')}/mijn-klacht/toegang?t=${encodeURIComponent(token)}`

/** The mail with the link (B1). It names no detail of the case: only the reference the person typed. */
export function linkMessage(reference: string, url: string): { subject: string; text: string; html: string } {
  const lines = [
    'Beste lezer,',
    `U vroeg op onze website een link aan om uw klacht ${reference} te bekijken.`,
    'Klik op de link hieronder. Daarna klikt u op de knop "Bekijk mijn klacht".',
    url,
    'De link werkt één keer en is één uur geldig. Werkt de link niet meer? Vraag dan een nieuwe link aan op onze website.',
    'Hebt u geen link aangevraagd? Dan hoeft u niets te doen. Zonder deze e-mail kan niemand uw klacht bekijken.',
    'Met vriendelijke groet,\nWorking Progression',
  ]
  const escape = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  const html = lines
    .map((line) =>
      line === url
        ? `<p><a href="${escape(url)}">${escape(url)}</a></p>`
        : `<p>${escape(line).replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n')
  return { subject: `Uw link om klacht ${reference} te bekijken`, text: lines.join('\n\n'), html }
}

type Reachable = Pick<Complaint, 'id' | 'reference'> & {
  complainant?: { email?: string | null } | null
  privacy?: { anonymisedAt?: string | null } | null
}

/**
 * The link job (Decision 20): if the reference and the address belong together — and the case has
 * an e-mail address and is not anonymised — make a single-use link valid for one hour and queue the
 * mail through the outbox (purpose `complainant_link`: its body is readable by nobody and replaced
 * once delivered). Otherwise nothing happens, and nobody can tell. Runs twice safely: the token is
 * derived from the request's id, the link and the mail are each made once (by unique keys).
 */
export async function sendComplainantLink(
  payload: Payload,
  input: LinkRequest,
  options: { siteUrl: string; req?: Partial<PayloadRequest> },
): Promise<'sent' | 'skipped'> {
  // Trusted job code: one indexed read of the fields the check needs, no hooks, no access log
  // (nobody reads the case here; it is only compared).
  const found = await payload.db.findOne<Reachable>({
    collection: 'complaints',
    where: { reference: { equals: input.reference } },
    select: { reference: true, complainant: { email: true }, privacy: { anonymisedAt: true } },
    req: options.req,
  })
  const email = found?.complainant?.email?.trim()
  if (!found || !email || found.privacy?.anonymisedAt) return 'skipped'
  if (keyedHash(payload, 'email', normaliseEmail(email)) !== input.emailHash) return 'skipped'

  const token = linkTokenFor(payload, input.requestId)
  const expiresAt = new Date(new Date(input.requestedAt).getTime() + LINK_VALID_MS).toISOString()
  await once(payload, {
    collection: 'complainant-links',
    field: 'tokenHash',
    key: keyedHash(payload, 'link', token),
    make: () => ({ data: { complaint: found.id, tokenHash: keyedHash(payload, 'link', token), expiresAt } }),
    req: options.req,
  })
  const settings = await payload.findGlobal({ slug: 'settings', depth: 0, req: options.req })
  const message = linkMessage(found.reference ?? input.reference, linkUrl(options.siteUrl, token))
  await enqueueEmailOnce(
    payload,
    {
      ...message,
      to: [email],
      purpose: 'complainant_link',
      complaint: found.id,
      idempotencyKey: `complainant-link-${keyedHash(payload, 'link', input.requestId).slice(0, 32)}`,
    },
    { req: options.req, defaultFrom: senderOf(settings) },
  )
  return 'sent'
}
