import type { PreparedLetter } from './issueLetter'

/**
 * The letters a save of a case composed before writing (enforceWorkflow), handed to the hook that
 * issues them after the write (recordCaseChanges). Keyed by the request object and the case: a
 * nested Local API call may replace `req.context` with a copy, so context is no safe carrier.
 */
const pending = new WeakMap<object, Map<string, PreparedLetter[]>>()

export function stashLetters(req: object, complaintId: string, letters: PreparedLetter[]): void {
  const forReq = pending.get(req) ?? new Map<string, PreparedLetter[]>()
  forReq.set(complaintId, letters)
  pending.set(req, forReq)
}

export function takeLetters(req: object, complaintId: string): PreparedLetter[] {
  const forReq = pending.get(req)
  const letters = forReq?.get(complaintId) ?? []
  forReq?.delete(complaintId)
  return letters
}
