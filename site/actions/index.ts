import { defineAction } from 'astro:actions'

import { submitComplaint } from '../lib/cms'
import { siteEnv } from '../lib/env'
import { complaintLimiter } from '../lib/rateLimit'
import { type SubmitOutcome, submitComplaintForm } from '../lib/submitForm'

export type { SubmitOutcome } from '../lib/submitForm'

export const server = {
  /**
   * The public complaint form (Art. 1, 2, 3, 5). Also reachable as /_actions/submitComplaint, a
   * public endpoint like the form itself: every check happens in submitComplaintForm, none in the page.
   */
  submitComplaint: defineAction({
    accept: 'form',
    handler: (form, context): Promise<SubmitOutcome> =>
      submitComplaintForm(form, {
        clientAddress: context.clientAddress,
        cookies: context.cookies,
        secure: context.url.protocol === 'https:',
        now: new Date(),
        siteSecret: siteEnv().SITE_CACHE_SECRET,
        limiter: complaintLimiter(),
        submit: (request) => submitComplaint(request),
      }),
  }),
}
