import { defineAction } from 'astro:actions'

import { civilDateIn } from '../../hooks/dates/amsterdam'
import { readComplaintForm } from '../lib/complaintForm'
import { siteEnv } from '../lib/env'
import { submitComplaint } from '../lib/cms'
import { proofKey, signProof } from '../lib/proofToken'
import { complaintLimiter } from '../lib/rateLimit'
import {
  contentDigest,
  earlierComplaint,
  formTokenFor,
  LAST_SUBMISSION_COOKIE,
  LAST_SUBMISSION_MAX_AGE_S,
  readLastSubmission,
  resubmissionKey,
  signLastSubmission,
} from '../lib/resubmission'

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
  | { kind: 'rateLimited'; limit: number }
  /** Certainly not stored: the CMS is unreachable (`unreachable`), or it answered that it did not store it. */
  | { kind: 'notStored'; reason: 'unreachable' | 'refused' }
  /** No answer in time, and the CMS could not confirm it by the form token: maybe stored, maybe not. */
  | { kind: 'uncertain' }

export const server = {
  /**
   * The public complaint form (Art. 1, 2, 3, 5). Also reachable as /_actions/submitComplaint, a
   * public endpoint like the form itself: every check happens here, none in the page.
   */
  submitComplaint: defineAction({
    accept: 'form',
    handler: async (form, context): Promise<SubmitOutcome> => {
      const now = new Date()
      const read = await readComplaintForm(form, civilDateIn(now))
      if (!read.result.ok) return { kind: 'invalid', errors: read.result.errors }
      if (read.honeypotFilled || !read.formToken) return { kind: 'notSent' }

      // The same content as the complaint just stored from this browser: the same token, so the
      // CMS returns that complaint instead of storing a second one (see lib/resubmission).
      const key = resubmissionKey(siteEnv().SITE_CACHE_SECRET)
      const digest = contentDigest(read.result.input, key)
      const last = readLastSubmission(context.cookies.get(LAST_SUBMISSION_COOKIE)?.value, key)
      const formToken = formTokenFor(last, digest, read.formToken)

      const place = complaintLimiter().reserve(context.clientAddress, formToken, now)
      if (!place.ok) return { kind: 'rateLimited', limit: place.limit }

      const result = await submitComplaint({ input: read.result.input, consent: true, formToken, files: read.files })
      // Only a newly stored complaint counts towards the limit.
      if (result.kind !== 'stored' || result.repeated) place.release()
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
          secure: context.url.protocol === 'https:',
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
        proofKey(siteEnv().SITE_CACHE_SECRET),
        now,
      )
      return { kind: 'stored', reference, proof, changed }
    },
  }),
}
