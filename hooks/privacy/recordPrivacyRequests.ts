import { type CollectionAfterChangeHook, type CollectionBeforeChangeHook, ValidationError } from 'payload'

import type { Complaint } from '../../cms/payload-types'
import { recordEvent } from '../caseEvents/recordEvent'
import { clockOf, personOf } from '../complaints/enforceWorkflow/load'
import { systemOperationOf } from '../complaints/workflow/systemOperations'
import { planInspectionRequests } from './inspection'
import { planLegalHold } from './legalHold'

type PrivacyEvents = { hold: 'legal_hold_set' | 'legal_hold_lifted' | null; requested: string[] }

// Keyed by the request object, as the workflow's pending changes are.
const pending = new WeakMap<object, Map<string, PrivacyEvents>>()

/**
 * The case's legal hold (Decision 19) and requests for inspection (AVG art. 15) on every path:
 * only a manager sets or lifts a hold, with a reason; when and by whom, the due date of a request
 * and when it was answered are the portal's, never the request's. Runs before the workflow, which
 * lets exactly these fields through on a closed case (Decision 16). A named system operation
 * (markInspectionProvided) writes its own fields and passes by.
 */
export const recordPrivacyRequests: CollectionBeforeChangeHook<Complaint> = ({
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (systemOperationOf(context)) return data
  const before = operation === 'update' ? originalDoc : undefined
  const hold = planLegalHold({
    before: before?.privacy,
    incoming: data.privacy,
    person: personOf(req),
    now: clockOf(context, req),
  })
  const inspection =
    'inspectionRequests' in data
      ? planInspectionRequests(before?.inspectionRequests, data.inspectionRequests)
      : planInspectionRequests(before?.inspectionRequests, before?.inspectionRequests)
  const errors = [...hold.errors, ...inspection.errors]
  if (errors.length > 0) throw new ValidationError({ collection: 'complaints', errors, req }, req.t)

  const result: Partial<Complaint> = { ...data, inspectionDueAt: inspection.openDueAt }
  if ('privacy' in data || hold.event) result.privacy = { ...before?.privacy, ...data.privacy, ...hold.hold }
  if ('inspectionRequests' in data) result.inspectionRequests = inspection.rows as Complaint['inspectionRequests']
  if (hold.event || inspection.requested.length > 0) {
    const key = before?.id ?? ''
    const forReq = pending.get(req) ?? new Map<string, PrivacyEvents>()
    forReq.set(key, { hold: hold.event, requested: inspection.requested })
    pending.set(req, forReq)
  }
  return result
}

/** The timeline entries of a hold set or lifted and of a request recorded: no reason, only the due date (Decision 19). */
export const recordPrivacyEvents: CollectionAfterChangeHook<Complaint> = async ({ doc, operation, req }) => {
  const forReq = pending.get(req)
  const key = operation === 'update' ? doc.id : ''
  const events = forReq?.get(key)
  if (!events) return doc
  forReq?.delete(key)
  const actor = req.user?.collection === 'users' ? String(req.user.id) : null
  const base = { complaint: doc.id, actor, actorKind: actor ? ('staff' as const) : ('system' as const) }
  if (events.hold) await recordEvent(req.payload, { ...base, type: events.hold, data: {} }, req)
  for (const due of events.requested)
    await recordEvent(req.payload, { ...base, type: 'inspection_requested', data: { due } }, req)
  return doc
}
