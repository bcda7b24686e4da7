import type { Access, FieldAccess, Where } from 'payload'

import { hasRole } from './roles'

const relId = (value: unknown): string | null =>
  typeof value === 'string' ? value : value && typeof value === 'object' && 'id' in value ? String((value as { id: unknown }).id) : null

const unassigned: Where = { or: [{ assignedHandler: { exists: false } }, { assignedHandler: { equals: null } }] }

/**
 * Who reaches a complaint: admins and managers all of them; a handler the cases assigned to
 * them and the queue of new, unassigned complaints (whose personal data stays hidden, below,
 * until they take one). Editors and service accounts never.
 */
export const canReadComplaint: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'manager')) return true
  if (hasRole(req.user, 'handler') && req.user) return { or: [{ assignedHandler: { equals: req.user.id } }, unassigned] } satisfies Where
  return false
}

/** Changes: managers and admins any case; a handler their own cases, and an unassigned one only to take it (enforceWorkflow). */
export const canUpdateComplaint: Access = (args) => canReadComplaint(args)

/** Staff record complaints received by phone, letter, e-mail or in person (Art. 3, Decision 8). */
export const canRecordComplaint: Access = ({ req }) => hasRole(req.user, 'admin', 'manager', 'handler')

/**
 * The complainant's personal data and the complaint's content: the assigned handler, managers
 * and admins only. A handler looking at the queue sees reference, date, categories and deadlines.
 */
export const canReadPersonalData: FieldAccess = ({ doc, req }) => {
  if (hasRole(req.user, 'admin', 'manager')) return true
  if (!hasRole(req.user, 'handler') || !req.user) return false
  // Without a document (the admin's form and list set-up) the document decides when its data is read;
  // queries on these fields are refused for handlers separately (guardPersonalDataQueries).
  if (!doc) return true
  return relId((doc as { assignedHandler?: unknown }).assignedHandler) === String(req.user.id)
}

/** Documents that belong to a complaint (attachments, timeline, messages) follow its assigned handler. */
export const canReadCaseDocument: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'manager')) return true
  if (hasRole(req.user, 'handler') && req.user) return { 'complaint.assignedHandler': { equals: req.user.id } } satisfies Where
  return false
}

/** The complaint's fields that hold personal data or case content (see canReadPersonalData). */
export const PERSONAL_DATA_FIELDS = [
  'complainant', 'conduct', 'involved', 'complaintText', 'desiredOutcome', 'attachments', 'uwvLabourExpert', 'involvedStaff',
  'channel', 'discussedBefore', 'wantsHearing', 'wantsHelpWriting', 'acknowledgement', 'nonAdmission', 'decision', 'delayNotice',
  'hearing', 'informal', 'withdrawal', 'lettersSent', 'endedAs', 'endedAt', 'consentAt', 'formToken', 'messages', 'letters', 'timeline',
] as const
