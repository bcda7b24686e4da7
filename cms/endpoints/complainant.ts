import type { Endpoint, PayloadRequest } from 'payload'

import { queueComplainantLink } from '../../hooks/complainant/links'
import { checkLinkRequest } from '../../hooks/complainant/linkRequest'
import { endComplainantSession, openComplainantSession } from '../../hooks/complainant/sessions'
import { hasServiceScope } from '../../hooks/complaints/serviceKey'
import { complainantCaseEndpoints, forbidden, json, jsonBody, text } from './complainantCase'

/**
 * Decision 20: the complainant's own page, as the site reaches it with its service key (scope
 * `complainant`, and that scope only opens these). Thin adapters over hooks/complainant/. The
 * complainant is no Payload user: the site hands over the session's value from its cookie in the
 * `x-complainant-session` header, and the case endpoints (complainantCase.ts) answer for that
 * session's one case only.
 */

const allowed = (req: PayloadRequest) => hasServiceScope(req.payload, req.headers.get('authorization'), 'complainant')

/**
 * POST /api/complainant/link — `{ reference, email }`. Answers 202 with an empty object for every
 * well-formed request, whether or not the two belong together: the check and the mail happen in a
 * queued job (hooks/complainant/links.ts), after this answer.
 */
export const requestLinkEndpoint: Endpoint = {
  path: '/complainant/link',
  method: 'post',
  handler: async (req) => {
    if (!(await allowed(req))) return forbidden()
    const data = await jsonBody(req)
    const check = checkLinkRequest(data.reference, data.email)
    if (!check.ok) return json({ errors: check.errors }, 400)
    await queueComplainantLink(req.payload, { reference: check.reference, email: check.email })
    return json({}, 202)
  },
}

/** POST /api/complainant/session — `{ token }`: the button was pressed. 201 `{ session, expiresAt }`, or 410 `{ reason }`. */
export const openSessionEndpoint: Endpoint = {
  path: '/complainant/session',
  method: 'post',
  handler: async (req) => {
    if (!(await allowed(req))) return forbidden()
    const token = text((await jsonBody(req)).token)
    const result = await openComplainantSession(req.payload, token)
    if (result.kind === 'opened') return json({ session: result.session, expiresAt: result.expiresAt }, 201)
    return json({ reason: result.reason }, 410)
  },
}

/** POST /api/complainant/session/end — `{ session }`: sign out. 204, also for a session that had ended. */
export const endSessionEndpoint: Endpoint = {
  path: '/complainant/session/end',
  method: 'post',
  handler: async (req) => {
    if (!(await allowed(req))) return forbidden()
    await endComplainantSession(req.payload, text((await jsonBody(req)).session))
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } })
  },
}

export const complainantEndpoints: Endpoint[] = [
  requestLinkEndpoint,
  openSessionEndpoint,
  endSessionEndpoint,
  ...complainantCaseEndpoints,
]
