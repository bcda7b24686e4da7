/** The case statuses of DOMAIN.md's workflow contract (the transitions come with the workflow issue). */
export const STATUSES = [
  'received',
  'acknowledged',
  'decided',
  'not_admitted',
  'resolved_informally',
  'withdrawn',
  'closed',
] as const
export type Status = (typeof STATUSES)[number]

export const STATUS_LABELS: Record<Status, { nl: string; en: string }> = {
  received: { nl: 'Ontvangen', en: 'Received' },
  acknowledged: { nl: 'Ontvangst bevestigd', en: 'Acknowledged' },
  decided: { nl: 'Beslist', en: 'Decided' },
  not_admitted: { nl: 'Niet in behandeling genomen', en: 'Not admitted' },
  resolved_informally: { nl: 'Informeel afgehandeld', en: 'Resolved informally' },
  withdrawn: { nl: 'Ingetrokken', en: 'Withdrawn' },
  closed: { nl: 'Afgesloten', en: 'Closed' },
}
