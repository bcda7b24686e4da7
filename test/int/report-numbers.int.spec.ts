import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { up as migrateReportEvents } from '../../cms/migrations/20261202_021045_report_events'
import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import type { Complaint } from '../../cms/payload-types'
import type { Art9Report } from '../../hooks/reports/computeReport'
import { deriveMissingEvents } from '../../hooks/reports/deriveEvents'
import { rebuildCaseFacts } from '../../hooks/reports/facts/rebuildCaseFacts'
import { loadReport } from '../../hooks/reports/loadReport'
import { quarter } from '../../hooks/reports/periods'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { recordedComplaint } from '../helpers/intake'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUser, type StaffUser } from '../helpers/staff'

/**
 * Art. 9 and Decision 18: the report's numbers for cases run through the real workflow (Local API,
 * a manager records, a handler handles, the outbox delivers through the real Resend SDK against the
 * fake server), each built to hit one edge, against numbers worked out by hand below. Time is the
 * test's own: the process clock (Date only) is set for every step, so the workflow, the letters and
 * the outbox all see that moment. Q1 2026 runs 1 January to 31 March; summer time starts 29 March.
 */
let ctx: TestPayload
let payload: Payload
let fake: FakeResend
let manager: StaffUser
let handler: StaffUser
const ids: Record<string, string> = {}

const Q1 = quarter(2026, 1)
const AS_OF = new Date('2026-06-30T10:00:00.000Z')

/** Runs `step` with the clock at `moment` (Date only: timers run as usual). */
async function at<T>(moment: string, step: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(moment) })
  try {
    return await step()
  } finally {
    vi.useRealTimers()
  }
}
const deliver = () => payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 100 })

/** Staff intake (Art. 3) at `recordedAt` of a complaint received at `receivedAt`; its letters of registration sent. */
const intake = (name: string, receivedAt: string, recordedAt: string, overrides: Partial<Complaint> = {}) =>
  at(recordedAt, async () => {
    const c = await payload.create({
      collection: 'complaints',
      overrideAccess: false,
      user: manager,
      data: recordedComplaint({
        receivedAt,
        conduct: { when: 'date', date: '2025-12-15' },
        assignedHandler: handler.id,
        ...overrides,
      }),
    })
    ids[name] = c.id
    await deliver()
    return c
  })

/** A handler's save at `moment`, its letters delivered in that same moment. */
const save = (name: string, moment: string, data: Record<string, unknown>) =>
  at(moment, async () => {
    const saved = await payload.update({
      collection: 'complaints',
      id: ids[name] ?? '',
      data,
      overrideAccess: false,
      user: handler,
    })
    await deliver()
    return saved
  })

const acknowledge = (name: string, moment: string, statedTermWeeks = 4) =>
  save(name, moment, {
    status: 'acknowledged',
    acknowledgement: { factsSummary: 'Drie gemiste afspraken in december.', statedTermWeeks },
  })
const decide = (name: string, moment: string, outcome: 'upheld' | 'not_upheld') =>
  save(name, moment, {
    status: 'decided',
    decision: {
      outcome,
      factsAsSeen: 'De coach heeft drie afspraken gemist.',
      reasonedPosition: 'Afspraken nakomen hoort bij behoorlijke begeleiding.',
      ...(outcome === 'upheld' ? { remedy: 'full', remedyExplanation: 'Wij plannen de gesprekken opnieuw in.' } : {}),
    },
  })

const eventsOf = async (name: string, type?: string) =>
  (
    await payload.find({
      collection: 'case-events',
      where: {
        and: [{ complaint: { equals: ids[name] } }, ...(type ? [{ type: { equals: type } }] : [])],
      },
      sort: 'at',
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs

/** The numbers worked out by hand for the cases below (Q1 2026, as of 30 June 2026). */
const EXPECTED: Partial<Art9Report> = {
  // firstDay, lastDay, notAdmittedLate, statedThreeWeeks, withdrawn, informal, open; not afterPeriod.
  total: 7,
  notAdmitted: 1,
  // Notice sent on day 29: late (Art. 7: within 4 weeks).
  notAdmittedOnTime: 0,
  // Decision 9 and 18: every other case, withdrawn and still open included.
  admitted: 6,
  // Stated term: firstDay (day 42 > 4 weeks), lastDay, statedThreeWeeks (day 22 > 3 weeks; the delay
  // notice does not move it) no; withdrawn (day 10) and informal (day 3) yes; open not ended.
  admittedOnTimeStated: 2,
  // Six weeks: firstDay (day 42) yes, lastDay (day 43) no, statedThreeWeeks, withdrawn, informal yes.
  admittedOnTimeLimit: 4,
  open: 1,
  // Its 4-week target (17 April) passed by 30 June.
  openOverdue: 1,
  // Acknowledged: firstDay (day 1), lastDay (day 1), statedThreeWeeks (day 1), open (day 6: late).
  acknowledged: 4,
  acknowledgedOnTime: 3,
  ended: 6,
  // Lead days 42, 43, 29, 22, 10, 3 → sorted 3, 10, 22, 29, 42, 43: median (22 + 29) / 2, p90 the 6th.
  leadTimeDays: { median: 25.5, p90: 43 },
  delayNotices: 1,
  casesWithDelayNotice: 1,
  hearings: 1,
  informalSettlements: 1,
  withdrawals: 1,
  travelCostRequests: 1,
  byCategory: { negligence: 7, incorrect_information: 1 },
  byRole: { client: 6, employer: 1 },
  byClientOrganisation: { unknown: 6, municipality: 1 },
  byChannel: { letter: 1, phone: 6 },
  byOutcome: { upheld: 1, not_upheld: 2, not_admitted: 1, withdrawn: 1, resolved_informally: 1, open: 1 },
}
const numbers = (report: Art9Report) =>
  Object.fromEntries(Object.keys(EXPECTED).map((key) => [key, report[key as keyof Art9Report]]))

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: 're_report_numbers_key' })
  ctx = await createTestPayload({
    RESEND_API_KEY: 're_report_numbers_key',
    RESEND_BASE_URL: fake.url,
    OUTBOX_RETRY_DELAY_MS: '1',
  })
  payload = ctx.payload
  manager = await createStaffUser(payload, 'manager@example.nl', 'Maria Manager', ['manager'])
  handler = await createStaffUser(payload, 'handler@example.nl', 'Anton Behandelaar', ['handler'])
  await payload.updateGlobal({
    slug: 'settings',
    data: { uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' } },
  })

  // 1 January 00:10 in Amsterdam is 31 December 23:10 UTC: inside Q1 2026. A letter, recorded the
  // next morning. Decided (upheld) on day 42, 12 February: within six weeks, not within 4 weeks.
  await intake('firstDay', '2025-12-31T23:10:00.000Z', '2026-01-01T08:00:00.000Z', { channel: 'letter' })
  await acknowledge('firstDay', '2026-01-02T09:00:00.000Z')
  await decide('firstDay', '2026-02-12T10:00:00.000Z', 'upheld')

  // 31 March 23:30 summer time is 21:30 UTC: still Q1. Decided on day 43, 13 May: late for both terms.
  await intake('lastDay', '2026-03-31T21:30:00.000Z', '2026-04-01T07:00:00.000Z')
  await acknowledge('lastDay', '2026-04-01T09:00:00.000Z')
  await decide('lastDay', '2026-05-13T10:00:00.000Z', 'not_upheld')

  // 1 April 00:30 summer time is 31 March 22:30 UTC: outside Q1, although the UTC date is 31 March.
  // Recorded with a request for travel costs (Art. 6.4).
  await intake('afterPeriod', '2026-03-31T22:30:00.000Z', '2026-04-01T07:30:00.000Z', {
    hearing: { travelCostRequested: true },
  })

  // Not admitted on day 29 (8 February), the notice sent then: the 4 weeks ended 7 February (Art. 7).
  await intake('notAdmittedLate', '2026-01-10T09:00:00.000Z', '2026-01-10T10:00:00.000Z')
  await save('notAdmittedLate', '2026-02-08T09:00:00.000Z', {
    status: 'not_admitted',
    nonAdmission: { ground: 'insufficient_interest', reasons: 'Het belang is kennelijk onvoldoende.' },
  })

  // A stated term of 3 weeks (to 23 February); a delay notice on 20 February moves the target to
  // 9 March; decided on day 22 (24 February): late for the stated term (Decision 18), within six weeks.
  await intake('statedThreeWeeks', '2026-02-02T09:00:00.000Z', '2026-02-02T10:00:00.000Z')
  await acknowledge('statedThreeWeeks', '2026-02-03T09:00:00.000Z', 3)
  await save('statedThreeWeeks', '2026-02-20T09:00:00.000Z', {
    delayNotice: { reason: 'Wij wachten op informatie van UWV.', newTargetDate: '2026-03-09' },
  })
  await decide('statedThreeWeeks', '2026-02-24T10:00:00.000Z', 'not_upheld')

  // Reclassified the next day (an employer, via the municipality), withdrawn on day 10 (Decision 9).
  await intake('withdrawn', '2026-02-16T09:00:00.000Z', '2026-02-16T10:00:00.000Z')
  await save('withdrawn', '2026-02-17T09:00:00.000Z', {
    complainant: { role: 'employer', clientOrganisation: 'municipality', name: 'Jan Jansen', email: 'jan@example.nl' },
    clientName: 'Klaas Cliënt',
  })
  await save('withdrawn', '2026-02-26T09:00:00.000Z', {
    status: 'withdrawn',
    withdrawal: { withdrawnAt: '2026-02-26T08:00:00.000Z' },
  })

  // A second category the next day; settled informally on day 3 (Art. 5 note, Decision 7).
  await intake('informal', '2026-03-02T09:00:00.000Z', '2026-03-02T10:00:00.000Z')
  await save('informal', '2026-03-03T09:00:00.000Z', { categories: ['negligence', 'incorrect_information'] })
  await save('informal', '2026-03-05T09:00:00.000Z', {
    status: 'resolved_informally',
    informal: {
      oralAnswer: 'Wij hebben de afspraken opnieuw gemaakt.',
      agreements: 'Een nieuwe coach vanaf maart.',
      satisfactionConfirmedAt: '2026-03-05T08:00:00.000Z',
    },
  })

  // Still open on 30 June: acknowledged on day 6 (late), travel costs asked (Art. 6.4), a hearing on
  // 2 April whose report was sent on 3 April (Art. 6.3), then saved again with the box still ticked.
  await intake('open', '2026-03-20T09:00:00.000Z', '2026-03-20T10:00:00.000Z')
  await acknowledge('open', '2026-03-26T09:00:00.000Z')
  await save('open', '2026-04-01T09:00:00.000Z', { hearing: { travelCostRequested: true } })
  await save('open', '2026-04-03T09:00:00.000Z', {
    hearing: {
      travelCostRequested: true,
      at: '2026-04-02T10:00:00.000Z',
      attendees: [{ name: 'Jan Jansen', role: 'complainant' }],
      report: 'Klager en coach zijn gehoord.',
      sendReport: true,
    },
  })
  await save('open', '2026-04-04T09:00:00.000Z', { hearing: { travelCostRequested: true, agreements: 'Geen.' } })
}, 240_000)

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

describe('Art. 9: the timeline holds what the report needs, written in the save', () => {
  it('Art. 3, Art. 9: a complaint recorded later carries the date of receipt it was given and its due dates', async () => {
    const [received] = await eventsOf('firstDay', 'received')
    const c = await payload.findByID({ collection: 'complaints', id: ids.firstDay ?? '', overrideAccess: true })
    expect(received?.at).toBe('2025-12-31T23:10:00.000Z')
    expect(received?.data).toMatchObject({
      receivedAt: '2025-12-31T23:10:00.000Z',
      channel: 'letter',
      // Art. 5: day 5 is 6 January; Art. 7: 4 weeks 29 January, 6 weeks 12 February (end of the Amsterdam day).
      due: {
        acknowledge: '2026-01-06T22:59:59.999Z',
        nonAdmissionNotice: '2026-01-29T22:59:59.999Z',
        decisionTarget: '2026-01-29T22:59:59.999Z',
        decisionLimit: '2026-02-12T22:59:59.999Z',
      },
    })
    expect(c.deadlines?.decisionLimitBy).toBe('2026-02-12T22:59:59.999Z')
  })

  it('Art. 9: a change of role, opdrachtgever or categories is recorded as codes, only the parts that changed', async () => {
    expect((await eventsOf('withdrawn', 'classified')).map((e) => [e.at, e.data])).toEqual([
      ['2026-02-17T09:00:00.000Z', { role: 'employer', clientOrganisation: 'municipality' }],
    ])
    expect((await eventsOf('informal', 'classified')).map((e) => e.data)).toEqual([
      { categories: ['negligence', 'incorrect_information'] },
    ])
  })

  it('Art. 6.4: a travel-cost request is recorded once, not on every save with the box ticked', async () => {
    expect((await eventsOf('open', 'travel_costs_requested')).map((e) => e.at)).toEqual(['2026-04-01T09:00:00.000Z'])
    // Recorded with the complaint: in the save that registers it.
    expect((await eventsOf('afterPeriod', 'travel_costs_requested')).map((e) => e.at)).toEqual([
      '2026-04-01T07:30:00.000Z',
    ])
  })

  it('Art. 7 note, Decision 18: the delay notice and the hearing report are recorded when sent, once each', async () => {
    const [notice] = await payload
      .find({
        collection: 'letters',
        where: { and: [{ complaint: { equals: ids.statedThreeWeeks } }, { purpose: { equals: 'delay_notice' } }] },
        overrideAccess: true,
      })
      .then((r) => r.docs)
    expect((await eventsOf('statedThreeWeeks', 'delay_notice_sent')).map((e) => [e.at, e.data])).toEqual([
      ['2026-02-20T09:00:00.000Z', { letter: notice?.id }],
    ])
    expect((await eventsOf('open', 'hearing_recorded')).map((e) => e.at)).toEqual(['2026-04-03T09:00:00.000Z'])
  })
})

describe('Art. 9, Decision 18: the report over Q1 2026 as of 30 June', () => {
  it('Art. 7, Art. 9, Decision 18: the numbers worked out by hand', async () => {
    expect(numbers(await loadReport(payload, Q1, AS_OF))).toEqual(EXPECTED)
  })

  it('Decision 18: as of 20 February noon, after the delay notice and before the later endings', async () => {
    const report = await loadReport(payload, Q1, new Date('2026-02-20T12:00:00.000Z'))
    // Received by then: firstDay (ended 12 February), notAdmittedLate (8 February), statedThreeWeeks, withdrawn.
    expect([report.total, report.ended, report.open, report.delayNotices, report.admittedOnTimeLimit]).toEqual([
      4, 2, 2, 1, 1,
    ])
    // The reclassification of 17 February counts; the second category (3 March) not yet.
    expect([report.byRole, report.byCategory]).toEqual([{ client: 3, employer: 1 }, { negligence: 4 }])
  })
})

describe('Art. 9: existing installations (deriveMissingEvents, migration 20261202_021045_report_events)', () => {
  it('a timeline written the old way gives the same numbers once the missing entries are derived; a second run adds nothing', async () => {
    // The old state: `received` without its moment and due dates, and none of the entries older versions
    // never wrote. Through the database adapter: the timeline refuses every change through Payload.
    const all = await payload.find({ collection: 'case-events', pagination: false, depth: 0, overrideAccess: true })
    for (const event of all.docs) {
      if (event.type === 'received') {
        const { receivedAt: _r, due: _d, ...old } = event.data as Record<string, unknown>
        await payload.db.updateOne({ collection: 'case-events', id: event.id, data: { data: old } })
      }
    }
    await payload.db.deleteMany({
      collection: 'case-events',
      where: { type: { in: ['classified', 'travel_costs_requested', 'delay_notice_sent', 'hearing_recorded'] } },
    })
    // The projection as the case-facts migration (20261202_021032, before this one) builds it from that old timeline.
    await rebuildCaseFacts(payload)
    // The old timeline counts nothing: no case has a date of receipt the report can read.
    expect((await loadReport(payload, Q1, AS_OF)).total).toBe(0)

    const written = await deriveMissingEvents(payload)
    // 8 registrations; the two reclassified cases; two travel-cost requests; the delay notice and the hearing.
    expect(written).toEqual({ registrations: 8, classifications: 2, travelCostRequests: 2, milestones: 2 })
    // Dated at the change of the box when the timeline shows one, else at the run.
    expect((await eventsOf('open', 'travel_costs_requested')).map((e) => e.at)).toEqual(['2026-04-01T09:00:00.000Z'])
    expect(numbers(await loadReport(payload, Q1, AS_OF))).toEqual(EXPECTED)
    const [backfilled] = await eventsOf('firstDay', 'received_backfilled')
    expect([backfilled?.at, (backfilled?.data as { due?: unknown }).due]).toEqual([
      '2025-12-31T23:10:00.000Z',
      {
        acknowledge: '2026-01-06T22:59:59.999Z',
        nonAdmissionNotice: '2026-01-29T22:59:59.999Z',
        // As computed at intake: before the acknowledgement stated its term.
        decisionTarget: '2026-01-29T22:59:59.999Z',
        decisionLimit: '2026-02-12T22:59:59.999Z',
      },
    ])
    const [statedBackfilled] = await eventsOf('statedThreeWeeks', 'received_backfilled')
    expect((statedBackfilled?.data as { due?: { decisionTarget?: string } }).due?.decisionTarget).toBe(
      '2026-03-02T22:59:59.999Z',
    )

    // Run again, as the migration's `up` does: nothing new.
    const count = async () => (await payload.count({ collection: 'case-events', overrideAccess: true })).totalDocs
    const before = await count()
    await migrateReportEvents({ payload, req: { payload } } as unknown as Parameters<typeof migrateReportEvents>[0])
    expect(await count()).toBe(before)
    expect(await deriveMissingEvents(payload)).toEqual({
      registrations: 0,
      classifications: 0,
      travelCostRequests: 0,
      milestones: 0,
    })
    expect(numbers(await loadReport(payload, Q1, AS_OF))).toEqual(EXPECTED)
  })
})
