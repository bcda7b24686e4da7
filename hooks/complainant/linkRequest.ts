/**
 * The request for a link on `/mijn-klacht` (Decision 20), checked the same way by the site (at the
 * field, with what was typed kept) and by the CMS endpoint. Pure: no Payload, no crypto.
 */

/** The case's reference as letters print it: WP-2026-0007 (any case, spaces around it). */
export const REFERENCE_PATTERN = /^WP-\d{4}-\d{1,8}$/
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const normaliseReference = (value: string): string => value.trim().toUpperCase()
export const normaliseEmail = (value: string): string => value.trim().toLowerCase()

export const LINK_REQUEST_MESSAGES = {
  referenceMissing: 'Vul het kenmerk van uw klacht in. U vindt het in de e-mail of brief die u van ons kreeg.',
  referenceMalformed: 'Vul het kenmerk in zoals het in uw brief staat, bijvoorbeeld WP-2026-0007.',
  emailMissing: 'Vul het e-mailadres in dat u bij uw klacht gaf.',
  emailMalformed: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
} as const

export type LinkRequestCheck =
  { ok: true; reference: string; email: string } | { ok: false; errors: Partial<Record<'reference' | 'email', string>> }

export function checkLinkRequest(rawReference: unknown, rawEmail: unknown): LinkRequestCheck {
  const reference = normaliseReference(typeof rawReference === 'string' ? rawReference : '')
  const email = (typeof rawEmail === 'string' ? rawEmail : '').trim()
  const errors: Partial<Record<'reference' | 'email', string>> = {}
  if (!reference) errors.reference = LINK_REQUEST_MESSAGES.referenceMissing
  else if (!REFERENCE_PATTERN.test(reference)) errors.reference = LINK_REQUEST_MESSAGES.referenceMalformed
  if (!email) errors.email = LINK_REQUEST_MESSAGES.emailMissing
  else if (email.length > 254 || !EMAIL_PATTERN.test(email)) errors.email = LINK_REQUEST_MESSAGES.emailMalformed
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, reference, email }
}
