import type { Payload, PayloadRequest } from 'payload'

import { type CaseFacts, foldCaseEvents, type ReportEvent } from './caseFacts'
import { type Art9Report, computeReport, type Period } from './computeReport'

/**
 * The Art. 9 report as the portal answers it: the facts of every case received in the period,
 * folded from the timeline alone (never from case fields, which retention blanks: Decision 19),
 * then counted as of `asOf` (Decision 18, default now). Every caller (the endpoint, the admin
 * view, the quarterly snapshot) goes through here, so that they all show the same numbers.
 */
export async function loadReport(
  payload: Payload,
  period: Period,
  asOf: Date = new Date(),
  req?: Partial<PayloadRequest>,
): Promise<Art9Report> {
  const at = asOf.toISOString()
  const facts = await loadCaseFacts(payload, at, req)
  return computeReport(facts, period, at)
}

/** Every case's facts as of `asOf`. Trusted server code: the callers check the manager role themselves. */
export async function loadCaseFacts(
  payload: Payload,
  asOf: string,
  req?: Partial<PayloadRequest>,
): Promise<CaseFacts[]> {
  const { docs } = await payload.find({
    collection: 'case-events',
    overrideAccess: true,
    pagination: false,
    depth: 0,
    sort: 'at',
    where: { at: { less_than_equal: asOf } },
    select: { complaint: true, type: true, at: true, data: true },
    req,
  })
  const byCase = new Map<string, ReportEvent[]>()
  for (const doc of docs) {
    const complaint = typeof doc.complaint === 'object' && doc.complaint ? doc.complaint.id : doc.complaint
    if (complaint === null || complaint === undefined) continue
    const key = String(complaint)
    const events = byCase.get(key) ?? []
    events.push({ type: doc.type, at: doc.at, data: doc.data })
    byCase.set(key, events)
  }
  const out: CaseFacts[] = []
  for (const [complaint, events] of byCase) {
    const facts = foldCaseEvents(complaint, events, asOf)
    if (facts) out.push(facts)
  }
  return out
}
