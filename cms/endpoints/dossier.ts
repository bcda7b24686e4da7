import type { Endpoint } from 'payload'

import { hasRole } from '../../collections/access/roles'
import { buildDossier } from '../../hooks/privacy/dossier'
import { DossierNotFoundError } from '../../hooks/privacy/dossierParts'
import { relId } from '../../hooks/relations'

// Personal data: no cache (the browser's or a proxy's) keeps a copy.
const NO_STORE = { 'Cache-Control': 'no-store' }

const refuse = (error: string, status: number) => Response.json({ error }, { status, headers: NO_STORE })

/**
 * GET /api/complaints/:id/dossier — the dossier for inspection as a ZIP (AVG art. 15; Art. 6 note;
 * DOMAIN.md "Contracts added"), for managers and the case's assigned handler (Decision 15: not
 * admins, not editors, not another handler). A custom endpoint is public until it checks the user:
 * this one does first. A thin adapter over `buildDossier` (hooks/privacy/dossier.ts), which also
 * records the delivery on the timeline and in the access log.
 */
export const dossierEndpoint: Endpoint = {
  path: '/:id/dossier',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return refuse('Log eerst in.', 401)
    const isManager = hasRole(req.user, 'manager')
    if (!isManager && !hasRole(req.user, 'handler'))
      return refuse('Alleen een manager of de behandelaar van de klacht mag het inzagedossier downloaden.', 403)
    const id = String(req.routeParams?.id ?? '')
    // Trusted read of one field: whether this handler is the one assigned decides below.
    const complaint = await req.payload
      .findByID({
        collection: 'complaints',
        id,
        depth: 0,
        select: { assignedHandler: true },
        overrideAccess: true,
        req,
      })
      .catch(() => null)
    if (!complaint) return refuse('Deze klacht bestaat niet.', 404)
    if (!isManager && relId(complaint.assignedHandler) !== String(req.user.id))
      return refuse('Alleen de behandelaar van deze klacht of een manager mag het inzagedossier downloaden.', 403)
    try {
      const dossier = await buildDossier(req.payload, id, {
        reader: { kind: 'staff', userId: String(req.user.id) },
        req,
      })
      return new Response(Buffer.from(dossier.zip), {
        headers: {
          ...NO_STORE,
          'Content-Type': 'application/zip',
          'Content-Disposition': `attachment; filename="${dossier.fileName}"`,
        },
      })
    } catch (error) {
      if (error instanceof DossierNotFoundError) return refuse('Deze klacht bestaat niet.', 404)
      throw error
    }
  },
}
