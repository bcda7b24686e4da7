import type { Payload } from 'payload'

import type { Complaint, User } from '../../cms/payload-types'
import type { Status } from '../complaints/workflow/statuses'
import { relId } from '../relations'

/**
 * Decision 20: where the complaint stands, in plain Dutch (B1) for the complainant — not the
 * admin's words. Every status has one (tsc checks it).
 */
export const COMPLAINANT_STATUS_LABELS = {
  received: 'Ontvangen: wij gaan uw klacht bekijken',
  acknowledged: 'In behandeling',
  decided: 'Er is een beslissing',
  not_admitted: 'Niet in behandeling genomen',
  resolved_informally: 'Samen opgelost',
  withdrawn: 'Ingetrokken',
  closed: 'Afgesloten',
} as const satisfies Record<Status, string>

/**
 * What the complainant's own page shows of their case. Explicit on purpose: a field is here only
 * when someone decided the complainant may read it; it never spreads a document.
 */
export type ComplainantView = {
  reference: string
  statusLabel: string
  receivedAt: string
  /** The name of the handler (the contact person, Decision 3); null while nobody has taken the case. */
  handlerName: string | null
}

/**
 * The view model of `/mijn-klacht/zaak` for one case. The caller has checked the session: this
 * reads exactly the fields it returns, as trusted server code (the complainant is no Payload user).
 * Returns null for a case that no longer exists or was anonymised.
 */
export async function complainantView(payload: Payload, caseId: string): Promise<ComplainantView | null> {
  const found = (await payload.db.findOne({
    collection: 'complaints',
    where: { id: { equals: caseId } },
    select: { reference: true, status: true, receivedAt: true, assignedHandler: true, privacy: { anonymisedAt: true } },
  })) as
    | (Pick<Complaint, 'reference' | 'status' | 'receivedAt' | 'assignedHandler'> & {
        privacy?: { anonymisedAt?: string | null } | null
      })
    | null
  if (!found?.reference || found.privacy?.anonymisedAt) return null
  const handlerId = relId(found.assignedHandler)
  const handler = handlerId
    ? await payload.db.findOne<Pick<User, 'id' | 'name'>>({
        collection: 'users',
        where: { id: { equals: handlerId } },
        select: { name: true },
      })
    : null
  const status: Status = found.status ?? 'received'
  return {
    reference: found.reference,
    statusLabel: COMPLAINANT_STATUS_LABELS[status] ?? COMPLAINANT_STATUS_LABELS.received,
    receivedAt: found.receivedAt,
    handlerName: handler?.name?.trim() || null,
  }
}
