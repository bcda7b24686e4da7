import type { Payload, PayloadRequest } from 'payload'

import type { CaseFacts } from './caseFacts'
import { type Art9Report, computeReport, type Period } from './computeReport'
import { foldTimeline, timelinesOf } from './facts/projectCase'
import { readFacts } from './facts/readFacts'

/**
 * The Art. 9 report as the portal answers it: the facts of every case received in the period,
 * folded from the timeline alone (never from case fields, which retention blanks: Decision 19),
 * then counted as of `asOf` (Decision 18, default now). Every caller (the endpoint, the admin
 * view, the quarterly snapshot) goes through here, so that they all show the same numbers.
 *
 * The folds are kept in the `case-facts` projection (one row per case, written with every event:
 * hooks/reports/facts/); a case whose row has folded an event after `asOf` is folded again from
 * its timeline with `asOf` as the cutoff.
 */
export async function loadReport(
  payload: Payload,
  period: Period,
  asOf: Date = new Date(),
  req?: Partial<PayloadRequest>,
): Promise<Art9Report> {
  const at = asOf.toISOString()
  return computeReport(await loadPeriodFacts(payload, period, at, req), period, at)
}

/** The facts, as of `asOf`, of the cases received in the period. Trusted server code. */
export async function loadPeriodFacts(
  payload: Payload,
  period: Period,
  asOf: string,
  req?: Partial<PayloadRequest>,
): Promise<CaseFacts[]> {
  const cutoff = Date.parse(asOf)
  const out: CaseFacts[] = []
  const later: string[] = []
  for (const { foldedThrough, ...facts } of await readFacts(payload, period, req)) {
    if (Date.parse(foldedThrough) <= cutoff) out.push(facts)
    else later.push(facts.complaint)
  }
  if (later.length === 0) return out
  // In chunks: a query names at most a few hundred cases.
  for (let i = 0; i < later.length; i += 500) {
    const chunk = later.slice(i, i + 500)
    const timelines = await timelinesOf(payload, chunk, req)
    for (const caseId of chunk) {
      const facts = foldTimeline(caseId, timelines.get(caseId) ?? [], asOf)
      if (facts) out.push(facts)
    }
  }
  return out
}

/** Every case's facts as of `asOf`, folded from the whole timeline (no projection): the reference the projection is held to. */
export async function loadCaseFacts(
  payload: Payload,
  asOf: string,
  req?: Partial<PayloadRequest>,
): Promise<CaseFacts[]> {
  const out: CaseFacts[] = []
  for (const [caseId, events] of await timelinesOf(payload, null, req)) {
    const facts = foldTimeline(caseId, events, asOf)
    if (facts) out.push(facts)
  }
  return out
}
