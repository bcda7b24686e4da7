import type { Endpoint } from 'payload'

import { hasRole } from '../../collections/access/roles'
import { resendMessage } from '../email/resendMessage'

/**
 * POST /api/outbox/:id/resend — a manager or admin sends a failed message again (the button in the
 * message's sidebar). A custom endpoint is public until it checks the user: this one does first.
 * A thin adapter over `resendMessage` (cms/email/resendMessage.ts), which decides and records.
 */
export const resendOutboxMessage: Endpoint = {
  path: '/:id/resend',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return Response.json({ error: 'Log eerst in.' }, { status: 401 })
    if (!hasRole(req.user, 'manager', 'admin'))
      return Response.json(
        { error: 'Alleen een manager of beheerder mag een bericht opnieuw versturen.' },
        { status: 403 },
      )
    const id = String(req.routeParams?.id ?? '')
    const result = await resendMessage(req.payload, id, { id: String(req.user.id) }, req)
    if (!result.ok) return Response.json({ error: result.message }, { status: result.status })
    return Response.json(
      {
        message: result.newKey
          ? 'Het bericht staat weer in de wachtrij.'
          : 'Het bericht staat weer in de wachtrij. Het houdt zijn sleutel: kwam de vorige poging toch aan, dan wordt het niet nog eens bezorgd.',
        newKey: result.newKey,
      },
      { status: 202 },
    )
  },
}
