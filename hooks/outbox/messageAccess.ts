import type { FieldAccess, PayloadRequest } from 'payload'

import { hasRole } from '../../collections/access/roles'
import { carriesCredential } from '../../cms/email/statuses'
import type { Complaint, Outbox } from '../../cms/payload-types'
import { relId } from '../relations'

/** The assigned handler of a case, read once per request (a list of messages asks for each). */
async function assignedHandlerOf(req: PayloadRequest, complaint: string): Promise<string | null> {
  const cache = ((req.context.outboxCaseHandlers as Map<string, Promise<string | null>> | undefined) ??= new Map<
    string,
    Promise<string | null>
  >())
  let handler = cache.get(complaint)
  if (!handler) {
    // Trusted: only to decide this field's access; nothing of the case is returned.
    handler = req.payload.db
      .findOne<Pick<Complaint, 'id' | 'assignedHandler'>>({
        collection: 'complaints',
        where: { id: { equals: complaint } },
        select: { assignedHandler: true },
        req,
      })
      .then((doc) => relId(doc?.assignedHandler))
    cache.set(complaint, handler)
  }
  return handler
}

/**
 * Decision 15: who a message went to and what it said are personal data of the complainant (or of
 * staff): managers read them, and the handler assigned to the message's case. Admins see the
 * delivery state (status, error, purpose), never recipients or bodies. The subject is personal
 * data too: editors write it in the letter texts and may put any placeholder in it ({{naam}}).
 */
export const canReadMessageContent: FieldAccess<Outbox> = async ({ doc, req }) => {
  if (hasRole(req.user, 'manager')) return true
  if (!hasRole(req.user, 'handler') || !req.user) return false
  // Without a document (the admin's form and list set-up) the document decides when it is read.
  if (!doc) return true
  const complaint = relId(doc.complaint)
  if (!complaint) return false
  // A handler who is not also an admin reaches only messages of their own cases (canReadCaseDocument);
  // an admin who is also a handler reaches every message, so look at the case itself.
  if (!hasRole(req.user, 'admin')) return true
  return (await assignedHandlerOf(req, complaint)) === String(req.user.id)
}

/** Decision 20: the body of a message that carries a credential is read by nobody through the API, before delivery or after. */
export const canReadMessageBody: FieldAccess<Outbox> = async (args) => {
  if (args.doc && carriesCredential(args.doc.purpose)) return false
  return canReadMessageContent(args)
}
