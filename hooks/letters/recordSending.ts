import type { PayloadRequest } from 'payload'

import type { MessagePurpose } from '../../cms/email/statuses'
import { MILESTONE_PURPOSES, recordLetterMilestones } from '../caseEvents/letterMilestones'
import { recordEvent, type EventData } from '../caseEvents/recordEvent'
import { refoldingOnce } from '../reports/facts/projectCase'
import { SENT_FIELD } from './sentField'

/**
 * A letter of a case was sent — delivered by the outbox, or posted (Decision 12): the moment goes
 * on the case (a deadline is met by the sending, DOMAIN.md) and into its timeline. The one place
 * where "sent" is recorded, whichever way the letter went. Art. 9: the case's report facts are
 * folded once, after its entries (the sending and the milestone it makes).
 */
export async function recordSending(req: PayloadRequest, sending: Sending): Promise<void> {
  await refoldingOnce(req.payload, req, () => recordSent(req, sending))
}

type Sending = {
  complaint: string
  purpose: MessagePurpose
  at: string
  actor?: string | null
  data: EventData
  replace?: boolean
}

async function recordSent(req: PayloadRequest, sending: Sending): Promise<void> {
  const field = SENT_FIELD[sending.purpose]
  if (
    field &&
    (sending.replace || REPEATABLE.has(sending.purpose) || !(await sentBefore(req, sending.complaint, field)))
  ) {
    // Trusted bookkeeping, named as such: no role writes these fields, and it changes no workflow field.
    await req.payload.update({
      collection: 'complaints',
      id: sending.complaint,
      data: { lettersSent: { [field]: sending.at } },
      overrideAccess: true,
      depth: 0,
      context: { systemOperation: 'recordSending' },
      req,
    })
  }
  const actor = sending.actor ?? null
  await recordEvent(
    req.payload,
    {
      complaint: sending.complaint,
      type: 'letter_sent',
      actor,
      actorKind: actor ? 'staff' : 'system',
      data: { purpose: sending.purpose, ...sending.data },
      at: new Date(sending.at),
    },
    req,
  )
  // Art. 7 note, Art. 6.3: a delay notice or a hearing report sent is itself a fact the Art. 9 report
  // counts, once per letter (letterMilestones.ts). The sending is recorded already: a failure here is logged.
  if (MILESTONE_PURPOSES.includes(sending.purpose))
    await recordLetterMilestones(req.payload, sending.complaint, req, actor).catch((error: unknown) =>
      req.payload.logger.error({
        err: error,
        msg: `Timeline entry for the ${sending.purpose} sent on case ${sending.complaint} could not be written`,
      }),
    )
}

/**
 * Letters that may go out again and then count anew (a new delay notice, a moved hearing). For the
 * others a later copy is a correction (Decision 16): the deadline was met, or not, by the first.
 */
const REPEATABLE = new Set<MessagePurpose>([
  'delay_notice',
  'hearing_invitation',
  'hearing_report',
  'agreements_confirmation',
  'hearing_cancellation',
])

async function sentBefore(
  req: PayloadRequest,
  complaint: string,
  field: NonNullable<(typeof SENT_FIELD)[MessagePurpose]>,
): Promise<boolean> {
  // Trusted read of the case's own bookkeeping.
  const doc = await req.payload.findByID({
    collection: 'complaints',
    id: complaint,
    depth: 0,
    joins: false,
    overrideAccess: true,
    select: { lettersSent: true },
    req,
    disableErrors: true,
  })
  return Boolean(doc?.lettersSent?.[field])
}
