import { createHmac, timingSafeEqual } from 'node:crypto'

import type { ComplaintInput } from '../../hooks/complaints/schema'

/**
 * "Back, and send again" must not make a second complaint. The form token alone does not ensure
 * that: a browser going back may load the form anew, with a new token (Chromium does), while it
 * fills in the fields as they were. So after a complaint is stored the site remembers, in a cookie,
 * which token was used for which content; the same content sent again within a day reuses that
 * token, and the CMS answers with the original complaint. A different complaint is a new one.
 *
 * "Back, edit, send again" posts the form token of the complaint already stored (the browser kept
 * the form) with other content. That is not a new complaint: the person is correcting the one they
 * just sent, and a second case would send a second receipt and UWV notification and count twice
 * in the Art. 9 report. Nor is the edit dropped silently: the CMS compares the content with what it
 * stored and answers `resubmission: 'changed'`, and the confirmation page says that the first
 * version (with its reference) was received, that the change was not, and how to add it (phone or
 * e-mail, naming the reference). A fresh form (a new token) with other content is a new complaint —
 * Chromium loads the form anew on "back", so an edit usually arrives that way: then the
 * confirmation page names the complaint sent before from this browser too, and how to have the two
 * joined if the second was meant as a correction. Nothing is dropped and nobody is left guessing.
 *
 * The cookie holds no personal data: a random token, a keyed digest of the content and the
 * complaint's reference (which the person was shown).
 */
export const LAST_SUBMISSION_COOKIE = 'klacht-verstuurd'
export const LAST_SUBMISSION_MAX_AGE_S = 24 * 60 * 60

export type LastSubmission = { token: string; digest: string; reference: string }

/** The token to send: the remembered one for the same content sent again, else the form's own. */
export function formTokenFor(last: LastSubmission | null, digest: string, postedToken: string): string {
  return last?.digest === digest ? last.token : postedToken
}

/** A key for this purpose only, derived from the site's secret. */
export function resubmissionKey(siteSecret: string): Buffer {
  return createHmac('sha256', siteSecret).update('klacht-indienen:laatste-inzending').digest()
}

const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest('base64url')

/** The same complaint (as parsed by the schema: spaces trimmed, unchecked boxes false) gives the same digest. */
export function contentDigest(input: ComplaintInput, key: Buffer): string {
  const sorted = Object.fromEntries(Object.entries(input).sort(([a], [b]) => a.localeCompare(b)))
  return mac(key, JSON.stringify(sorted))
}

const REFERENCE = /^WP-\d{4}-\d+$/

export function signLastSubmission({ token, digest, reference }: LastSubmission, key: Buffer): string {
  return `${token}.${digest}.${reference}.${mac(key, `${token}.${digest}.${reference}`)}`
}

/** The remembered submission, or null when the cookie is missing or not ours. */
export function readLastSubmission(value: string | undefined, key: Buffer): LastSubmission | null {
  const [token, digest, reference, signature, ...rest] = (value ?? '').split('.')
  if (!token || !digest || !reference || !signature || rest.length > 0 || !REFERENCE.test(reference)) return null
  const expected = Buffer.from(mac(key, `${token}.${digest}.${reference}`))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  return { token, digest, reference }
}

/**
 * The complaint sent before from this browser, when this one is a new complaint with other
 * content (often "back, edit, send again" in a browser that loads the form anew): the
 * confirmation page names it, so a correction sent as a new complaint can be joined to the first.
 */
export function earlierComplaint(
  last: LastSubmission | null,
  now: { token: string; digest: string; reference: string },
): string | undefined {
  if (!last || last.token === now.token || last.digest === now.digest || last.reference === now.reference)
    return undefined
  return last.reference
}
