import { LETTER_KIND_DEFINITIONS, LETTER_KINDS, type LetterKind } from '../../hooks/letters/kinds'

/** queued → sent, or failed (permanently); held: not sent because no RESEND_API_KEY is configured. */
export const OUTBOX_STATUSES = ['queued', 'held', 'sent', 'failed'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, { nl: string; en: string }> = {
  queued: { nl: 'In de wachtrij', en: 'Queued' },
  held: { nl: 'Niet verstuurd (geen e-maildienst ingesteld)', en: 'Not sent (no e-mail service configured)' },
  sent: { nl: 'Verstuurd', en: 'Sent' },
  failed: { nl: 'Mislukt', en: 'Failed' },
}

/**
 * What a message is: one of the letters of the regulation, a system message (e.g. a deadline
 * reminder), a message that carries a credential (a password-reset link), or the quarterly
 * Art. 9 report to the managers.
 */
export const MESSAGE_PURPOSES = [...LETTER_KINDS, 'system', 'password_reset', 'complainant_link', 'report'] as const
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number]

/**
 * Messages whose body is a key to an account (Decision 20: no message readable through any API
 * holds a usable token after delivery). Their bodies are readable by nobody through the API, and
 * are replaced by a note once delivered. The complainant's link to their own page is one (Decision 20).
 */
export const CREDENTIAL_PURPOSES: readonly MessagePurpose[] = ['password_reset', 'complainant_link']

export const carriesCredential = (purpose: string | null | undefined): boolean =>
  CREDENTIAL_PURPOSES.some((p) => p === purpose)

/** What stays of a credential-carrying body once delivered: the fact, not the key. */
export const REDACTED_BODY = {
  text: 'Verstuurd. De inhoud is verwijderd, omdat dit bericht een inloglink of wachtwoordlink bevatte.',
  html: '<p>Verstuurd. De inhoud is verwijderd, omdat dit bericht een inloglink of wachtwoordlink bevatte.</p>',
} as const

/**
 * Why a message failed. `refused`: Resend refused it (a 4xx) or it was never handed over, so it was
 * certainly not delivered. `gave_up`: no certain answer after the last attempt (timeouts, 5xx,
 * network), so it may have arrived.
 */
export const FAILURE_KINDS = ['refused', 'gave_up'] as const
export type FailureKind = (typeof FAILURE_KINDS)[number]

export const FAILURE_KIND_LABELS: Record<FailureKind, { nl: string; en: string }> = {
  refused: { nl: 'Zeker niet verstuurd (geweigerd)', en: 'Certainly not sent (refused)' },
  gave_up: { nl: 'Onzeker: geen antwoord na de laatste poging', en: 'Uncertain: no answer after the last attempt' },
}

export const MESSAGE_PURPOSE_LABELS: Record<MessagePurpose, { nl: string; en: string }> = {
  ...(Object.fromEntries(LETTER_KINDS.map((kind) => [kind, LETTER_KIND_DEFINITIONS[kind].listLabel])) as Record<
    LetterKind,
    { nl: string; en: string }
  >),
  system: { nl: 'Systeembericht', en: 'System message' },
  password_reset: {
    nl: 'Wachtwoord herstellen (inhoud na verzending verwijderd)',
    en: 'Password reset (body removed after delivery)',
  },
  complainant_link: {
    nl: 'Link naar Mijn klacht (inhoud na verzending verwijderd)',
    en: 'Link to My complaint (body removed after delivery)',
  },
  report: { nl: 'Verantwoording (art. 9)', en: 'Accountability report (Art. 9)' },
}
