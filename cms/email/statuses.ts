/** queued → sent, or failed (permanently); held: not sent because no RESEND_API_KEY is configured. */
export const OUTBOX_STATUSES = ['queued', 'held', 'sent', 'failed'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, { nl: string; en: string }> = {
  queued: { nl: 'In de wachtrij', en: 'Queued' },
  held: { nl: 'Niet verstuurd (geen e-maildienst ingesteld)', en: 'Not sent (no e-mail service configured)' },
  sent: { nl: 'Verstuurd', en: 'Sent' },
  failed: { nl: 'Mislukt', en: 'Failed' },
}
