import type { Endpoint } from 'payload'

import { confirmationForToken, isFormToken } from '../../hooks/complaints/intakeConfirmation'
import { hasServiceScope } from '../../hooks/complaints/serviceKey'

const json = (body: unknown, status: number) => Response.json(body, { status })

/**
 * POST /api/complaints/intake/status — JSON `{ formToken }`, with the same key as the intake.
 * "Was the complaint with this form token stored?" Answers `{ stored: true, ...confirmation }`
 * or `{ stored: false }`. The site asks when its intake request got no answer in time, so it never
 * says "not stored" while the CMS may still store it. Nothing but that confirmation is readable.
 */
export const checkIntakeStatus: Endpoint = {
  path: '/intake/status',
  method: 'post',
  handler: async (req) => {
    if (!(await hasServiceScope(req.payload, req.headers.get('authorization'), 'complaint-intake')))
      return json({ error: 'Geen toegang.' }, 403)
    let formToken: unknown
    try {
      formToken = ((await req.json?.()) as { formToken?: unknown } | undefined)?.formToken
    } catch {
      formToken = undefined
    }
    if (!isFormToken(formToken))
      return json({ errors: { formToken: 'Geef het formuliernummer (formToken) van de klacht.' } }, 400)
    const confirmation = await confirmationForToken(req.payload, formToken)
    return json(confirmation ? { stored: true, ...confirmation } : { stored: false }, 200)
  },
}
