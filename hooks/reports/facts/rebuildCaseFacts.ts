import type { Payload, PayloadRequest } from 'payload'

import { storeFacts, timelinesOf } from './projectCase'

/**
 * Fills the `case-facts` projection from the timeline, for an installation whose events were
 * written before it existed (called from the migration that adds it). Idempotent: every case with
 * a timeline gets the row its events fold to. A row whose case has no timeline left (its events
 * lost their link when the complaint row was removed) is kept: it is all that counts that case.
 */
export async function rebuildCaseFacts(payload: Payload, req?: Partial<PayloadRequest>): Promise<number> {
  const timelines = await timelinesOf(payload, null, req)
  for (const [caseId, events] of timelines) await storeFacts(payload, caseId, events, req)
  return timelines.size
}
