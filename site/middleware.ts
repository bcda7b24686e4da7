import { defineMiddleware } from 'astro:middleware'

import { type FormBody, MAX_FORM_BODY_BYTES, readFormBody } from './lib/complaintForm'

declare global {
  namespace App {
    interface Locals {
      /** The posted complaint form, read here under a size limit; the page never reads the body itself. */
      complaintForm?: FormBody
    }
  }
}

const COMPLAINT_FORM_PATH = '/klacht-indienen'

/**
 * The complaint form's body gate. A body larger than the form can ever need (5 files of 10 MB and
 * the text) is refused by its declared length before anything is read, so the page can answer
 * with the form and a clear message instead of a bare error. Astro's origin check runs before this.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  if (context.request.method === 'POST' && context.url.pathname.replace(/\/+$/, '') === COMPLAINT_FORM_PATH) {
    context.locals.complaintForm = await readFormBody(context.request, MAX_FORM_BODY_BYTES)
  }
  return next()
})
