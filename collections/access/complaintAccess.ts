import type { Access, Where } from 'payload'

import { hasRole } from './roles'

/**
 * Who reaches a complaint: admins and managers all of them; a handler the cases assigned to
 * them. Editors and service accounts never. (Issue 8 adds the handler's limited view of the
 * queue of new, unassigned complaints.)
 */
export const canReadComplaint: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'manager')) return true
  if (hasRole(req.user, 'handler') && req.user) return { assignedHandler: { equals: req.user.id } } satisfies Where
  return false
}

/** Staff record complaints received by phone, letter, e-mail or in person (Art. 3, Decision 8). */
export const canRecordComplaint: Access = ({ req }) => hasRole(req.user, 'admin', 'manager', 'handler')

/** Documents that belong to a complaint (attachments, timeline) follow the complaint's readers. */
export const canReadCaseDocument: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'manager')) return true
  if (hasRole(req.user, 'handler') && req.user) return { 'complaint.assignedHandler': { equals: req.user.id } } satisfies Where
  return false
}
