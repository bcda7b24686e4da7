import type { Payload, PayloadRequest, Where } from 'payload'

import { type CaseFacts, foldCaseEvents, type ReportEvent } from '../caseFacts'
import { CASE_FACTS, toRow } from './rows'

/**
 * The timelines of some cases (or of all: no ids), grouped by case, in the order they happened.
 * Trusted server code: the timeline has no read access for the report's callers' roles to check here.
 */
export async function timelinesOf(
  payload: Payload,
  caseIds: readonly string[] | null,
  req?: Partial<PayloadRequest>,
): Promise<Map<string, ReportEvent[]>> {
  const where: Where | undefined = caseIds ? { complaint: { in: [...caseIds] } } : undefined
  const { docs } = await payload.find({
    collection: 'case-events',
    overrideAccess: true,
    pagination: false,
    depth: 0,
    sort: 'at',
    where,
    select: { complaint: true, type: true, at: true, data: true },
    req,
  })
  const byCase = new Map<string, ReportEvent[]>()
  for (const doc of docs) {
    const complaint = typeof doc.complaint === 'object' && doc.complaint ? doc.complaint.id : doc.complaint
    // A complaint row removed at the database sets its events' link to NULL: they belong to no case now.
    if (complaint === null || complaint === undefined) continue
    const key = String(complaint)
    const events = byCase.get(key) ?? []
    events.push({ type: doc.type, at: doc.at, data: doc.data })
    byCase.set(key, events)
  }
  return byCase
}

/**
 * A `received` entry written before it carried the date of receipt and the due moments cannot be
 * folded (the fold reads `receivedAt` and `due`); such a case has no facts until its entry does,
 * or until the `received_backfilled` entry hooks/reports/deriveEvents.ts adds for it.
 */
function foldable(events: readonly ReportEvent[]): boolean {
  return events.some((event) => {
    if (event.type !== 'received' && event.type !== 'received_backfilled') return false
    const data = event.data as { receivedAt?: unknown; due?: unknown } | null
    return typeof data?.receivedAt === 'string' && typeof data.due === 'object' && data.due !== null
  })
}

/** A case's facts from its timeline, up to `asOf` (Decision 18); null when there is nothing to count. */
export function foldTimeline(caseId: string, events: readonly ReportEvent[], asOf: string): CaseFacts | null {
  return foldable(events) ? foldCaseEvents(caseId, events, asOf) : null
}

/** Writes (or removes) a case's row from its whole timeline. Adapter level: both adapters, no hooks. */
export async function storeFacts(
  payload: Payload,
  caseId: string,
  events: readonly ReportEvent[],
  req?: Partial<PayloadRequest>,
): Promise<void> {
  const last = events.at(-1)?.at
  const facts = last ? foldTimeline(caseId, events, last) : null
  const where: Where = { caseId: { equals: caseId } }
  if (!facts || !last) {
    await payload.db.deleteOne({ collection: CASE_FACTS, where, req })
    return
  }
  await payload.db.upsert({ collection: CASE_FACTS, where, data: toRow(facts, last), req, returning: false })
}

/**
 * Art. 9: after each timeline entry, its case's row is folded again from the whole timeline, in
 * the same request (and transaction, where the database has them) as the entry itself.
 */
export async function refoldCase(payload: Payload, caseId: string, req?: Partial<PayloadRequest>): Promise<void> {
  const events = (await timelinesOf(payload, [caseId], req)).get(caseId) ?? []
  await storeFacts(payload, caseId, events, req)
}
