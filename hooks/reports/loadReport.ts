import type { Payload, PayloadRequest } from 'payload'

import { quartersOf } from '../complainant/quarter'
import type { CaseFacts } from './caseFacts'
import type { Satisfaction } from './satisfaction'
import {
  type Art9Report,
  computeReport,
  emptyTally,
  finishTally,
  inPeriod,
  mergeTally,
  type Period,
  tallyCase,
} from './computeReport'
import { aggregateFacts, type SqlClient } from './facts/aggregate'
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
 * its timeline with `asOf` as the cutoff. On SQLite the database counts the rows (their stored
 * `classifyCase` flags: hooks/reports/facts/aggregate.ts) and JS only the refolded cases; on
 * MongoDB and any other adapter the rows are read and counted in JS (`computeReport`), the same rules.
 */
export async function loadReport(
  payload: Payload,
  period: Period,
  asOf: Date = new Date(),
  req?: Partial<PayloadRequest>,
): Promise<Art9Report> {
  const [report, satisfaction] = await Promise.all([
    loadCaseNumbers(payload, period, asOf, req),
    loadSatisfaction(payload, period, req),
  ])
  return { ...report, satisfaction }
}

/**
 * ISO 10002: the survey's answers whose quarter of receipt the period touches (a row knows its
 * quarter, never its case or its day: collections/SurveyResponses.ts), averaged per question.
 */
export async function loadSatisfaction(
  payload: Payload,
  period: Period,
  req?: Partial<PayloadRequest>,
): Promise<Satisfaction> {
  // Trusted: nobody reads the rows through the API; the report shows them aggregated only.
  const { docs } = await payload.find({
    collection: 'survey-responses',
    where: { receivedQuarter: { in: quartersOf(period.from, period.to) } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const average = (key: 'careful' | 'quick' | 'clear'): number | null =>
    docs.length === 0 ? null : Math.round((docs.reduce((sum, d) => sum + d[key], 0) / docs.length) * 10) / 10
  return { responses: docs.length, careful: average('careful'), quick: average('quick'), clear: average('clear') }
}

/** The case numbers of the report (everything but the survey). */
async function loadCaseNumbers(
  payload: Payload,
  period: Period,
  asOf: Date,
  req?: Partial<PayloadRequest>,
): Promise<Art9Report> {
  const at = asOf.toISOString()
  const db = payload.db as unknown as { name: string; client?: SqlClient }
  // MongoDB and any other adapter: the period's rows read and counted in JS (the same rules).
  if (db.name !== 'sqlite' || !db.client)
    return computeReport(await loadPeriodFacts(payload, period, at, req), period, at)
  // SQLite: the database sums the flags of the rows folded through `at` (hooks/reports/facts/aggregate.ts);
  // a case with events after `at` (a report as of the past) is folded again up to `at` and counted in JS.
  const tally = await aggregateFacts(db.client, period, at)
  if (!tally) return computeReport(await loadPeriodFacts(payload, period, at, req), period, at)
  const { rows } = await db.client.execute({
    // By the index on `folded_through` (the `+` keeps SQLite off the `received_on` one): as of now
    // it names no row, where the period's range would visit every row of the period.
    sql: `SELECT "case_id" FROM "case_facts" WHERE "folded_through" > ?1 AND +"received_on" >= ?2 AND +"received_on" <= ?3`,
    args: [at, period.from, period.to],
  })
  const later = emptyTally(period, at)
  for (const facts of await refold(
    payload,
    rows.map((row) => String(row.case_id)),
    at,
    req,
  ))
    if (inPeriod(facts, period)) tallyCase(later, facts, at)
  return finishTally(mergeTally(tally, later))
}

/** The facts as of `asOf` of some cases, folded from their timelines. */
async function refold(
  payload: Payload,
  caseIds: readonly string[],
  asOf: string,
  req?: Partial<PayloadRequest>,
): Promise<CaseFacts[]> {
  const out: CaseFacts[] = []
  // In chunks: a query names at most a few hundred cases.
  for (let i = 0; i < caseIds.length; i += 500) {
    const chunk = caseIds.slice(i, i + 500)
    const timelines = await timelinesOf(payload, chunk, req)
    for (const caseId of chunk) {
      const facts = foldTimeline(caseId, timelines.get(caseId) ?? [], asOf)
      if (facts) out.push(facts)
    }
  }
  return out
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
  return [...out, ...(await refold(payload, later, asOf, req))]
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
