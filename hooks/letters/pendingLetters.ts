import type { Setting } from '../../cms/payload-types'
import type { PreparedLetter } from './issueLetter'

/** The letters of one save, with the settings they were composed with (the organisation's details in the PDF). */
export type PendingLetters = { letters: PreparedLetter[]; settings: Setting }

/**
 * The letters a save of a case composed before writing (enforceWorkflow), handed to the hook that
 * issues them after the write (recordCaseChanges). Keyed by the request object and the case: a
 * nested Local API call may replace `req.context` with a copy, so context is no safe carrier.
 */
const pending = new WeakMap<object, Map<string, PendingLetters>>()

export function stashLetters(req: object, complaintId: string, letters: PendingLetters): void {
  const forReq = pending.get(req) ?? new Map<string, PendingLetters>()
  forReq.set(complaintId, letters)
  pending.set(req, forReq)
}

export function takeLetters(req: object, complaintId: string): PendingLetters | undefined {
  const forReq = pending.get(req)
  const letters = forReq?.get(complaintId)
  forReq?.delete(complaintId)
  return letters
}
