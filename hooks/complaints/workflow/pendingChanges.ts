import type { CorrectionPlan } from './plan/frozen'

/** What one save of a case changed, handed from enforceWorkflow to recordCaseChanges (the timeline). */
export type PendingChanges = { fields: string[]; correction: CorrectionPlan | null }

// Keyed by the request object, as the pending letters are (a nested call may copy `req.context`).
const pending = new WeakMap<object, Map<string, PendingChanges>>()

export function stashChanges(req: object, complaintId: string, changes: PendingChanges): void {
  const forReq = pending.get(req) ?? new Map<string, PendingChanges>()
  forReq.set(complaintId, changes)
  pending.set(req, forReq)
}

export function takeChanges(req: object, complaintId: string): PendingChanges | undefined {
  const forReq = pending.get(req)
  const changes = forReq?.get(complaintId)
  forReq?.delete(complaintId)
  return changes
}
