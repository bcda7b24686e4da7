import type { PayloadRequest } from 'payload'

import type { MessagePurpose } from '../../cms/email/statuses'
import { recordEvent, type EventData } from '../caseEvents/recordEvent'
import { SENT_FIELD } from './sentField'

/**
 * A letter of a case was sent — delivered by the outbox, or posted (Decision 12): the moment goes
 * on the case (a deadline is met by the sending, DOMAIN.md) and into its timeline. The one place
 * where "sent" is recorded, whichever way the letter went.
 */
export async function recordSending(
  req: PayloadRequest,
  sending: { complaint: string; purpose: MessagePurpose; at: string; actor?: string | null; data: EventData },
): Promise<void> {
  const field = SENT_FIELD[sending.purpose]
  if (field) {
    // Trusted bookkeeping: no role writes these fields, and it changes no workflow field.
    await req.payload.update({
      collection: 'complaints',
      id: sending.complaint,
      data: { lettersSent: { [field]: sending.at } },
      overrideAccess: true,
      depth: 0,
      context: { workflowBookkeeping: true },
      req,
    })
  }
  const actor = sending.actor ?? null
  await recordEvent(
    req.payload,
    { complaint: sending.complaint, type: 'letter_sent', actor, actorKind: actor ? 'staff' : 'system', data: { purpose: sending.purpose, ...sending.data }, at: new Date(sending.at) },
    req,
  )
}
