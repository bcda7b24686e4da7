import type { Payload } from 'payload'

import type { Complaint } from '../../cms/payload-types'

/*
 * The confirmation of a complaint from the public form, found by its form token: what the intake
 * answers (hooks/complaints/registerComplaint.ts), also for a repeated form, and what the site's
 * status check answers after a timeout (cms/endpoints/checkIntakeStatus.ts).
 */

/** What the confirmation page shows: it comes from the write itself, never from reading back. */
export type Confirmation = {
  reference: string
  receivedAt: string
  deadlines: { acknowledgeBy: string; nonAdmissionNoticeBy: string; decisionTargetBy: string; decisionLimitBy: string }
  emailed: boolean
  /** Art. 3: the complainant asked for help writing the complaint down; staff will call back. */
  callbackRequested: boolean
}

const FORM_TOKEN = /^[A-Za-z0-9-]{16,64}$/

export function confirmationOf(complaint: ConfirmationSource): Confirmation {
  const d = complaint.deadlines
  if (
    !complaint.reference ||
    !d?.acknowledgeBy ||
    !d.nonAdmissionNoticeBy ||
    !d.decisionTargetBy ||
    !d.decisionLimitBy
  ) {
    throw new Error('A stored complaint lacks its reference or deadlines')
  }
  return {
    reference: complaint.reference,
    receivedAt: complaint.receivedAt,
    deadlines: {
      acknowledgeBy: d.acknowledgeBy,
      nonAdmissionNoticeBy: d.nonAdmissionNoticeBy,
      decisionTargetBy: d.decisionTargetBy,
      decisionLimitBy: d.decisionLimitBy,
    },
    emailed: Boolean(complaint.complainant.email),
    callbackRequested: Boolean(complaint.wantsHelpWriting),
  }
}

/** What a confirmation is made of: the rest of a complaint is never read or returned here. */
const CONFIRMATION_SELECT = {
  reference: true,
  receivedAt: true,
  deadlines: true,
  complainant: { email: true },
  wantsHelpWriting: true,
} as const
export type ConfirmationSource = Pick<Complaint, 'reference' | 'receivedAt' | 'deadlines' | 'wantsHelpWriting'> & {
  complainant: Pick<Complaint['complainant'], 'email'>
}

export async function findByToken(
  payload: Payload,
  formToken: string,
): Promise<(ConfirmationSource & { id: string }) | undefined> {
  // Trusted: the intake endpoint answers a repeated submission with the first one's confirmation
  // only. One indexed read at adapter level (no count, no joins, no hooks): every submission asks.
  const doc = await payload.db.findOne<ConfirmationSource & { id: string }>({
    collection: 'complaints',
    where: { formToken: { equals: formToken } },
    select: CONFIRMATION_SELECT,
  })
  return doc ?? undefined
}

export const isFormToken = (value: unknown): value is string => typeof value === 'string' && FORM_TOKEN.test(value)

/**
 * "Was the complaint with this form token stored?" — for the site after its own request timed
 * out. Answers the same confirmation the intake would have given, and nothing else: whoever holds
 * a form token sent that form (the token is random and never shown anywhere).
 */
export async function confirmationForToken(payload: Payload, formToken: string): Promise<Confirmation | null> {
  const earlier = await findByToken(payload, formToken)
  return earlier ? confirmationOf(earlier) : null
}
