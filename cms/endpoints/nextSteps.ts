import type { Endpoint } from 'payload'

import type { Complaint } from '../payload-types'
import { hasRole } from '../../collections/access/roles'
import { READ_NOT_SHOWN } from '../../hooks/privacy/logCaseRead'
import { relId } from '../../hooks/relations'
import { countUwvNotifications } from '../../hooks/complaints/enforceWorkflow/load'
import { nextSteps, uwvWillBeNotified } from '../../hooks/complaints/workflow/nextSteps'

/**
 * GET /api/complaints/:id/next-steps — the steps the workflow allows from the stored case for the
 * person asking, each with what it still needs, and the facts the admin's panel cannot see in its
 * form: whether the Art. 5 notification to the UWV labour expert was queued (`uwvQueued`) and whether
 * the settings hold a default expert with an address (`defaultExpertEmail`), never the address
 * itself. Only for the case's own handler and managers (DOMAIN.md, People): a custom endpoint is public until it checks the user, so this one does first.
 */
export const listNextSteps: Endpoint = {
  path: '/:id/next-steps',
  method: 'get',
  handler: async (req) => {
    const user = req.user
    if (!user) return Response.json({ error: 'Log eerst in.' }, { status: 401 })
    const isManager = hasRole(user, 'manager')
    const isHandler = hasRole(user, 'handler')
    if (!isManager && !isHandler)
      return Response.json(
        { error: 'Alleen de behandelaar van deze klacht of een manager ziet de volgende stappen.' },
        { status: 403 },
      )
    const id = String(req.routeParams?.id ?? '')
    // With the person's own rights: a case they may not read is not found. Only the steps are
    // answered, none of the case's personal data: no access to log (hooks/privacy/logCaseRead.ts).
    const doc: Complaint | null = await req.payload.findByID({
      collection: 'complaints',
      id,
      depth: 0,
      overrideAccess: false,
      user,
      req,
      context: { [READ_NOT_SHOWN]: true },
      disableErrors: true,
    })
    const assignedHandler = doc ? relId(doc.assignedHandler) : null
    // The queue (a new case without a handler) shows a handler no case file: they take it first.
    if (!doc || (!isManager && assignedHandler !== String(user.id)))
      return Response.json(
        { error: 'Alleen de behandelaar van deze klacht of een manager ziet de volgende stappen.' },
        { status: doc ? 403 : 404 },
      )
    // Trusted: the default labour expert is an admin setting; the count reads no personal data.
    const settings = await req.payload.findGlobal({ slug: 'settings', overrideAccess: true, req, depth: 0 })
    const uwvQueued = (await countUwvNotifications(req, doc.id)) > 0
    const defaultExpertEmail = Boolean(settings.uwvLabourExpert?.email?.trim())
    const uwvNotified = uwvWillBeNotified({ queued: uwvQueued, defaultExpertEmail, own: doc.uwvLabourExpert })
    const person = { id: String(user.id), isManager, isHandler }
    const { steps, note } = nextSteps({
      person,
      saved: { status: doc.status, assignedHandler },
      values: doc,
      uwvNotified,
    })
    return Response.json({ status: doc.status, assignedHandler, uwvQueued, defaultExpertEmail, steps, note })
  },
}
