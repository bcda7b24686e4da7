import type { Access, FieldAccess, Where } from 'payload'

import { UNASSIGNED } from '../../hooks/complaints/queries'
import { relId } from '../../hooks/relations'
import { hasRole } from './roles'

/**
 * Who reaches a complaint: managers all of them; a handler the cases assigned to them and the
 * queue of new, unassigned complaints (whose personal data stays hidden, below, until they take
 * one). Admins, editors and service accounts never: an admin manages users and settings and reads
 * no case (Decision 15); someone who must also handle or oversee cases holds that role as well.
 */
export const canReadComplaint: Access = ({ req }) => {
  if (hasRole(req.user, 'manager')) return true
  if (hasRole(req.user, 'handler') && req.user)
    return { or: [{ assignedHandler: { equals: req.user.id } }, UNASSIGNED] } satisfies Where
  return false
}

/** Changes: managers any case; a handler their own cases, and an unassigned one only to take it (enforceWorkflow). Admins move no case (Decision 15). */
export const canUpdateComplaint: Access = (args) => canReadComplaint(args)

/** Staff record complaints received by phone, letter, e-mail or in person: handlers and managers (Art. 3, Decision 8, Decision 15). */
export const canRecordComplaint: Access = ({ req }) => hasRole(req.user, 'manager', 'handler')

/**
 * The complainant's personal data and the complaint's content: the assigned handler and managers
 * only (Decision 15: not admins). A handler looking at the queue sees reference, date, categories
 * and deadlines.
 */
export const canReadPersonalData: FieldAccess = ({ doc, req }) => {
  if (hasRole(req.user, 'manager')) return true
  if (!hasRole(req.user, 'handler') || !req.user) return false
  // Without a stored document (the admin's list set-up, and the form for a new complaint, which
  // Payload hands a `doc` without an id) the document decides when its data is read: a handler
  // recording a complaint by phone or letter fills in all of it (Art. 3). A handler's queries may
  // name these fields nowhere (guardPersonalDataQueries, QUEUE_QUERYABLE_FIELDS).
  if (!doc || !(doc as { id?: unknown }).id) return true
  return relId((doc as { assignedHandler?: unknown }).assignedHandler) === String(req.user.id)
}

/**
 * The case file — letters, attachments, the timeline — follows its assigned handler; managers
 * read every case file. Admins none (Decision 15).
 */
export const canReadCaseFile: Access = ({ req }) => {
  if (hasRole(req.user, 'manager')) return true
  if (hasRole(req.user, 'handler') && req.user)
    return { 'complaint.assignedHandler': { equals: req.user.id } } satisfies Where
  return false
}

/**
 * Messages about a case (the outbox): as the case file, and admins too, who keep the outbox's
 * delivery state (Decision 15: status, error, purpose; recipients and bodies are kept from them
 * field by field in collections/Outbox.ts).
 */
export const canReadCaseDocument: Access = (args) => (hasRole(args.req.user, 'admin') ? true : canReadCaseFile(args))
