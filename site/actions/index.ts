import { defineAction } from 'astro:actions'

import { clientAddressOf } from '../lib/clientAddress'
import { submitComplaint } from '../lib/cms'
import {
  type CaseActionOutcome,
  caseActionForm,
  complainantCms,
  type LinkRequestOutcome,
  type OpenLinkOutcome,
  openLinkForm,
  requestLinkForm,
  SESSION_COOKIE,
  sessionCookieOptions,
} from '../lib/complainant'
import { linkLimiter } from '../lib/complainantLimit'
import { siteEnv } from '../lib/env'
import { complaintLimiter } from '../lib/rateLimit'
import { type SubmitOutcome, submitComplaintForm } from '../lib/submitForm'

export type { SubmitOutcome } from '../lib/submitForm'
export type { CaseActionOutcome, LinkRequestOutcome, OpenLinkOutcome } from '../lib/complainant'

export const server = {
  /**
   * The public complaint form (Art. 1, 2, 3, 5). Also reachable as /_actions/submitComplaint, a
   * public endpoint like the form itself: every check happens in submitComplaintForm, none in the page.
   */
  submitComplaint: defineAction({
    accept: 'form',
    handler: (form, context): Promise<SubmitOutcome> =>
      submitComplaintForm(form, {
        clientAddress: clientAddressOf(context),
        cookies: context.cookies,
        secure: context.url.protocol === 'https:',
        now: new Date(),
        siteSecret: siteEnv().SITE_CACHE_SECRET,
        limiter: complaintLimiter(),
        submit: (request) => submitComplaint(request),
      }),
  }),
  /**
   * Decision 20: ask for a link to /mijn-klacht. Public, like the page: the same outcome for every
   * well-formed request, whether or not the reference and the address belong together.
   */
  requestComplainantLink: defineAction({
    accept: 'form',
    handler: (form, context): Promise<LinkRequestOutcome> =>
      requestLinkForm(form, { clientAddress: clientAddressOf(context), limiter: linkLimiter(), cms: complainantCms() }),
  }),
  /** Decision 20: the button "Bekijk mijn klacht" uses the link and starts the session (its cookie). */
  openComplainantLink: defineAction({
    accept: 'form',
    handler: async (form, context): Promise<OpenLinkOutcome> => {
      const outcome = await openLinkForm(form, complainantCms())
      if (outcome.kind === 'opened')
        context.cookies.set(
          SESSION_COOKIE,
          outcome.session,
          sessionCookieOptions(context.url.protocol === 'https:', outcome.expiresAt, new Date()),
        )
      // The session's value stays in the cookie; the caller learns only that it opened.
      return outcome.kind === 'opened' ? { kind: 'opened', session: '', expiresAt: outcome.expiresAt } : outcome
    },
  }),
  /**
   * Decision 20: one of the complainant's actions on their own case (add, correct, ask for a
   * hearing or travel costs, withdraw, the survey), for the case of the session in the cookie only.
   */
  complainantCaseAction: defineAction({
    accept: 'form',
    handler: async (form, context): Promise<CaseActionOutcome> => {
      const outcome = await caseActionForm(form, {
        session: context.cookies.get(SESSION_COOKIE)?.value,
        cms: complainantCms(),
      })
      if (outcome.kind === 'signedOut') context.cookies.delete(SESSION_COOKIE, { path: '/mijn-klacht' })
      return outcome
    },
  }),
  /** Decision 20: sign out; the session ends at the CMS and the cookie is removed. */
  endComplainantSession: defineAction({
    accept: 'form',
    handler: async (_form, context): Promise<{ kind: 'signedOut' }> => {
      const session = context.cookies.get(SESSION_COOKIE)?.value
      if (session) await complainantCms().endSession(session)
      context.cookies.delete(SESSION_COOKIE, { path: '/mijn-klacht' })
      return { kind: 'signedOut' }
    },
  }),
}
