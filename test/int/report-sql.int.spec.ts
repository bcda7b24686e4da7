import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { classifyCase, computeReport, type Period } from '../../hooks/reports/computeReport'
import { rebuildCaseFacts } from '../../hooks/reports/facts/rebuildCaseFacts'
import { loadCaseFacts, loadPeriodFacts, loadReport } from '../../hooks/reports/loadReport'
import { year } from '../../hooks/reports/periods'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { caseGenerator, COMPLAINT_COLUMNS, complaintRow, type GeneratedCase } from '../helpers/reportCases'

/**
 * Art. 9, Decision 18: on SQLite the report is counted by the database from the flags every
 * `case-facts` row stores (`classifyCase` as of the row's `foldedThrough`), with the rows folded
 * after the report's moment refolded in JS. Held here to the JS `computeReport` over a fresh
 * fold of every timeline, on generated cases that reach every branch (seeded: the same cases on
 * every run), for several periods and moments, some in the past.
 */
type Client = {
  execute(stmt: string | { sql: string; args: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>
}

const DAY = 86_400_000
// A fixed "now" (the timelines are cut there) and reports as of then, later, and in the past.
const NOW = Date.parse('2026-11-20T10:00:00.000Z')
const MOMENTS = [NOW, NOW + 40 * DAY, NOW - 3 * DAY, NOW - 30 * DAY, NOW - 400 * DAY].map((ms) => new Date(ms))
const PERIODS: Period[] = [
  year(2025),
  year(2026),
  { from: '2025-10-01', to: '2025-12-31' },
  { from: '2024-02-15', to: '2026-06-03' },
  { from: '2026-11-01', to: '2026-11-30' },
  { from: '2020-01-01', to: '2030-12-31' },
]

let ctx: TestPayload
let payload: Payload
let cases: GeneratedCase[] = []
const client = () => (payload.db as unknown as { client: Client }).client

async function insert(table: string, columns: readonly string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 50) {
    const chunk = rows.slice(i, i + 50)
    await client().execute({
      sql: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${chunk.map(() => `(${columns.map(() => '?').join(',')})`).join(',')}`,
      args: chunk.flat(),
    })
  }
}

/** The reference: every timeline folded afresh up to the moment, counted in JS. */
const reference = async (period: Period, asOf: Date) =>
  computeReport(await loadCaseFacts(payload, asOf.toISOString()), period, asOf.toISOString())

beforeAll(async () => {
  ctx = await createTestPayload()
  payload = ctx.payload
  const generate = caseGenerator({ seed: 9, now: NOW, spanDays: 900, odd: true })
  cases = Array.from({ length: 700 }, generate)
  await insert(
    'complaints',
    COMPLAINT_COLUMNS,
    cases.map((c, n) => complaintRow(c, n, NOW)),
  )
  await insert(
    'case_events',
    ['id', 'complaint_id', 'type', 'at', 'actor_kind', 'data'],
    cases.flatMap((c) => c.events.map((e) => [randomUUID(), c.id, e.type, e.at, 'system', JSON.stringify(e.data)])),
  )
  // The projection as an existing installation gets it (the migration's data step).
  await rebuildCaseFacts(payload)
}, 120_000)

afterAll(async () => {
  await ctx?.cleanup()
})

describe('Art. 9, Decision 18: the report counted by SQLite equals the report counted in JS', () => {
  it('the generated cases reach every branch the report counts', async () => {
    const facts = await loadCaseFacts(payload, new Date(NOW).toISOString())
    const flags = facts.map((f) => classifyCase(f, new Date(NOW).toISOString()))
    const some = (test: (i: number) => boolean) => flags.some((_, i) => test(i))
    expect({
      notAdmittedOnTime: some((i) => flags[i]!.notAdmittedOnTime),
      notAdmittedLate: some((i) => flags[i]!.notAdmitted && !flags[i]!.notAdmittedOnTime),
      onTimeStated: some((i) => flags[i]!.admittedOnTimeStated),
      lateLimit: some((i) => flags[i]!.ended && flags[i]!.admitted && !flags[i]!.admittedOnTimeLimit),
      overdue: some((i) => flags[i]!.overdueFrom !== null && !flags[i]!.ended && NOW > flags[i]!.overdueFrom),
      endingNotEnded: some((i) => facts[i]!.ending !== null && !flags[i]!.ended),
      delay: some((i) => flags[i]!.hasDelayNotice),
      hearing: some((i) => flags[i]!.hearings > 0),
      informal: some((i) => flags[i]!.informal),
      withdrawn: some((i) => flags[i]!.withdrawn),
      travel: some((i) => flags[i]!.travel),
      decidedNoOutcome: some((i) => flags[i]!.outcome === 'decided'),
      unknownOrganisation: some((i) => facts[i]!.clientOrganisation === null),
      outsideVocabulary: some((i) => facts[i]!.channel === 'fax'),
      categoryTwice: some((i) => new Set(facts[i]!.categories).size < facts[i]!.categories.length),
    }).toEqual({
      notAdmittedOnTime: true,
      notAdmittedLate: true,
      onTimeStated: true,
      lateLimit: true,
      overdue: true,
      endingNotEnded: true,
      delay: true,
      hearing: true,
      informal: true,
      withdrawn: true,
      travel: true,
      decidedNoOutcome: true,
      unknownOrganisation: true,
      outsideVocabulary: true,
      categoryTwice: true,
    })
    // Some rows were folded after the past moments: those reports refold them.
    const { rows } = await client().execute({
      sql: 'SELECT count(*) AS n FROM case_facts WHERE folded_through > ?',
      args: [new Date(NOW - 30 * DAY).toISOString()],
    })
    expect(Number(rows[0]?.n)).toBeGreaterThan(10)
  })

  it('gives the same report as computeReport over a fresh fold, for every period and moment (past ones too)', async () => {
    for (const asOf of MOMENTS)
      for (const period of PERIODS) {
        // The timeline's numbers; the survey's table (ISO 10002) comes from its own unlinked rows, not the timeline.
        const { satisfaction: _survey, ...report } = await loadReport(payload, period, asOf)
        expect({ period, asOf, report }).toEqual({ period, asOf, report: await reference(period, asOf) })
        expect(report).toEqual(
          computeReport(await loadPeriodFacts(payload, period, asOf.toISOString()), period, asOf.toISOString()),
        )
      }
  }, 120_000)

  it('counts the stored flags, not the rows read back: a flag changed in the database changes the SQLite report only', async () => {
    const period = year(2025)
    const asOf = new Date(NOW)
    const before = await loadReport(payload, period, asOf)
    const { rows } = await client().execute({
      sql: `SELECT id FROM case_facts WHERE received_on >= '2025-01-01' AND received_on <= '2025-12-31' AND not_admitted = 0 LIMIT 1`,
      args: [],
    })
    await client().execute({ sql: 'UPDATE case_facts SET not_admitted = 1 WHERE id = ?', args: [rows[0]?.id] })
    try {
      const after = await loadReport(payload, period, asOf)
      expect(after.notAdmitted).toBe(before.notAdmitted + 1)
      // The JS count over the same rows reads their facts, so it stays as it was.
      const js = computeReport(await loadPeriodFacts(payload, period, asOf.toISOString()), period, asOf.toISOString())
      expect(js.notAdmitted).toBe(before.notAdmitted)
    } finally {
      await rebuildCaseFacts(payload)
    }
    // rebuildCaseFacts restores every row's flags from the timeline.
    expect(await loadReport(payload, period, asOf)).toEqual(before)
  })
})
