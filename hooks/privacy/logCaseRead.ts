import type { CollectionAfterOperationHook, Payload, PayloadRequest } from 'payload'

import { personalFieldNames } from '../../collections/access/personalData'
import type { AccessKind } from '../../collections/AccessLog'
import { logAccess } from './logAccess'

/**
 * Set on `req.context` by server code that reads a case with the caller's own rights only to
 * decide something, and hands none of its personal data to the caller (e.g. the next-steps
 * endpoint): such a read is no access to log.
 */
export const READ_NOT_SHOWN = 'accessLogReadNotShown'

const personalByConfig = new WeakMap<object, string[]>()
function personalFields(payload: Payload): string[] {
  const config = payload.collections.complaints.config
  let names = personalByConfig.get(config)
  if (!names) personalByConfig.set(config, (names = personalFieldNames(config.fields)))
  return names
}

/**
 * The admin's edit view reads the case with a request of its own page (payloadAPI `local`, the
 * page's path under the admin route; @payloadcms/next views/Document/getDocumentData.js) or, in a
 * drawer, from a server function (a Next server action: the `next-action` header).
 */
function isAdminView(req: PayloadRequest): boolean {
  if (req.payloadAPI !== 'local') return false
  const admin = req.payload.config.routes.admin
  const pathname = req.pathname ?? ''
  return pathname === admin || pathname.startsWith(`${admin}/`) || req.headers.has('next-action')
}

/**
 * DOMAIN.md Contracts added (access log), Decision 15: every read of a complainant's personal
 * data by a staff member is logged, after the read succeeded. Runs after `find` and `findByID` on
 * complaints, not in `afterRead` (per document and field): one entry per case returned with at
 * least one personal field (field access already removed what the reader may not see, so a
 * handler's view of the queue and a list that selects only the columns log nothing). Trusted code
 * (no user, or `overrideAccess`) logs nothing. Kind `case_opened` for the admin's views,
 * `case_read` for the REST API and the Local API with a user.
 */
export const logCaseRead: CollectionAfterOperationHook<'complaints'> = async ({
  operation,
  overrideAccess,
  req,
  result,
}) => {
  if (operation !== 'find' && operation !== 'findByID') return result
  if (overrideAccess === true || !req.user || req.user.collection !== 'users') return result
  if (req.context[READ_NOT_SHOWN] === true) return result
  const docs = (operation === 'find' ? (result as { docs?: unknown[] }).docs : [result]) ?? []
  const personal = personalFields(req.payload)
  const kind: AccessKind = isAdminView(req) ? 'case_opened' : 'case_read'
  const userId = String(req.user.id)
  for (const doc of docs) {
    if (!doc || typeof doc !== 'object') continue
    const record = doc as Record<string, unknown>
    if (!personal.some((name) => record[name] !== undefined)) continue
    await logAccess(req.payload, { reader: { kind: 'staff', userId }, complaint: String(record.id), kind })
  }
  return result
}
