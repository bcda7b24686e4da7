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
 * folded (the fold reads `receivedAt` and `due`); such a case has no facts until the migration
 * derives its `received_backfilled` entry (hooks/reports/deriveEvents.ts), which the fold reads instead.
 */
function foldable(events: readonly ReportEvent[]): boolean {
  return events.some((event) => {
    if (event.type !== 'received' && event.type !== 'received_backfilled') return false
    const data = event.data as { receivedAt?: unknown; due?: unknown } | undefined
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

/** The cases whose timeline grew inside an open `refoldingOnce` of a request, and how deep it is nested. */
type Batch = { depth: number; cases: Set<string> }
// Keyed by the request object itself: Payload hands the same object to every nested Local API call
// given `req`, while it replaces `req.context` with a copy whenever such a call passes a `context`.
const batches = new WeakMap<Partial<PayloadRequest>, Batch>()

/**
 * A timeline entry of the case was written (recordEvent): inside a `refoldingOnce` of this request
 * its row is folded once when that closes; anywhere else (a job, the backfill, a call without a
 * request) at once, as before.
 */
export async function caseEventWritten(payload: Payload, caseId: string, req?: Partial<PayloadRequest>): Promise<void> {
  const batch = req ? batches.get(req) : undefined
  if (batch) batch.cases.add(caseId)
  else await refoldCase(payload, caseId, req)
}

/**
 * Runs `write` (one save, which may write many timeline entries) and then folds each case it
 * touched once, in the same request and transaction: the row is current when the save returns.
 * Also when `write` throws half-way: the entries written before stay (SQLite runs without
 * transactions), so the row is folded from them before the error goes on. Nested calls on the same
 * request join the outermost one. Without a request nothing can be shared: each entry refolds.
 * A refold that fails after `write` succeeded is thrown, or given to `onRefoldError` where the
 * caller logs a timeline failure rather than fail a save that is stored already.
 */
export async function refoldingOnce<T>(
  payload: Payload,
  req: Partial<PayloadRequest> | undefined,
  write: () => Promise<T>,
  onRefoldError?: (error: unknown) => void,
): Promise<T> {
  if (!req) return write()
  const open = batches.get(req)
  const batch = open ?? { depth: 0, cases: new Set<string>() }
  if (!open) batches.set(req, batch)
  batch.depth += 1
  let result: { ok: true; value: T } | { ok: false; error: unknown }
  try {
    result = { ok: true, value: await write() }
  } catch (error) {
    result = { ok: false, error }
  }
  batch.depth -= 1
  if (batch.depth === 0) {
    batches.delete(req)
    try {
      for (const caseId of batch.cases) await refoldCase(payload, caseId, req)
    } catch (refoldError) {
      // After a failed save its own error is the one to report; this one is logged beside it.
      if (!result.ok)
        payload.logger.error({ err: refoldError, msg: 'Art. 9: case facts could not be folded after a failed save' })
      else if (onRefoldError) onRefoldError(refoldError)
      else throw refoldError
    }
  }
  if (!result.ok) throw result.error
  return result.value
}
