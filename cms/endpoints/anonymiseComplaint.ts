import { type Endpoint, ValidationError } from 'payload'

import { hasRole } from '../../collections/access/roles'
import { anonymiseCase } from '../../hooks/privacy/anonymiseCase'
import { isEnding } from '../../hooks/complaints/workflow/transitions'
import type { Complaint } from '../payload-types'

const json = (body: unknown, status: number) => Response.json(body, { status })
const MAX_REASON = 2000

/**
 * POST /api/complaints/:id/anonymise with `{ "reason": "…" }`: on an erasure request (AVG art.
 * 17; Decision 19) a manager anonymises an ended or closed case before its term. A case that ended
 * but was not closed is closed first, through the workflow (its closing is on the timeline, and a
 * case that may not close yet is refused with the workflow's own message). The reason is kept on
 * the case (`privacy.erasureReason`), never in an event. A custom endpoint is public until it
 * checks the user: this one does first. A thin adapter over `anonymiseCase`.
 */
export const anonymiseComplaintEndpoint: Endpoint = {
  path: '/:id/anonymise',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return json({ error: 'Log eerst in.' }, 401)
    if (!hasRole(req.user, 'manager'))
      return json({ error: 'Alleen een manager mag een dossier vroegtijdig wissen.' }, 403)
    const id = String(req.routeParams?.id ?? '')
    // Trusted: the caller is a manager, who may read every case.
    const { docs } = await req.payload.find({
      collection: 'complaints',
      where: { id: { equals: id } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const complaint: Complaint | undefined = docs[0]
    if (!complaint) return json({ error: 'Deze klacht bestaat niet.' }, 404)

    let body: unknown
    try {
      body = req.json ? await req.json() : undefined
    } catch {
      body = undefined
    }
    const raw = (body && typeof body === 'object' ? (body as { reason?: unknown }).reason : undefined) ?? ''
    const reason = typeof raw === 'string' ? raw.trim() : ''
    if (!reason)
      return json({ errors: [{ path: 'reason', message: 'Vul de reden in van het verzoek om wissen.' }] }, 400)
    if (reason.length > MAX_REASON)
      return json(
        { errors: [{ path: 'reason', message: `De reden is te lang (hoogstens ${MAX_REASON} tekens).` }] },
        400,
      )

    if (complaint.privacy?.anonymisedAt) return json({ error: 'Dit dossier is al geanonimiseerd.' }, 409)
    if (complaint.privacy?.legalHold)
      return json(
        { error: 'De vernietiging van dit dossier is opgeschort. Hef eerst de opschorting op, met een reden.' },
        409,
      )
    if (complaint.status !== 'closed' && !isEnding(complaint.status))
      return json(
        {
          error:
            'Deze klacht loopt nog. Alleen een beëindigde of afgesloten klacht kan vroegtijdig worden gewist (besluit 19).',
        },
        409,
      )

    if (complaint.status !== 'closed') {
      try {
        // Through the workflow as this manager: its rules for closing apply and the closing is on the timeline.
        await req.payload.update({
          collection: 'complaints',
          id,
          data: { status: 'closed' },
          overrideAccess: false,
          user: req.user,
          depth: 0,
          req,
        })
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        const messages = error.data.errors.map((e) => e.message).join(' ')
        return json({ error: `De klacht kan nog niet worden afgesloten, en dus nog niet gewist. ${messages}` }, 409)
      }
    }
    const result = await anonymiseCase(
      req.payload,
      id,
      { kind: 'erasure', userId: String(req.user.id), reason },
      { req },
    )
    return json({ id, anonymised: result.anonymised }, 200)
  },
}
