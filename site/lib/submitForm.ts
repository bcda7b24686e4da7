/**
 * What becomes of a posted complaint form (Art. 1, 2, 3, 5): read and check it, hold a place under
 * the rate limits, hand it to the CMS, and answer with the outcome the page shows. The Astro Action
 * (site/actions) is a thin adapter over this; tests call it with a real CMS behind `submit`.
 */
import { civilDateIn } from '../../hooks/dates/amsterdam'
import type { IntakeRequest, IntakeResult } from './cms'
import { readComplaintForm } from './complaintForm'
import { proofKey, signProof } from './proofToken'
import { type ComplaintLimiter, type ComplaintLimitRule, complaintLimitKeys } from './rateLimit'
import {
  contentDigest,
  earlierComplaint,
  formTokenFor,
  LAST_SUBMISSION_COOKIE,
  LAST_SUBMISSION_MAX_AGE_S,
  readLastSubmission,
  resubmissionKey,
  signLastSubmission,
} from './resubmission'

/** What became of a posted complaint form; the page turns it into a redirect or the form again. */
export type SubmitOutcome =
  /**
   * Stored (or stored before, for this form token): `proof` is the signed proof of receipt.
   * `changed`: this form was stored before with other content; the edit was not stored.
   */
  | { kind: 'stored'; reference: string; proof: string; changed: boolean }
  /** Field → Dutch message. */
  | { kind: 'invalid'; errors: Record<string, string> }
  /** The honeypot was filled in, or the form token is missing: nothing stored. */
  | { kind: 'notSent' }
  /** A limit of `rule` was reached; it frees up at `retryAt` (ISO). Nothing stored. */
  | { kind: 'rateLimited'; rule: ComplaintLimitRule; limit: number; retryAt: string }
  /** Certainly not stored: the CMS is unreachable (`unreachable`), or it answered that it did not store it. */
  | { kind: 'notStored'; reason: 'unreachable' | 'refused' }
  /** No answer in time, and the CMS could not confirm it by the form token: maybe stored, maybe not. */
  | { kind: 'uncertain' }

/** The cookies of the request, as Astro's `context.cookies` has them. */
export type FormCookies = {
  get(name: string): { value: string } | undefined
  set(
    name: string,
    value: string,
    options: { path: string; httpOnly: boolean; sameSite: 'strict'; secure: boolean; maxAge: number },
  ): void
}

export type SubmitContext = {
  clientAddress: string
  cookies: FormCookies
  /** The page was requested over https (the cookie is then `secure`). */
  secure: boolean
  now: Date
  /** SITE_CACHE_SECRET: keys the resubmission cookie and the proof of receipt. */
  siteSecret: string
  limiter: ComplaintLimiter
  submit: (request: IntakeRequest) => Promise<IntakeResult>
}

export async function submitComplaintForm(form: FormData, context: SubmitContext): Promise<SubmitOutcome> {
  const { now } = context
  const read = await readComplaintForm(form, civilDateIn(now))
  if (!read.result.ok) return { kind: 'invalid', errors: read.result.errors }
  if (read.honeypotFilled || !read.formToken) return { kind: 'notSent' }

  // The same content as the complaint just stored from this browser: the same token, so the
  // CMS returns that complaint instead of storing a second one (see lib/resubmission).
  const key = resubmissionKey(context.siteSecret)
  const digest = contentDigest(read.result.input, key)
  const last = readLastSubmission(context.cookies.get(LAST_SUBMISSION_COOKIE)?.value, key)
  const formToken = formTokenFor(last, digest, read.formToken)

  const place = await context.limiter.reserve(
    complaintLimitKeys(context.clientAddress, read.result.input.email),
    formToken,
  )
  if (!place.ok)
    return { kind: 'rateLimited', rule: place.rule, limit: place.limit, retryAt: place.retryAt.toISOString() }

  const result = await context.submit({ input: read.result.input, consent: true, formToken, files: read.files })
  // Only a newly stored complaint counts towards the limits.
  if (result.kind !== 'stored' || result.repeated) await place.release()
  if (result.kind === 'invalid') return { kind: 'invalid', errors: result.errors }
  if (result.kind === 'notStored') return { kind: 'notStored', reason: result.reason }
  if (result.kind === 'uncertain') return { kind: 'uncertain' }

  const { reference, receivedAt, deadlines, emailed, callbackRequested, changed } = result
  const earlier = result.repeated ? undefined : earlierComplaint(last, { token: formToken, digest, reference })
  // After an edit that was not stored, the cookie keeps naming the content that was.
  if (!changed)
    context.cookies.set(LAST_SUBMISSION_COOKIE, signLastSubmission({ token: formToken, digest, reference }, key), {
      path: '/klacht-indienen',
      httpOnly: true,
      sameSite: 'strict',
      secure: context.secure,
      maxAge: LAST_SUBMISSION_MAX_AGE_S,
    })

  const proof = signProof(
    {
      reference,
      receivedAt,
      acknowledgeBy: deadlines.acknowledgeBy,
      decisionTargetBy: deadlines.decisionTargetBy,
      decisionLimitBy: deadlines.decisionLimitBy,
      emailed,
      ...(callbackRequested ? { callbackRequested: true } : {}),
      ...(changed ? { changeNotStored: true } : {}),
      ...(earlier ? { earlierReference: earlier } : {}),
    },
    proofKey(context.siteSecret),
    now,
  )
  return { kind: 'stored', reference, proof, changed }
}
