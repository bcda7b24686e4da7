import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { OUTBOX_QUEUE } from '../../cms/email/enqueue'
import type { Complaint, User } from '../../cms/payload-types'
import { recordEvent } from '../../hooks/caseEvents/recordEvent'
import type { CaseFacts } from '../../hooks/reports/caseFacts'
import type { Period } from '../../hooks/reports/computeReport'
import { refoldingOnce } from '../../hooks/reports/facts/projectCase'
import { readFacts } from '../../hooks/reports/facts/readFacts'
import { loadCaseFacts, loadReport } from '../../hooks/reports/loadReport'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { recordedComplaint } from '../helpers/intake'
import { createTestPayload, type TestPayload } from '../helpers/payload'
import { createStaffUserWithToken } from '../helpers/staff'

/**
 * Art. 9, Decision 18: the `case-facts` row of a case follows its timeline. A save that writes
 * several timeline entries folds the case once, after the last of them, in the same request (so
 * the row is current when the save returns), also when the save fails half-way; an entry written
 * outside a save (a job, a call without a request) folds at once. Decision 12, 17: a posted letter
 * was sent on its posting date as last corrected.
 */
type Staff = User & { collection: 'users' }

let ctx: TestPayload
let payload: Payload
let fake: FakeResend
let manager: Staff
let handler: Staff
let handlerToken = ''
const ALL: Period = { from: '2000-01-01', to: '2100-12-31' }
const FAR = '2100-01-01T00:00:00.000Z'

const deliver = () => payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 100 })
const update = (id: string, data: Record<string, unknown>) =>
  payload.update({ collection: 'complaints', id, data, overrideAccess: false, user: handler })
const entries = async (id: string) =>
  (await payload.count({ collection: 'case-events', where: { complaint: { equals: id } }, overrideAccess: true }))
    .totalDocs

/** Counts the writes of `case-facts` rows (one per refold) through the adapter's own functions, which still run. */
function countFactWrites(): { writes: () => number; stop: () => void } {
  const upsert = vi.spyOn(payload.db, 'upsert')
  const deleteOne = vi.spyOn(payload.db, 'deleteOne')
  const ofFacts = (calls: { collection: string }[][]) => calls.filter(([args]) => args?.collection === 'case-facts')
  return {
    writes: () => ofFacts(upsert.mock.calls).length + ofFacts(deleteOne.mock.calls).length,
    stop: () => {
      upsert.mockRestore()
      deleteOne.mockRestore()
    },
  }
}

/** The case's stored row, and its facts folded from the whole timeline now: they must be the same. */
async function storedAndFolded(id: string): Promise<{ stored: CaseFacts | null; folded: CaseFacts | null }> {
  const stored = (await readFacts(payload, ALL)).find((row) => row.complaint === id)
  const folded = (await loadCaseFacts(payload, FAR)).find((facts) => facts.complaint === id)
  if (!stored) return { stored: null, folded: folded ?? null }
  const { foldedThrough: _through, ...facts } = stored
  return { stored: facts, folded: folded ?? null }
}

async function recordCase(data: Partial<Complaint> = {}): Promise<string> {
  const c = await payload.create({
    collection: 'complaints',
    overrideAccess: false,
    user: manager,
    data: recordedComplaint({ assignedHandler: handler.id, ...data }),
  })
  return c.id
}

/** Runs `step` with the clock at `moment` (Date only: timers run as usual). */
async function at<T>(moment: string, step: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(moment) })
  try {
    return await step()
  } finally {
    vi.useRealTimers()
  }
}

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: 're_report_refold_key' })
  ctx = await createTestPayload({
    RESEND_API_KEY: 're_report_refold_key',
    RESEND_BASE_URL: fake.url,
    OUTBOX_RETRY_DELAY_MS: '1',
  })
  payload = ctx.payload
  manager = (await createStaffUserWithToken(payload, 'manager@example.nl', 'Maria Manager', ['manager'])).user
  const withToken = await createStaffUserWithToken(payload, 'handler@example.nl', 'Anton Behandelaar', ['handler'])
  handler = withToken.user
  handlerToken = withToken.token
  await payload.updateGlobal({
    slug: 'settings',
    data: { uwvLabourExpert: { name: 'A. Deskundige', email: 'ad@uwv.example' } },
  })
}, 120_000)

afterAll(async () => {
  await ctx?.cleanup()
  await fake?.close()
})

describe('Art. 9, Decision 18: a save folds its case once, after its last timeline entry', () => {
  let id = ''
  beforeAll(async () => {
    id = await recordCase()
    await deliver()
  })

  it('Art. 5: the acknowledgement writes several entries and one row, which matches the whole timeline', async () => {
    const before = await entries(id)
    const counter = countFactWrites()
    try {
      await update(id, {
        status: 'acknowledged',
        acknowledgement: { factsSummary: 'Drie gemiste afspraken in december.', statedTermWeeks: 4 },
      })
      // status_changed, deadline_changed (the stated term), fields_changed, letter_issued: one fold.
      expect((await entries(id)) - before).toBeGreaterThanOrEqual(3)
      expect(counter.writes()).toBe(1)
    } finally {
      counter.stop()
    }
    const { stored, folded } = await storedAndFolded(id)
    expect(stored).toEqual(folded)
    expect(stored?.acknowledgementSentAt).toBeNull()
  })

  it('Art. 2, Art. 6.4: a save through REST that reclassifies and asks travel costs folds once too', async () => {
    const before = await entries(id)
    const counter = countFactWrites()
    try {
      const response = await ctx.rest(`/complaints/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `JWT ${handlerToken}` },
        body: JSON.stringify({
          categories: ['negligence', 'incorrect_information'],
          hearing: { travelCostRequested: true },
        }),
      })
      expect(response.status).toBe(200)
      // fields_changed, classified, travel_costs_requested.
      expect((await entries(id)) - before).toBe(3)
      expect(counter.writes()).toBe(1)
    } finally {
      counter.stop()
    }
    const { stored, folded } = await storedAndFolded(id)
    expect(stored).toEqual(folded)
    expect([stored?.categories, stored?.travelCostRequests]).toEqual([['negligence', 'incorrect_information'], 1])
  })

  it('Art. 5: the outbox job that delivers the acknowledgement (outside any save) brings the row up to date', async () => {
    await deliver()
    const [sent] = (
      await payload.find({
        collection: 'case-events',
        where: { and: [{ complaint: { equals: id } }, { type: { equals: 'letter_sent' } }] },
        overrideAccess: true,
        depth: 0,
      })
    ).docs.filter((event) => (event.data as { purpose?: string }).purpose === 'acknowledgement')
    const { stored, folded } = await storedAndFolded(id)
    expect(stored).toEqual(folded)
    expect(stored?.acknowledgementSentAt).toBe(sent?.at)
  })

  it('an entry written without a request (no save to wait for) folds at once', async () => {
    const counter = countFactWrites()
    try {
      await recordEvent(payload, {
        complaint: id,
        type: 'classified',
        actorKind: 'system',
        data: { channel: 'letter' },
      })
      expect(counter.writes()).toBe(1)
    } finally {
      counter.stop()
    }
    expect((await storedAndFolded(id)).stored?.channel).toBe('letter')
  })

  it('a save that fails after 2 of its entries leaves the row folded from those 2, once, and its error goes on', async () => {
    const req = await createLocalReq({ user: handler }, payload)
    const counter = countFactWrites()
    let midway = null as CaseFacts | null
    try {
      const save = refoldingOnce(payload, req, async () => {
        await recordEvent(
          payload,
          { complaint: id, type: 'classified', actorKind: 'system', data: { role: 'employer' } },
          req,
        )
        await recordEvent(
          payload,
          { complaint: id, type: 'travel_costs_requested', actorKind: 'system', data: {} },
          req,
        )
        // Within the save the fold waits for its last entry.
        midway = (await storedAndFolded(id)).stored
        throw new Error('the save fails half-way')
      })
      await expect(save).rejects.toThrow('the save fails half-way')
      expect(counter.writes()).toBe(1)
    } finally {
      counter.stop()
    }
    expect([midway?.role, midway?.travelCostRequests]).toEqual(['client', 1])
    const { stored, folded } = await storedAndFolded(id)
    expect(stored).toEqual(folded)
    expect([stored?.role, stored?.travelCostRequests]).toEqual(['employer', 2])
  })
})

describe('Decision 12, 17, Art. 7: a corrected posting date is the sending of the notice of non-admission', () => {
  // Received Monday 12 January 2026: the notice is due within 4 weeks, by 9 February (Art. 7).
  const RECEIVED = '2026-01-12T09:00:00.000Z'
  const DAY_OF_RECEIPT: Period = { from: '2026-01-12', to: '2026-01-12' }
  const AS_OF = new Date('2026-06-30T10:00:00.000Z')
  let id = ''
  let notice = ''

  beforeAll(async () => {
    // No e-mail address: the letters are produced for post (Decision 12).
    id = await at('2026-01-12T10:00:00.000Z', async () => {
      const created = await recordCase({
        receivedAt: RECEIVED,
        conduct: { when: 'date', date: '2025-12-15' },
        complainant: {
          role: 'client',
          name: 'Piet Post',
          street: 'Dorpsstraat 1',
          postalCode: '1234 AB',
          city: 'Utrecht',
        },
      })
      await deliver()
      return created
    })
    // Day 27: not admitted, the notice produced for post.
    await at('2026-02-08T09:00:00.000Z', async () => {
      await update(id, {
        status: 'not_admitted',
        nonAdmission: { ground: 'insufficient_interest', reasons: 'Het belang is kennelijk onvoldoende.' },
      })
      await deliver()
    })
    const { docs } = await payload.find({
      collection: 'letters',
      where: { and: [{ complaint: { equals: id } }, { purpose: { equals: 'non_admission_notice' } }] },
      overrideAccess: true,
      depth: 0,
    })
    expect(docs.map((letter) => letter.channel)).toEqual(['post'])
    notice = docs[0]?.id ?? ''
  }, 120_000)

  it('posted on day 27 it is on time; corrected to day 30 it is late, and the report says so', async () => {
    const day27 = '2026-02-08T12:00:00.000Z'
    const day30 = '2026-02-11T12:00:00.000Z'
    await at('2026-02-08T13:00:00.000Z', () =>
      payload.update({
        collection: 'letters',
        id: notice,
        data: { postedAt: day27 },
        overrideAccess: false,
        user: handler,
      }),
    )
    const first = await loadReport(payload, DAY_OF_RECEIPT, AS_OF)
    expect([first.notAdmitted, first.notAdmittedOnTime]).toEqual([1, 1])

    await at('2026-02-12T09:00:00.000Z', () =>
      payload.update({
        collection: 'letters',
        id: notice,
        data: { postedAt: day30, postedAtChangeReason: 'De brief ging pas op woensdag op de post.' },
        overrideAccess: false,
        user: handler,
      }),
    )
    const corrected = await loadReport(payload, DAY_OF_RECEIPT, AS_OF)
    expect([corrected.notAdmitted, corrected.notAdmittedOnTime, corrected.leadTimeDays.median]).toEqual([1, 0, 30])
    const { stored, folded } = await storedAndFolded(id)
    expect(stored).toEqual(folded)
    expect([stored?.nonAdmissionNoticeSentAt, stored?.endedAt]).toEqual([day30, day30])
    // Decision 18: as of a moment before the correction was recorded, the date entered then counts.
    const asItStood = await loadReport(payload, DAY_OF_RECEIPT, new Date('2026-02-11T18:00:00.000Z'))
    expect(asItStood.notAdmittedOnTime).toBe(1)
  })
})
