import type { Payload } from 'payload'
import { _internal_jobSystemGlobals, _internal_resetJobSystemGlobals } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { enqueueEmail, OUTBOX_QUEUE } from '../../cms/email/enqueue'
import { type FakeResend, startFakeResend } from '../helpers/fakeResend'
import { createTestPayload, type TestPayload } from '../helpers/payload'

/**
 * The outbox's retry schedule, read from what Payload stores: after each failed attempt the job's
 * `waitUntil` lies OUTBOX_RETRY_DELAY_MS × 1, 2, 4, 8 after that attempt, and the queue does not run
 * it before then. No waiting: the job system's clock is Payload's own `getCurrentDate` (the hook its
 * own integration tests use), set here to the moments the queue would run; nothing else is faked.
 */

const API_KEY = 're_backoff_key_0123456789'
// Not the default (30 s), so the test shows the setting is what the schedule doubles.
const DELAY_MS = 45_000
const T0 = new Date('2026-12-01T09:00:00.000Z')

let fake: FakeResend
let ctx: TestPayload
let payload: Payload
let clock = T0

beforeAll(async () => {
  fake = await startFakeResend({ apiKey: API_KEY })
  ctx = await createTestPayload({
    RESEND_API_KEY: API_KEY,
    RESEND_BASE_URL: fake.url,
    OUTBOX_MAX_ATTEMPTS: '5',
    OUTBOX_RETRY_DELAY_MS: String(DELAY_MS),
  })
  payload = ctx.payload
  _internal_jobSystemGlobals.getCurrentDate = () => new Date(clock)
})

afterAll(async () => {
  _internal_resetJobSystemGlobals()
  await ctx?.cleanup()
  await fake?.close()
})

/** The delivery job of one message, as the queue stores it. */
async function jobOf(messageId: string) {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { 'input.messageId': { equals: messageId } },
    overrideAccess: true,
    depth: 0,
  })
  if (docs.length !== 1) throw new Error(`expected one delivery job, found ${docs.length}`)
  return docs[0] as (typeof docs)[number]
}

/** One run of the outbox queue at `at`, as the CMS's runner would start it then. */
async function runAt(at: Date) {
  clock = at
  // Silent: the failures are scripted; the test reads what they left behind.
  await payload.jobs.run({ queue: OUTBOX_QUEUE, silent: true })
}

describe('the outbox retries with exponential backoff (README: OUTBOX_RETRY_DELAY_MS, doubling)', () => {
  it('waits OUTBOX_RETRY_DELAY_MS × 1, 2, 4, 8 after each failed attempt, and never runs a retry earlier', async () => {
    fake.failNext(4, 503)
    const message = await enqueueEmail(
      payload,
      {
        to: ['klager@example.nl'],
        subject: 'Ontvangstbevestiging WP-2026-0001',
        html: '<p>Ontvangen.</p>',
        text: 'Ontvangen.',
        purpose: 'system',
      },
      { defaultFrom: 'Working Progression <klachten@workingprogression.nl>' },
    )

    const waits: number[] = []
    let runAtMoment = T0
    for (let attempt = 1; attempt <= 4; attempt++) {
      await runAt(runAtMoment)
      expect(fake.requests, `attempt ${attempt} reached Resend`).toBe(attempt)
      const job = await jobOf(message.id)
      const failed = (job.log ?? []).filter((entry) => entry.state === 'failed')
      expect(failed, `attempt ${attempt} is logged as failed`).toHaveLength(attempt)
      const last = failed[failed.length - 1]
      expect(last?.executedAt).toBe(runAtMoment.toISOString())
      expect(job.totalTried).toBe(attempt)
      expect(job.hasError).toBe(false)
      const waitUntil = new Date(job.waitUntil ?? 0)
      waits.push(waitUntil.getTime() - new Date(last?.completedAt ?? 0).getTime())

      // One millisecond before the stored moment, the queue leaves the message alone.
      await runAt(new Date(waitUntil.getTime() - 1))
      expect(fake.requests, `no retry before ${waitUntil.toISOString()}`).toBe(attempt)
      runAtMoment = new Date(waitUntil.getTime() + 1)
    }
    expect(waits).toEqual([DELAY_MS, 2 * DELAY_MS, 4 * DELAY_MS, 8 * DELAY_MS])

    // The fifth attempt, once its wait is over, delivers the message.
    await runAt(runAtMoment)
    expect(fake.requests).toBe(5)
    expect(fake.deliveries).toHaveLength(1)
    const stored = await payload.findByID({ collection: 'outbox', id: message.id, overrideAccess: true })
    expect([stored.status, stored.attempts]).toEqual(['sent', 5])
  })
})
