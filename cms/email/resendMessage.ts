import { randomUUID } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import { recordEvent } from '../../hooks/caseEvents/recordEvent'
import { removedContent } from '../../hooks/privacy/purgeDeliveredMessages'
import { idempotencyKeyFor } from './deliver'
import { queueDelivery } from './enqueue'

export type ResendResult = { ok: true; newKey: boolean } | { ok: false; status: 404 | 409; message: string }

/**
 * A manager or admin sends a failed message again. It goes back in the queue with its attempts
 * counted anew, and the resend is recorded on the message and, for a case, on its timeline.
 *
 * The idempotency key decides whether Resend may deliver it twice. A NEW key only when the last
 * attempt certainly did not deliver (Resend refused it, or it was never handed over). When it gave
 * up without a certain answer, the message may have arrived: it keeps its key, so Resend answers
 * with the first delivery if there was one (Resend keeps keys for 24 hours), instead of sending it again.
 */
export async function resendMessage(
  payload: Payload,
  id: string,
  by: { id: string },
  req?: Partial<PayloadRequest>,
  now = new Date(),
): Promise<ResendResult> {
  // Trusted: the endpoint checked the caller's role; the outbox has no update access for anyone.
  const message = await payload.findByID({
    collection: 'outbox',
    id,
    overrideAccess: true,
    depth: 0,
    req,
    disableErrors: true,
  })
  if (!message) return { ok: false, status: 404, message: 'Dit bericht bestaat niet.' }
  // Decisions 19, 20: a removed body is a note, not the message; sending it again would mail that note.
  const removed = removedContent(message)
  if (removed)
    return {
      ok: false,
      status: 409,
      message:
        removed === 'purged'
          ? 'Dit bericht kan niet opnieuw worden verstuurd: de inhoud is 30 dagen na bezorging verwijderd. De brief staat als PDF in het dossier.'
          : 'Dit bericht kan niet opnieuw worden verstuurd: de inhoud bevatte een inloglink en is verwijderd. Vraag een nieuwe link aan.',
    }
  if (message.status !== 'failed')
    return { ok: false, status: 409, message: 'Alleen een mislukt bericht kan opnieuw worden verstuurd.' }

  const newKey = message.failureKind === 'refused'
  const complaint = typeof message.complaint === 'string' ? message.complaint : (message.complaint?.id ?? null)
  await payload.update({
    collection: 'outbox',
    id,
    overrideAccess: true,
    depth: 0,
    req,
    data: {
      status: 'queued',
      attempts: 0,
      lastError: null,
      failureKind: null,
      idempotencyKey: newKey
        ? idempotencyKeyFor(randomUUID(), {
            to: message.to ?? [],
            subject: message.subject,
            html: message.html,
            text: message.text,
          })
        : message.idempotencyKey,
      resends: [
        ...(message.resends ?? []).map(({ at, by, newKey }) => ({ at, by, newKey })),
        { at: now.toISOString(), by: by.id, newKey },
      ],
    },
  })
  await queueDelivery(payload, id, req)
  if (complaint) {
    await recordEvent(
      payload,
      {
        complaint,
        type: 'message_resent',
        actor: by.id,
        actorKind: 'staff',
        data: { message: id, purpose: message.purpose, newKey },
        at: now,
      },
      req,
    )
  }
  return { ok: true, newKey }
}
