import type { Endpoint } from 'payload'

import { hasRole } from '../../collections/access/roles'
import { publishFiguresFor } from '../../hooks/publishedFigures/publish'

/**
 * POST /api/published-figures/publish `{ report, text }` — a manager publishes a year's figures
 * ("Klachten in cijfers", Decision 18). A custom endpoint is public until it checks the user: this
 * one does first. A thin adapter over `publishFiguresFor` (hooks/publishedFigures/publish.ts).
 */
export const publishFigures: Endpoint = {
  path: '/publish',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return Response.json({ error: 'Log eerst in.' }, { status: 401 })
    if (!hasRole(req.user, 'manager'))
      return Response.json({ error: 'Alleen een manager mag de cijfers publiceren.' }, { status: 403 })
    let body: unknown
    try {
      body = await req.json?.()
    } catch {
      body = undefined
    }
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return Response.json({ errors: { report: 'Het verzoek is onleesbaar. Probeer het opnieuw.' } }, { status: 400 })
    const { report, text } = body as Record<string, unknown>
    const result = await publishFiguresFor(req.payload, { report, text }, { id: String(req.user.id) }, req)
    if (!result.ok) return Response.json({ errors: result.errors }, { status: 400 })
    return Response.json(
      {
        message: result.replaced
          ? `De cijfers van ${result.doc.year} zijn opnieuw gepubliceerd en vervangen de vorige versie.`
          : `De cijfers van ${result.doc.year} staan nu op de website.`,
        replaced: result.replaced,
        doc: result.doc,
      },
      { status: result.replaced ? 200 : 201 },
    )
  },
}
