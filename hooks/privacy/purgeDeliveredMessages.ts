import type { Payload, PayloadRequest, Where } from 'payload'

import { REDACTED_BODY } from '../../cms/email/statuses'
import type { Outbox } from '../../cms/payload-types'

/** Decision 19: a delivered message keeps its body and attachments this many days after delivery. */
export const DELIVERED_MESSAGE_DAYS = 30

/**
 * What the purge removes from a delivered message (Decision 19): its bodies and attachments (the rows and
 * their base64). The PDF in the dossier is the record. Everything else stays: status, purpose,
 * complaint, sentAt, providerId, idempotencyKey, attempts; the recipients and subject until the case is
 * anonymised. The records of processing read this list.
 */
export const PURGED_MESSAGE_FIELDS = ['text', 'html', 'attachments'] as const satisfies readonly (keyof Outbox)[]

/** What stays of a purged body (both are required fields): the fact, and where the letter is. */
export const PURGED_BODY = {
  text: 'Verstuurd. De inhoud van dit bericht is 30 dagen na bezorging verwijderd (bewaartermijn). De brief zelf staat als PDF in het dossier.',
  html: '<p>Verstuurd. De inhoud van dit bericht is 30 dagen na bezorging verwijderd (bewaartermijn). De brief zelf staat als PDF in het dossier.</p>',
} as const

/**
 * Why a message's body is no longer the message, if it is not: purged after delivery (Decision 19), or
 * a credential's body replaced at delivery (Decision 20). Such a message has nothing to send again.
 */
export const removedContent = (message: Pick<Outbox, 'text'>): 'purged' | 'credential' | null =>
  message.text === PURGED_BODY.text ? 'purged' : message.text === REDACTED_BODY.text ? 'credential' : null

const PAGE = 50

/**
 * Decision 19: outbox messages delivered (status `sent`) more than 30 days before `now` lose their
 * bodies and attachments. Queued, held and failed messages are never purged: they were not delivered,
 * and a failed one may still be sent again. Idempotent: a purged message no longer matches, so a
 * second run writes nothing. Called by the retention job; returns how many messages it purged.
 */
export async function purgeDeliveredMessages(
  payload: Payload,
  now: Date,
  req?: Partial<PayloadRequest>,
): Promise<{ purged: number }> {
  const cutoff = new Date(now.getTime() - DELIVERED_MESSAGE_DAYS * 24 * 60 * 60 * 1000)
  const where: Where = {
    and: [
      { status: { equals: 'sent' } },
      { sentAt: { less_than: cutoff.toISOString() } },
      { text: { not_in: [PURGED_BODY.text, REDACTED_BODY.text] } },
    ],
  }
  let purged = 0
  for (;;) {
    // Trusted system code: nobody reads or changes the outbox through the API (collections/Outbox.ts).
    const { docs } = await payload.find({
      collection: 'outbox',
      where,
      overrideAccess: true,
      depth: 0,
      limit: PAGE,
      select: { status: true },
      req,
    })
    if (docs.length === 0) return { purged }
    // The outbox has no hooks that refuse a change (collections/Outbox.ts): no context flag needed.
    for (const { id } of docs) {
      await payload.update({
        collection: 'outbox',
        id,
        overrideAccess: true,
        depth: 0,
        req,
        data: { ...PURGED_BODY, attachments: [] },
      })
      purged += 1
    }
  }
}
